// The dialer over the fake PBX, in sequence: a dial answered and connected to a ready agent, an answering
// machine given the message, live answers abandoned after the 2 s grace (no agent ready; an offered agent
// whose phone does not answer), and preview's rule (no grace: the agent who dialed gets the call). The
// real-Asterisk tier (tests/integration/dialer) proves the same on a real PBX and carrier.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../db/schema/calls.ts';
import { campaignAttempts, campaignRecords } from '../../db/schema/campaigns.ts';
import { claimDialable } from '../campaigns/dialer-store.ts';
import { fakeWorld, openWorldDb, type FakeWorld, type WorldDb } from '../telephony/testing/fake-world.ts';

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

/** campaign:progress follows the 5 s refresh of the figures, not the call: left out of the timelines. */
const skip = ['io campaign:progress'];

async function stored(recordId: string) {
  const [record] = await wdb.db.select().from(campaignRecords).where(eq(campaignRecords.id, recordId));
  const attempts = await wdb.db
    .select()
    .from(campaignAttempts)
    .where(eq(campaignAttempts.recordId, recordId));
  const callRows = attempts[0]?.callId
    ? await wdb.db.select().from(calls).where(eq(calls.id, attempts[0].callId))
    : [];
  return { record: record!, attempts, callRows };
}

