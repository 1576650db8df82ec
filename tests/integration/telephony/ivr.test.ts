// IVR on the real Asterisk: a DID → a menu; the Local caller sends DTMF through the port (sendDtmf on
// its ;1 half). An option to a queue reaches an agent, an option to a sub-menu plays that menu, an
// option to voicemail records a message; invalid digits and silence replay the menu, then its fallback.
import type { PbxEvent } from '@ringside/pbx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, finalCall, placeCall, setupQueue, telephonyWorld, uniqueDid, type Api, type Setup, type TelephonyWorld } from './support.ts';

let w: TelephonyWorld;
let s: Setup;
let did: string;
const menus: Record<string, string> = {};

beforeAll(async () => {
  w = await telephonyWorld();
  s = await setupQueue(w, { agents: 1, tag: 'ivr' });
  const sub = await s.admin.post<{ id: string }>('/api/ivr-menus', { name: 'Sub', promptId: 'queue-welcome', options: [{ digit: '1', kind: 'queue', target: s.queueId }], timeoutSec: 2, maxRetries: 0 });
  expect(sub.status).toBe(201);
  const main = await s.admin.post<{ id: string }>('/api/ivr-menus', {
    name: 'Main', promptId: 'queue-welcome', timeoutSec: 2, maxRetries: 1,
    options: [
      { digit: '1', kind: 'queue', target: s.queueId },
      { digit: '2', kind: 'menu', target: sub.body.id },
      { digit: '3', kind: 'voicemail', target: `queue:${s.queueId}` },
    ],
    fallback: { kind: 'queue', target: s.queueId },
  });
  expect(main.status).toBe(201);
  menus.sub = sub.body.id;
  menus.main = main.body.id;
  did = uniqueDid();
  expect((await s.admin.post('/api/dids', { number: did, targetKind: 'ivr', targetId: main.body.id, languages: 'en' })).status).toBe(201);
  expect((await s.agents[0]!.api.post('/api/agent/sign-in')).status).toBe(200);
}, 120_000);
afterAll(async () => w?.close(), 30_000);

const stateOf = async (a: Api) => (await a.get('/api/agent/state')).body;

async function call(digits: string[], gapMs = 300): Promise<{ caller: string; callId: string }> {
  await eventually(async () => (await stateOf(s.agents[0]!.api)).state === 'ready', 10_000, 'the agent to be ready');
  const caller = await placeCall(w, did, '13900006666');
  await w.callers.next((e: PbxEvent) => e.type === 'callEntered' && e.channelId === caller, 10_000);
  const callId = await eventually(async () => {
    const r = await s.admin.get<{ items: { id: string; did: string }[] }>('/api/calls?outcome=live');
    return r.body.items.find((c) => c.did === did)?.id;
  }, 10_000, 'the live call row');
  for (const d of digits) {
    await new Promise((r) => setTimeout(r, gapMs));
    await w.callers.adapter.sendDtmf(caller, d);
  }
  return { caller, callId };
}

async function agentTakesItThenHangsUp(callId: string): Promise<Record<string, unknown>> {
  const agent = s.agents[0]!;
  await eventually(async () => (await stateOf(agent.api)).state === 'onCall', 25_000, 'the agent on the call');
  await agent.api.post(`/api/calls/${callId}/hangup`);
  return finalCall(s.admin, callId);
}

describe('IVR menus', () => {
  it('DTMF option → queue reaches the agent; the path is on the call record', async () => {
    const { callId } = await call(['1']);
    const row = await agentTakesItThenHangsUp(callId);
    expect(row).toMatchObject({ outcome: 'completed', agentId: s.agents[0]!.id, ivrPath: ['Main', '1'] });
  }, 40_000);

  it('DTMF option → sub-menu, then its option → queue', async () => {
    const { callId } = await call(['2', '1'], 800);
    const row = await agentTakesItThenHangsUp(callId);
    expect(row.ivrPath).toEqual(['Main', '2', 'Sub', '1']);
  }, 40_000);

  it('invalid digits replay the menu, then the fallback takes the call', async () => {
    const { callId } = await call(['9', '8'], 800);
    const row = await agentTakesItThenHangsUp(callId);
    // Neither digit is an option: no option in the path, the fallback (the queue) answered.
    expect(row.ivrPath).toEqual(['Main']);
    expect(row.queuePath).toEqual([s.queueId]);
  }, 40_000);

  it('no input: the prompt is replayed after the timeout, then the fallback', async () => {
    const started = Date.now();
    const { callId } = await call([]);
    const row = await agentTakesItThenHangsUp(callId);
    expect(row.ivrPath).toEqual(['Main']);
    // Two prompts (≈5.4 s each in English) and two 2 s timeouts before the fallback.
    expect(Date.now() - started).toBeGreaterThan(12_000);
  }, 60_000);

  it('DTMF option → voicemail records a message for the queue', async () => {
    const { caller, callId } = await call(['3']);
    await new Promise((r) => setTimeout(r, 9_000));
    await w.callers.adapter.hangup(caller);
    const vm = await eventually(async () => {
      const r = await s.agents[0]!.api.get<{ items: { callId: string; mailboxId: string }[] }>('/api/voicemails');
      return r.body.items.find((v) => v.callId === callId);
    }, 15_000, 'the voicemail in the agent\'s list');
    expect(vm.mailboxId).toBe(s.queueId);
    const row = await finalCall(s.admin, callId);
    expect(row.ivrPath).toEqual(['Main', '3']);
  }, 40_000);
});
