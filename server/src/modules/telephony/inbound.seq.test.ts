// Inbound calls over the fake PBX, in sequence: what the PBX is told, in order, with the console pushes
// where they happen, and the call row and agent states at the end. The real-Asterisk tiers
// (tests/integration/telephony) prove the same flows on a real PBX; these make the logic cheap to change.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../db/schema/calls.ts';
import { fakeWorld, openWorldDb, type FakeWorld, type WorldDb } from './testing/fake-world.ts';

let wdb: WorldDb;
let w: FakeWorld;
beforeAll(async () => {
  wdb = await openWorldDb();
});
afterAll(async () => {
  await wdb?.close();
});
afterEach(async () => {
  await w?.close();
});

describe('an inbound call over the fake PBX', () => {
  it('pops, rings, bridges, is transferred attended then blind, and ends in one complete row', async () => {
    w = fakeWorld(wdb);
    const q = await w.seedQueue({ agents: ['alice', 'bob', 'carol'], wrapUpSec: 30, recordCalls: true });
    const leadId = await w.seedLead('Lead Li', '+8613800138000');
    await w.start();
    await w.signInReady('alice', 'bob', 'carol');

    // The caller enters: tagged, answered, queued with music; the pop reaches alice's console before her
    // phone is rung.
    let m = w.mark();
    const callId = await w.call(q.did, 'caller1', '13800138000');
    expect(w.timeline(m)).toEqual([
      'setVariable caller1 RINGSIDE_LEG',
      'answer caller1',
      'startMoh caller1',
      'io agent:state alice',
      'io call:offer alice',
      'originate alice:agent',
    ]);
    expect(w.emitted('call:offer', 'alice')).toEqual([
      expect.objectContaining({
        callId,
        callerE164: '+8613800138000',
        party: expect.objectContaining({ type: 'lead', id: leadId, name: 'Lead Li' }),
        queue: expect.objectContaining({ id: q.queueId }),
      }),
    ]);
    expect(w.status('alice')).toBe('ringing');

    // Alice answers: the talk bridge, the caller in it, the recording.
    m = w.mark();
    w.advance(4_000);
    await w.answer('alice:agent');
    expect(w.timeline(m)).toEqual([
      'io agent:state alice',
      'createBridge mixing',
      'stopMoh caller1',
      'addToBridge talk:caller1 caller1+alice:agent',
      'recordBridge talk:caller1',
      'io call:update alice',
    ]);
    expect(w.status('alice')).toBe('onCall');

    // Attended transfer to bob: the caller on hold with music, bob's consult leg after his pop.
    w.advance(30_000);
    m = w.mark();
    await w.transfer(callId, 'attended', 'bob');
    expect(w.timeline(m)).toEqual([
      'removeFromBridge talk:caller1 caller1',
      'startMoh caller1',
      'io agent:state bob',
      'io call:offer bob',
      'originate bob:consult',
      'io call:update alice,bob',
      'io call:update alice,bob',
    ]);
    m = w.mark();
    await w.answer('bob:consult');
    expect(w.timeline(m)).toEqual([
      'io agent:state bob',
      'addToBridge talk:caller1 bob:consult',
      'io call:update alice,bob',
    ]);
    // Alice completes: she leaves (wrap-up), the caller joins bob.
    m = w.mark();
    await w.completeTransfer(callId);
    expect(w.timeline(m)).toEqual([
      'hangup alice:agent',
      'io agent:state alice',
      'io call:ended alice',
      'stopMoh caller1',
      'addToBridge talk:caller1 caller1+bob:consult',
      'io call:update bob',
      'io call:update bob',
    ]);
    expect([w.status('alice'), w.status('bob')]).toEqual(['wrapUp', 'onCall']);

    // Blind transfer from bob to carol: bob leaves at once, the caller hears music until carol answers.
    w.advance(20_000);
    m = w.mark();
    await w.transfer(callId, 'blind', 'carol');
    expect(w.timeline(m)).toEqual([
      'hangup bob:consult',
      'io agent:state bob',
      'io call:ended bob',
      'startMoh caller1',
      'io agent:state carol',
      'io call:offer carol',
      'originate carol:consult',
      'io call:update carol',
      'io call:update carol',
    ]);
    m = w.mark();
    await w.answer('carol:consult');
    expect(w.timeline(m)).toEqual([
      'io agent:state carol',
      'stopMoh caller1',
      'addToBridge talk:caller1 caller1+carol:consult',
      'io call:update carol',
      'io call:update carol',
    ]);

    // The caller hangs up: carol's leg and the bridge go, carol wraps up.
    w.advance(10_000);
    m = w.mark();
    await w.hangup('caller1');
    expect(w.timeline(m)).toEqual([
      'hangup carol:consult',
      'io call:ended carol',
      'io agent:state carol',
      'destroyBridge talk:caller1',
    ]);
    expect([w.status('alice'), w.status('bob'), w.status('carol')]).toEqual(['wrapUp', 'wrapUp', 'wrapUp']);
    expect(w.liveChannels()).toEqual([]);
    expect(w.pbx.bridges.size).toBe(0);

    const rows = await wdb.db.select().from(calls).where(eq(calls.did, q.did));
    expect(rows).toHaveLength(1);
    const row = await w.callRow(callId);
    expect({
      ...row,
      agentPath: row.agentPath.map((a) => w.nameOf(a)),
      agentId: w.nameOf(row.agentId),
    }).toMatchObject({
      direction: 'inbound',
      outcome: 'completed',
      hangupSide: 'caller',
      queueId: q.queueId,
      partyType: 'lead',
      partyId: leadId,
      agentId: 'carol',
      agentPath: ['alice', 'bob', 'carol'],
      transfers: 2,
      attempts: 1,
      waitMs: 4_000,
      talkMs: 60_000,
    });
    expect(row.activityId).not.toBeNull();
    expect(w.problems()).toEqual([]);
  });

  it('RONA: an offer that rings past the ring timeout pauses the agent and goes to the next one', async () => {
    w = fakeWorld(wdb);
    const q = await w.seedQueue({ agents: ['dave', 'erin'], ringTimeoutSec: 15 });
    await w.start();
    await w.signInReady('dave', 'erin');
    const callId = await w.call(q.did, 'caller2', '13900139000');
    expect(w.status('dave')).toBe('ringing');

    // Just short of the timeout nothing happens.
    let m = w.mark();
    await w.pass(14_500);
    expect(w.timeline(m)).toEqual([]);

    m = w.mark();
    await w.pass(500);
    expect(w.timeline(m)).toEqual([
      'io agent:state dave',
      'hangup dave:agent',
      'io agent:state erin',
      'io call:offer erin',
      'originate erin:agent',
    ]);
    expect(w.agentState('dave').status).toEqual({ kind: 'paused', reason: 'rona' });
    expect(w.liveChannels().sort()).toEqual(['caller2', 'erin:agent']);

    m = w.mark();
    await w.answer('erin:agent');
    expect(w.timeline(m, { only: ['addToBridge'] })).toEqual(['addToBridge talk:caller2 caller2+erin:agent']);
    const live = w.liveCall(callId);
    expect(live.state.status).toMatchObject({ kind: 'answered', agentId: w.id('erin') });
    expect(live.state.attempts).toBe(2);
    await w.hangup('erin:agent');
    const row = await w.callRow(callId);
    expect(row).toMatchObject({ outcome: 'completed', hangupSide: 'agent', attempts: 2, waitMs: 15_000 });
    expect(w.nameOf(row.agentId)).toBe('erin');
    expect([w.status('dave'), w.status('erin')]).toEqual(['paused:rona', 'wrapUp']);
  });

  // The agent's leg ends first: the call machine ends the call and hangs the caller up (hangupCaller),
  // forgetting the caller's leg first, so its destroy event is not news; the agent-side end must clean the
  // call up itself (legs.ts), or the talk bridge (with its recording) and the call would be left behind.
  it('an agent hanging up first: the call is forgotten and its talk bridge destroyed', async () => {
    w = fakeWorld(wdb);
    const q = await w.seedQueue({ agents: ['finn'] });
    await w.start();
    await w.signInReady('finn');
    const callId = await w.call(q.did, 'caller3', '13700137000');
    await w.answer('finn:agent');
    const m = w.mark();
    await w.hangup('finn:agent');
    expect((await w.callRow(callId)).hangupSide).toBe('agent');
    expect(w.timeline(m, { only: ['hangup', 'destroyBridge'] })).toEqual([
      'hangup caller3',
      'destroyBridge talk:caller3',
    ]);
    expect(w.pbx.bridges.size).toBe(0);
    expect(w.rt.calls.has(callId)).toBe(false);
  });
});