describe('the dialer over the fake PBX', () => {
  it('dials, the called party answers, the call is offered to the ready agent and connected', async () => {
    w = fakeWorld(wdb);
    const number = '+8613700000001';
    const c = await w.seedCampaign({ agents: ['fay'], numbers: [number] });
    await w.start();
    await w.signInReady('fay');
    const dialer = await w.startDialer();

    let m = w.mark();
    await w.tick();
    expect(w.timeline(m, { skip })).toEqual([`originate dial:${number}`]);
    expect(w.pbx.channels.get(w.channel(`dial:${number}`))?.variables.get('RINGSIDE_LEG')).toMatch(
      /^v1\|dialer\|/,
    );

    // The answer: telephony takes the leg over (music), the pop goes to fay, then her phone rings.
    w.advance(3_000);
    m = w.mark();
    await w.answer(`dial:${number}`);
    expect(w.timeline(m, { skip })).toEqual([
      `startMoh dial:${number}`,
      'io agent:state fay',
      'io call:offer fay',
      'originate fay:agent',
    ]);
    expect(w.emitted('call:offer', 'fay')).toEqual([
      expect.objectContaining({
        direction: 'outbound',
        callerNumber: number,
        campaign: expect.objectContaining({ id: c.campaignId, recordId: c.recordIds[0] }),
      }),
    ]);

    m = w.mark();
    w.advance(1_000);
    await w.answer('fay:agent');
    expect(w.timeline(m, { skip })).toEqual([
      'io agent:state fay',
      'createBridge mixing',
      `stopMoh dial:${number}`,
      `addToBridge talk:dial:${number} dial:${number}+fay:agent`,
      'io call:update fay',
    ]);
    // Well past the grace: connected calls are never taken back.
    await w.pass(5_000);
    expect(w.status('fay')).toBe('onCall');

    w.advance(40_000);
    m = w.mark();
    await w.hangup(`dial:${number}`);
    expect(w.timeline(m, { skip })).toEqual([
      'hangup fay:agent',
      'io call:ended fay',
      'io agent:state fay',
      `destroyBridge talk:dial:${number}`,
    ]);
    expect(w.status('fay')).toBe('wrapUp');
    expect(dialer.attempts).toEqual([
      expect.objectContaining({ number, outcome: 'answered', agentId: w.id('fay'), heardMessage: null }),
    ]);
    const s = await stored(c.recordIds[0]!);
    expect(s.record.status).toBe('done');
    expect(s.attempts).toEqual([expect.objectContaining({ outcome: 'answered', agentId: w.id('fay') })]);
    expect(s.callRows).toEqual([
      expect.objectContaining({
        direction: 'outbound',
        outcome: 'completed',
        agentId: w.id('fay'),
        hangupSide: 'caller',
        talkMs: 45_000,
      }),
    ]);
    expect(w.problems()).toEqual([]);
  });

  it('AMD says machine: the message plays to its end, then the dialer hangs up', async () => {
    w = fakeWorld(wdb);
    const number = '+8613700000002';
    const c = await w.seedCampaign({ agents: ['gus'], numbers: [number], amd: true, amdAction: 'message' });
    w.pbx.setAmdVerdict(number, 'machine');
    await w.start();
    await w.signInReady('gus');
    const dialer = await w.startDialer();

    const m = w.mark();
    await w.tick();
    w.advance(3_000);
    await w.answer(`dial:${number}`);
    expect(w.timeline(m, { skip })).toEqual([
      `originate dial:${number}`,
      `startAmd dial:${number}`,
      `play dial:${number} zh/dialer-machine-message+en/dialer-machine-message`,
    ]);
    expect(w.status('gus')).toBe('ready');
    expect(w.emitted('call:offer')).toEqual([]);

    w.advance(8_000);
    const m2 = w.mark();
    await w.finishPlayback(`dial:${number}`);
    expect(w.timeline(m2, { skip })).toEqual([`hangup dial:${number}`]);
    expect(w.liveChannels()).toEqual([]);
    expect(dialer.attempts).toEqual([
      expect.objectContaining({
        number,
        outcome: 'machine',
        amd: 'MACHINE',
        heardMessage: true,
        agentId: null,
      }),
    ]);
    const s = await stored(c.recordIds[0]!);
    expect(s.attempts).toEqual([
      expect.objectContaining({ outcome: 'machine', amdResult: 'MACHINE/FAKE-MACHINE' }),
    ]);
    expect(s.callRows).toEqual([expect.objectContaining({ direction: 'outbound' })]);
    expect(w.problems()).toEqual([]);
  });

  it('a live answer with no ready agent is abandoned after the 2 s grace, with the message', async () => {
    w = fakeWorld(wdb);
    const number = '+8613700000003';
    const c = await w.seedCampaign({ agents: ['hal'], numbers: [number] });
    await w.start();
    await w.signInReady('hal');
    const dialer = await w.startDialer();
    await w.tick();
    // Hal signs out while the number rings: nobody to give the answer to.
    await w.agentDoes('hal', (now) => ({ type: 'signOut', now }));

    w.advance(3_000);
    let m = w.mark();
    await w.answer(`dial:${number}`);
    await w.pass(1_500);
    expect(w.timeline(m, { skip })).toEqual([]);
    m = w.mark();
    await w.pass(500);
    expect(w.timeline(m, { skip })).toEqual([
      `play dial:${number} zh/abandon-identification+en/abandon-identification`,
    ]);
    w.advance(11_000);
    m = w.mark();
    await w.finishPlayback(`dial:${number}`);
    expect(w.timeline(m, { skip })).toEqual([`hangup dial:${number}`]);

    expect(dialer.attempts).toEqual([
      expect.objectContaining({ outcome: 'abandoned', heardMessage: true, agentId: null, offeredTo: null }),
    ]);
    const s = await stored(c.recordIds[0]!);
    expect(s.record.abandonedAt).not.toBeNull();
    expect(s.attempts).toEqual([expect.objectContaining({ outcome: 'abandoned' })]);
    expect(w.problems()).toEqual([]);
  });

  it('an offered agent whose phone does not answer within the grace: taken back, the message, the agent ready again', async () => {
    w = fakeWorld(wdb);
    const number = '+8613700000005';
    const c = await w.seedCampaign({ agents: ['jay'], numbers: [number] });
    await w.start();
    await w.signInReady('jay');
    const dialer = await w.startDialer();
    await w.tick();
    w.advance(3_000);
    await w.answer(`dial:${number}`);
    expect(w.status('jay')).toBe('ringing');

    let m = w.mark();
    await w.pass(1_500);
    expect(w.timeline(m, { skip })).toEqual([]);
    m = w.mark();
    await w.pass(500);
    expect(w.timeline(m, { skip })).toEqual([
      `stopMoh dial:${number}`,
      'hangup jay:agent',
      'io agent:state jay',
      `play dial:${number} zh/abandon-identification+en/abandon-identification`,
    ]);
    expect(w.status('jay')).toBe('ready');
    // The leg is the dialer's again.
    expect(w.rt.channels.get(w.channel(`dial:${number}`))?.kind).toBe('dialer');

    w.advance(11_000);
    m = w.mark();
    await w.finishPlayback(`dial:${number}`);
    expect(w.timeline(m, { skip })).toEqual([`hangup dial:${number}`]);
    expect(dialer.attempts).toEqual([
      expect.objectContaining({
        outcome: 'abandoned',
        heardMessage: true,
        agentId: null,
        offeredTo: w.id('jay'),
      }),
    ]);
    const s = await stored(c.recordIds[0]!);
    expect(s.callRows).toEqual([
      expect.objectContaining({ direction: 'outbound', outcome: 'abandoned', hangupSide: 'system' }),
    ]);
    expect(w.problems()).toEqual([]);
  });

  it('preview: the agent who dialed gets the answer, and no grace takes it back while their phone rings', async () => {
    w = fakeWorld(wdb);
    const number = '+8613700000004';
    const ivy = await w.seedUser('ivy');
    const c = await w.seedCampaign({ agents: ['ivy'], numbers: [number], mode: 'preview' });
    await w.start();
    await w.signInReady('ivy');
    const dialer = await w.startDialer();

    // Preview never dials by itself.
    let m = w.mark();
    await w.pass(2_000);
    expect(w.timeline(m, { skip })).toEqual([]);

    const [target] = await claimDialable(wdb.db, c.campaignId, 1, new Date(w.clock.now), { agentId: ivy });
    const callId = await dialer.dialPreview(ivy, target!);
    await w.idle();
    w.advance(3_000);
    await w.answer(`dial:${number}`);
    expect(w.timeline(m, { skip })).toEqual([
      `originate dial:${number}`,
      `startMoh dial:${number}`,
      'io agent:state ivy',
      'io call:offer ivy',
      'originate ivy:agent',
    ]);
    m = w.mark();
    await w.pass(5_000);
    expect(w.timeline(m, { skip })).toEqual([]);
    expect(w.status('ivy')).toBe('ringing');

    m = w.mark();
    await w.answer('ivy:agent');
    expect(w.timeline(m, { skip, only: ['addToBridge'] })).toEqual([
      `addToBridge talk:dial:${number} dial:${number}+ivy:agent`,
    ]);
    expect(w.liveCall(callId!).state.status.kind).toBe('answered');
    await w.hangup('ivy:agent');
    expect(dialer.attempts).toEqual([expect.objectContaining({ callId, outcome: 'answered', agentId: ivy })]);
    expect(w.problems()).toEqual([]);
  });
});
