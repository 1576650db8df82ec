// The inbound flow on the real Asterisk: a caller with a seeded customer's number (written differently)
// calls a DID; the queue's agent gets the screen pop BEFORE its leg is originated, answers (Local
// channel playing a tone), the caller is held with music and retrieved, the agent hangs up, the call
// row is complete (exactly one), the recording is non-empty, and wrap-up writes disposition, note and
// the activity on the customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, finalCall, listen, placeCall, setupQueue, telephonyWorld, type Setup, type TelephonyWorld } from './support.ts';

let w: TelephonyWorld;
let s: Setup;
let customerId = '';
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  w = await telephonyWorld();
  s = await setupQueue(w, { agents: 1, tag: 'flow' });
  const c = await s.admin.post<{ id: string }>('/api/customers', { name: '上海明远贸易有限公司', phones: [{ number: '138 0013 8000' }] });
  expect(c.status).toBe(201);
  customerId = c.body.id;
  expect((await s.admin.post('/api/dispositions', { code: 'resolved', label: '已解决', labelEn: 'Resolved' })).status).toBe(201);
}, 120_000);
afterAll(async () => {
  for (const so of sockets) so.close();
  await w?.close();
}, 30_000);

describe('an inbound call through a queue', () => {
  it('offers the call with the customer 360 before the agent leg, bridges, holds, ends with one complete record', async () => {
    const agent = s.agents[0]!;
    const sock = await listen(w.server, agent.api);
    sockets.push(sock.socket);
    expect((await agent.api.post('/api/agent/sign-in')).body).toMatchObject({ state: 'ready' });
    const caller = await placeCall(w, s.did, '+86 138-0013-8000');

    const offer = await eventually(async () => sock.events.find((e) => e.name === 'call:offer'), 10_000, 'call:offer');
    expect(offer.payload).toMatchObject({ direction: 'inbound', did: s.did, callerE164: '+8613800138000', party: { type: 'customer', id: customerId, name: '上海明远贸易有限公司' } });
    expect((offer.payload.customer360 as { customer: { id: string } }).customer.id).toBe(customerId);
    const callId = offer.payload.callId as string;
    const trace = w.server.app.telephony!.trace.filter((t) => t.callId === callId);
    const emitted = trace.find((t) => t.kind === 'offerEmitted')!;
    const originated = trace.find((t) => t.kind === 'originateSent')!;
    expect(emitted.seq).toBeLessThan(originated.seq);

    await eventually(async () => (await agent.api.get('/api/agent/state')).body.state === 'onCall', 10_000, 'agent on call');
    const onCall = await eventually(async () => sock.events.find((e) => e.name === 'agent:state' && e.payload.state === 'onCall'), 5_000, 'onCall state');
    expect(offer.at).toBeLessThanOrEqual(onCall.at);

    expect((await agent.api.post(`/api/calls/${callId}/hold`)).status).toBe(204);
    await eventually(async () => sock.events.find((e) => e.name === 'call:update' && e.payload.status === 'held'), 5_000, 'held update');
    expect((await agent.api.post(`/api/calls/${callId}/hold`)).status).toBe(409);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await agent.api.post(`/api/calls/${callId}/retrieve`)).status).toBe(204);
    await new Promise((r) => setTimeout(r, 1500));

    expect((await agent.api.post(`/api/calls/${callId}/hangup`)).status).toBe(204);
    const row = await finalCall(s.admin, callId);
    expect(row).toMatchObject({ outcome: 'completed', hangupSide: 'agent', customerId, agentId: agent.id, queueId: s.queueId, direction: 'inbound' });
    expect(row.holdSec as number).toBeGreaterThanOrEqual(1);
    expect(row.talkSec as number).toBeGreaterThanOrEqual(1);
    await w.callers.next((e) => e.type === 'channelDestroyed' && e.channelId === caller, 10_000);

    const list = await s.admin.get<{ items: { id: string }[] }>(`/api/calls?customerId=${customerId}`);
    expect(list.body.items.filter((c) => c.id === callId)).toHaveLength(1);

    const recId = row.recordingId as string;
    expect(recId).toBeTruthy();
    const rec = await eventually(async () => {
      const r = await w.server.app.inject({ method: 'GET', url: `/api/recordings/${recId}`, headers: { cookie: s.admin.cookie, range: 'bytes=0-1023' } });
      return r.statusCode === 206 ? r : undefined;
    }, 10_000, 'the recording');
    expect(rec.headers['content-type']).toBe('audio/wav');
    expect(rec.rawPayload.length).toBe(1024);
    expect(Number(String(rec.headers['content-range']).split('/')[1])).toBeGreaterThan(8000);

    const wrap = await agent.api.post(`/api/calls/${callId}/wrap-up`, { disposition: 'resolved', note: '<b>客户</b>询问发货', followUp: { subject: '回访', dueAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(wrap.status).toBe(200);
    const after = await s.admin.get(`/api/calls/${callId}`);
    expect(after.body).toMatchObject({ disposition: 'resolved', note: '<b>客户</b>询问发货' });
    const c360 = await s.admin.get<{ timeline: { items: { kind: string; callId?: string; body?: string; details?: Record<string, unknown> }[] } }>(`/api/customers/${customerId}/360`);
    const activity = c360.body.timeline.items.find((i) => i.kind === 'call');
    expect(activity).toBeTruthy();
    expect(JSON.stringify(activity)).toContain('resolved');
    sock.socket.close();
  }, 60_000);
});
