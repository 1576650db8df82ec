// Three-way conference from the softphone controls on the real Asterisk: the agent on a call consults a
// third party (a number, or another agent), then conferences: the caller, the agent and the third party
// are all in the call's mixing bridge, and the agent's console is told the call is a conference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeMembers, outboundWorld } from './outbound-world.ts';
import { eventually, finalCall, listen, placeCall, setupQueue, type Api, type Setup, type TelephonyWorld } from './support.ts';

let w: TelephonyWorld;
beforeAll(async () => {
  w = await outboundWorld('Local/tone@ringside-test');
}, 120_000);
afterAll(async () => w?.close(), 30_000);

const stateOf = async (a: Api) => (await a.get('/api/agent/state')).body;

async function answeredCall(s: Setup, number: string): Promise<string> {
  await s.agents[0]!.api.post('/api/agent/sign-in');
  await placeCall(w, s.did, number);
  const callId = await eventually(async () => (await s.admin.get<{ items: { id: string; did: string }[] }>('/api/calls?outcome=live')).body.items.find((c) => c.did === s.did)?.id, 10_000, 'the live call');
  await eventually(async () => (await stateOf(s.agents[0]!.api)).state === 'onCall', 10_000, 'the agent on the call');
  return callId;
}

describe('three-way conference', () => {
  for (const kind of ['number', 'agent'] as const) {
    it(`adds ${kind === 'number' ? 'a number' : 'another agent'} into the call's mixing bridge`, async () => {
      const s = await setupQueue(w, { agents: 2, tag: `conf-${kind}` });
      const [a0, a1] = s.agents as [Setup['agents'][0], Setup['agents'][0]];
      const { socket, events } = await listen(w.server, a0.api);
      try {
        const callId = await answeredCall(s, '13900001212');
        const before = await eventually(async () => {
          const m = await bridgeMembers(w, `call-${callId}`);
          return m?.length === 2 ? m : undefined;
        }, 5_000, 'caller and agent bridged');
        if (kind === 'agent') await a1.api.post('/api/agent/sign-in');
        const target = kind === 'number' ? { kind: 'number', value: '13800138000' } : { kind: 'agent', value: a1.id };
        expect((await a0.api.post(`/api/calls/${callId}/transfer`, { mode: 'attended', target })).status).toBe(204);
        // Consulting: the third party answered and talks with the agent; the caller waits outside.
        await eventually(async () => events.some((e) => e.name === 'call:update' && e.payload.status === 'consulting' && (e.payload.parties as unknown[]).length === 2), 10_000, 'the consult answered');
        const callerChannel = w.server.app.telephony!.calls.get(callId)!.callerChannel;
        await eventually(async () => {
          const m = await bridgeMembers(w, `call-${callId}`);
          return m?.length === 2 && !m.includes(callerChannel);
        }, 10_000, 'agent and third party in the bridge, the caller on hold');
        expect((await a0.api.post(`/api/calls/${callId}/conference`)).status).toBe(204);
        const members = await eventually(async () => {
          const m = await bridgeMembers(w, `call-${callId}`);
          return m?.length === 3 ? m : undefined;
        }, 5_000, 'three parties in the bridge');
        for (const ch of before) expect(members).toContain(ch);
        expect(members).toContain(callerChannel);
        expect(events.some((e) => e.name === 'call:update' && e.payload.status === 'conference')).toBe(true);
        if (kind === 'agent') expect((await stateOf(a1.api)).state).toBe('onCall');
        await a0.api.post(`/api/calls/${callId}/hangup`);
        // The first agent left: the call goes on with the third party until the caller hangs up.
        await w.server.app.telephony!.pbx.hangup(callerChannel).catch(() => undefined);
        const row = await finalCall(s.admin, callId);
        expect(row.agentPath).toContain(a0.id);
      } finally {
        socket.close();
      }
    }, 50_000);
  }
});
