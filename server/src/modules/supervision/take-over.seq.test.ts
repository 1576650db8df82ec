// A supervisor takes over a talking call, over the fake PBX, through supervision's public functions
// (createSupervision, takeOverCallFor, as routes.ts uses them): the supervisor's phone is rung as a
// supervisor leg, and once it answers telephony makes it the call's agent leg (tel.supervision.takeOver);
// the agent goes to wrap-up, the row ends with the supervisor. The real-Asterisk proof is
// tests/integration/supervision.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeWorld, openWorldDb, type FakeWorld, type WorldDb } from '../telephony/testing/fake-world.ts';
import { createSupervision, takeOverCallFor } from './actions.ts';
import type { Supervision } from './registry.ts';

let wdb: WorldDb;
let w: FakeWorld;
let sv: Supervision | undefined;
beforeAll(async () => {
  wdb = await openWorldDb();
});
afterAll(async () => {
  await wdb?.close();
});
afterEach(async () => {
  sv?.stop();
  await w?.close();
});

describe('take-over over the fake PBX', () => {
  it("the supervisor's phone replaces the agent's leg; the agent wraps up; the row ends with the supervisor", async () => {
    w = fakeWorld(wdb);
    const q = await w.seedQueue({ agents: ['nia'], wrapUpSec: 30 });
    const oz = await w.seedUser('oz', ['supervisor']);
    await w.start();
    sv = createSupervision({ tel: w.tel, io: w.io, db: wdb.db, log: w.log });
    await w.signInReady('nia');
    const callId = await w.call(q.did, 'caller5', '13800000005');
    await w.answer('nia:agent');
    w.advance(20_000);

    // The request rings the supervisor's phone: a supervisor leg, claimed and tagged before it rings.
    let m = w.mark();
    const done = takeOverCallFor(sv, { callId, agentId: w.id('nia') }, oz);
    await w.idle();
    expect(w.timeline(m)).toEqual(['originate oz:supervisor']);
    const phone = w.channel('oz:supervisor');
    expect(w.rt.channels.get(phone)).toEqual({ kind: 'supervisor', callId, supervisorId: oz });
    expect(w.pbx.channels.get(phone)?.variables.get('RINGSIDE_LEG')).toMatch(/^v1\|supervisor\|/);

    // The phone answers: it joins the talk bridge, the agent's leg goes, the agent wraps up.
    m = w.mark();
    await w.answer('oz:supervisor');
    await done;
    expect(w.timeline(m)).toEqual([
      'addToBridge talk:caller5 oz:supervisor',
      'hangup nia:agent',
      'io agent:state nia',
      'io call:ended nia',
      'io call:update oz',
    ]);
    expect(w.emitted('call:ended', 'nia')).toEqual([
      { callId, hangupSide: 'system', cause: 'taken-over', wrapUpRequired: true },
    ]);
    expect(w.status('nia')).toBe('wrapUp');
    expect(w.rt.channels.get(phone)).toEqual({ kind: 'agentLeg', callId, agentId: oz });
    expect(w.tel.supervision.liveTalk(callId)).toMatchObject({ agentId: oz, agentChannel: phone });
    expect(sv.sessions.size).toBe(0);
    expect(w.liveChannels()).toEqual(['caller5', 'oz:supervisor']);

    // The supervisor hangs up: the call ends as an agent's hang-up would.
    w.advance(15_000);
    m = w.mark();
    await w.hangup('oz:supervisor');
    expect(w.timeline(m)).toEqual(['hangup caller5', 'io call:ended oz', 'destroyBridge talk:caller5']);
    const row = await w.callRow(callId);
    expect({
      ...row,
      agentId: w.nameOf(row.agentId),
      agentPath: row.agentPath.map((a) => w.nameOf(a)),
    }).toMatchObject({
      outcome: 'completed',
      hangupSide: 'agent',
      agentId: 'oz',
      agentPath: ['nia', 'oz'],
      talkMs: 35_000,
    });
    expect(w.liveChannels()).toEqual([]);
    expect(w.pbx.bridges.size).toBe(0);
    expect(w.rt.calls.has(callId)).toBe(false);
    expect(w.problems()).toEqual([]);
  });
});
