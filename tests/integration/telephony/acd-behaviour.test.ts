// ACD behaviour on the real Asterisk: abandon while queued (abandoned record with wait time), RONA
// (agent paused 'rona', call offered to the next agent), overflow after max wait, blind and attended
// transfer to another agent. Agents are Local channels: tone answers at once, noanswer rings forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, finalCall, placeCall, setupQueue, telephonyWorld, type Api, type Setup, type TelephonyWorld } from './support.ts';

let w: TelephonyWorld;
beforeAll(async () => {
  w = await telephonyWorld();
}, 120_000);
afterAll(async () => w?.close(), 30_000);

async function liveCallId(admin: Api, did: string): Promise<string> {
  return eventually(async () => {
    const r = await admin.get<{ items: { id: string; did: string }[] }>('/api/calls?outcome=live');
    return r.body.items.find((c) => c.did === did)?.id;
  }, 10_000, 'the live call row');
}

const stateOf = async (a: Api) => (await a.get('/api/agent/state')).body;

describe('queue behaviour', () => {
  it('records a caller who hangs up while queued as abandoned, with the wait time', async () => {
    const s = await setupQueue(w, { agents: 1, tag: 'abandon' });
    const caller = await placeCall(w, s.did, '13900001111');
    const callId = await liveCallId(s.admin, s.did);
    await new Promise((r) => setTimeout(r, 1200));
    await w.callers.adapter.hangup(caller);
    const row = await finalCall(s.admin, callId);
    expect(row).toMatchObject({ outcome: 'abandoned', abandonedIn: 'queue', hangupSide: 'caller', agentId: null });
    expect(row.waitSec as number).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('RONA: pauses the agent who did not answer and offers the call to the next agent', async () => {
    const s = await setupQueue(w, { agents: 2, tag: 'rona', queue: { ringTimeoutSec: 5 } });
    await s.admin.put(`/api/agents/${s.agents[0]!.id}/profile`, { dialTarget: 'Local/noanswer@ringside-test' });
    const [slow, good] = s.agents as [Setup['agents'][0], Setup['agents'][0]];
    await slow.api.post('/api/agent/sign-in');
    await new Promise((r) => setTimeout(r, 50));
    await good.api.post('/api/agent/sign-in');
    await placeCall(w, s.did, '13900002222');
    const callId = await liveCallId(s.admin, s.did);
    await eventually(async () => (await stateOf(slow.api)).state === 'ringing', 5_000, 'first agent ringing');
    await eventually(async () => (await stateOf(good.api)).state === 'onCall', 12_000, 'second agent on the call');
    expect(await stateOf(slow.api)).toMatchObject({ state: 'paused', reason: 'rona' });
    await good.api.post(`/api/calls/${callId}/hangup`);
    const row = await finalCall(s.admin, callId);
    expect(row).toMatchObject({ outcome: 'completed', agentId: good.id });
  }, 40_000);

  it('overflows to another queue after the max wait', async () => {
    const target = await setupQueue(w, { agents: 1, tag: 'ovf-target' });
    const s = await setupQueue(w, { agents: 0, tag: 'ovf', queue: { maxWaitSec: 2, overflow: { kind: 'queue', queueId: target.queueId } } });
    await target.agents[0]!.api.post('/api/agent/sign-in');
    await placeCall(w, s.did, '13900003333');
    const callId = await liveCallId(s.admin, s.did);
    await eventually(async () => (await stateOf(target.agents[0]!.api)).state === 'onCall', 10_000, 'overflow agent on the call');
    await target.agents[0]!.api.post(`/api/calls/${callId}/hangup`);
    const row = await finalCall(s.admin, callId);
    expect(row.queuePath).toEqual([s.queueId, target.queueId]);
    expect(row.waitSec as number).toBeGreaterThanOrEqual(2);
  }, 30_000);

  for (const mode of ['blind', 'attended'] as const) {
    it(`${mode} transfer hands the caller to another agent; one record with both agents`, async () => {
      const s = await setupQueue(w, { agents: 2, tag: `xfer-${mode}` });
      const [a0, a1] = s.agents as [Setup['agents'][0], Setup['agents'][0]];
      await a0.api.post('/api/agent/sign-in');
      await placeCall(w, s.did, '13900004444');
      const callId = await liveCallId(s.admin, s.did);
      await eventually(async () => (await stateOf(a0.api)).state === 'onCall', 10_000, 'first agent on the call');
      await a1.api.post('/api/agent/sign-in');
      const t = await a0.api.post(`/api/calls/${callId}/transfer`, { mode, target: { kind: 'agent', value: a1.id } });
      expect(t.status).toBe(204);
      await eventually(async () => (await stateOf(a1.api)).state === 'onCall', 10_000, 'second agent on the call');
      if (mode === 'attended') {
        expect((await stateOf(a0.api)).state).toBe('onCall');
        expect((await a0.api.post(`/api/calls/${callId}/transfer/complete`)).status).toBe(204);
      }
      await eventually(async () => (await stateOf(a0.api)).state === 'ready', 5_000, 'first agent released');
      await new Promise((r) => setTimeout(r, 500));
      await a1.api.post(`/api/calls/${callId}/hangup`);
      const row = await finalCall(s.admin, callId);
      expect(row).toMatchObject({ outcome: 'completed', agentId: a1.id, transfers: 1 });
      expect(row.agentPath).toEqual([a0.id, a1.id]);
      const list = await s.admin.get<{ items: { id: string }[] }>(`/api/calls?queueId=${s.queueId}`);
      expect(list.body.items.filter((c) => c.id === callId)).toHaveLength(1);
    }, 40_000);
  }
});
