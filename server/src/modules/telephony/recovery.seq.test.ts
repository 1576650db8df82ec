// A restart reconciled from a snapshot, over the fake PBX: a runtime holds calls waiting and talking,
// stops; meanwhile one caller vanishes, a new caller enters the app untagged and a supervisor's phone is
// left in it. A new runtime on the same PBX and database, its live store preloaded with what the first one
// had written (as Redis would hold it), connects: recovery.ts adopts, closes and hangs up. The
// real-Asterisk proof is tests/e2e/faults (SIGKILL with callers waiting and talking).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeLegTag, LEG_TAG_VARIABLE } from './leg-tag.ts';
import { fakeWorld, openWorldDb, type FakeWorld, type WorldDb } from './testing/fake-world.ts';

// A database per test: recovery sweeps every row left live, so one test's calls must not be another's.
let wdb: WorldDb;
let w: FakeWorld;
beforeEach(async () => {
  wdb = await openWorldDb();
});
afterEach(async () => {
  await w?.close();
  await wdb?.close();
});

/** Two talking calls (kim, lou) and one waiting, as the first runtime leaves them. */
async function worldWithCalls() {
  w = fakeWorld(wdb);
  const q = await w.seedQueue({ agents: ['kim', 'lou'], wrapUpSec: 30 });
  const sam = await w.seedUser('sam', ['supervisor']);
  await w.start();
  await w.signInReady('kim', 'lou');
  const talk1 = await w.call(q.did, 'talk1', '13800000001');
  await w.answer('kim:agent');
  const talk2 = await w.call(q.did, 'talk2', '13800000002');
  await w.answer('lou:agent');
  w.advance(5_000);
  const wait1 = await w.call(q.did, 'wait1', '13800000003');
  w.advance(5_000);
  return { q, sam, talk1, talk2, wait1 };
}

/** What happens while no runtime runs: talk2's caller hangs up, late1 enters, a supervisor phone is left. */
async function whileDown(did: string, talk1: string, sam: string): Promise<void> {
  w.pbx.remoteHangup(w.channel('talk2'));
  w.enter(did, 'late1', '13800000004');
  const phone = `sup-${talk1}`;
  await w.pbx.originate({
    target: { kind: 'agent', userId: sam },
    channelId: phone,
    appArgs: ['supervise', talk1, sam],
    variables: { [LEG_TAG_VARIABLE]: encodeLegTag({ kind: 'supervisor', callId: talk1, supervisorId: sam }) },
  });
  w.pbx.remoteAnswer(phone);
  await w.pbx.settle();
}

function reconciliation() {
  return w.logs.filter((l) => l.msg === 'telephony: calls reconciled with the PBX').at(-1)?.report;
}

describe('restart reconciliation from a snapshot', () => {
  it('adopts the waiting and talking calls, closes the vanished one, adopts an untagged caller, hangs up a stray', async () => {
    const { q, sam, talk1, talk2, wait1 } = await worldWithCalls();
    const waitingSince = w.liveCall(wait1).state.waitingSince;

    // The snapshot: what the live store holds, and the PBX as the first runtime leaves it.
    const live = w.liveSnapshot();
    expect([...live.keys()].sort()).toEqual([talk1, talk2, wait1].map((id) => `call:${id}`).sort());
    expect(w.liveChannels()).toEqual(['talk1', 'kim:agent', 'talk2', 'lou:agent', 'wait1']);
    expect(w.pbx.bridges.size).toBe(2);

    await w.stopRuntimes();
    await whileDown(q.did, talk1, sam);
    expect(w.liveChannels()).toEqual(['talk1', 'kim:agent', 'lou:agent', 'wait1', 'late1', 'sam:supervisor']);

    w.advance(2_000);
    const m = w.mark();
    await w.restart(live);
    expect(w.timeline(m)).toEqual([
      'listChannels',
      'listBridges',
      // talk2: its caller vanished → closed (side system), lou's leg and the bridge go, lou wraps up.
      'hangup talk2',
      'io call:ended lou',
      'io agent:state lou',
      'hangup lou:agent',
      'destroyBridge talk:talk2',
      // late1: an inbound caller in the app nobody knew → a new call, queued.
      'setVariable late1 RINGSIDE_LEG',
      'answer late1',
      'startMoh late1',
      // the supervisor's phone of a session that died with the process.
      'hangup sam:supervisor',
    ]);
    expect(reconciliation()).toMatchObject({
      mode: 'restart',
      calls: 3,
      actions: {
        legGone: 1,
        legAnswered: 0,
        rebuildBridge: 0,
        resumeMedia: 0,
        adoptInbound: 1,
        hangupStray: 1,
      },
    });

    // Waiting and talking calls were adopted as they were: their rows stay live, the wait keeps its start.
    expect(w.liveChannels()).toEqual(['talk1', 'kim:agent', 'wait1', 'late1']);
    expect(w.liveCall(talk1).state.status).toMatchObject({ kind: 'answered', agentId: w.id('kim') });
    expect(w.liveCall(wait1).state).toMatchObject({ status: { kind: 'queued' }, waitingSince });
    expect((await w.callRow(talk1)).outcome).toBe('live');
    expect((await w.callRow(wait1)).outcome).toBe('live');
    expect(await w.callRow(talk2)).toMatchObject({ hangupSide: 'system' });
    expect([w.status('kim'), w.status('lou')]).toEqual(['onCall', 'wrapUp']);
    expect([...w.liveSnapshot().keys()]).toHaveLength(3);

    // The adopted calls go on: talk1 ends normally with kim. Lou's wrap-up (begun at the restart) ends
    // first: wait1, waiting longer, is hers; kim's ends next and late1 is hers.
    w.advance(10_000);
    await w.hangup('talk1');
    expect(await w.callRow(talk1)).toMatchObject({
      outcome: 'completed',
      hangupSide: 'caller',
      talkMs: 22_000,
    });
    const m2 = w.mark();
    await w.pass(30_000, 1_000);
    expect(w.timeline(m2, { skip: ['io agent:state'] })).toEqual([
      'io call:offer lou',
      'originate lou:agent',
      'io call:offer kim',
      'originate kim:agent',
    ]);
    expect(w.liveCall(wait1).state.status).toMatchObject({ kind: 'offering', agentIds: [w.id('lou')] });
    const late1 = w.rt.channels.get(w.channel('late1'));
    expect(late1?.kind === 'caller' && w.liveCall(late1.callId).state.status).toMatchObject({
      kind: 'offering',
      agentIds: [w.id('kim')],
    });
  });

  // The orphan sweep runs right after the plan, while the row write of the call the plan just closed
  // (onCallerGone, side system) still waits in the call writer: the sweep must leave that row to its own end.
  it("keeps the vanished caller's own end on its row (not the orphan sweep's)", async () => {
    const { q, sam, talk1, talk2 } = await worldWithCalls();
    const live = w.liveSnapshot();
    await w.stopRuntimes();
    await whileDown(q.did, talk1, sam);
    await w.restart(live);
    expect(reconciliation()).toMatchObject({ closedRows: 0 });
    expect(await w.callRow(talk2)).toMatchObject({
      outcome: 'completed',
      hangupSide: 'system',
      cause: 'vanished-while-away',
    });
  });
});
