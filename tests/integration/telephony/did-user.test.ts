// DID → user on the real Asterisk: the call rings that user's own phone (with the screen pop pushed
// first); when the user is signed out, or does not answer within the ring time, the caller reaches the
// user's voicemail and the message lands in that user's list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, finalCall, listen, login, placeCall, telephonyWorld, uniqueDid, type Api, type TelephonyWorld } from './support.ts';

let w: TelephonyWorld;
let admin: Api;
beforeAll(async () => {
  w = await telephonyWorld();
  await w.server.createUser({ username: 'admin-du', password: 'admin-pw-12345', roles: ['admin'] });
  admin = await login(w.server, 'admin-du', 'admin-pw-12345');
}, 120_000);
afterAll(async () => w?.close(), 30_000);

async function userWithDid(tag: string, dialTarget: string): Promise<{ id: string; api: Api; did: string }> {
  const id = await w.server.createUser({ username: `du-${tag}`, password: 'agent-pw-12345', roles: ['agent'], displayName: `Direct ${tag}` });
  expect((await admin.put(`/api/agents/${id}/profile`, { dialTarget })).status).toBe(200);
  const did = uniqueDid();
  expect((await admin.post('/api/dids', { number: did, targetKind: 'user', targetId: id, languages: 'en' })).status).toBe(201);
  return { id, api: await login(w.server, `du-${tag}`, 'agent-pw-12345'), did };
}

// Each DID gets one call; a call may already have left 'live' (straight to voicemail) when we look.
const liveCall = (did: string) =>
  eventually(async () => (await admin.get<{ items: { id: string; did: string }[] }>('/api/calls')).body.items.find((c) => c.did === did)?.id, 10_000, 'the call row');

const voicemailOf = (api: Api, callId: string) =>
  eventually(async () => (await api.get<{ items: { callId: string; mailboxKind: string; mailboxId: string }[] }>('/api/voicemails')).body.items.find((v) => v.callId === callId), 20_000, 'the voicemail');

describe('DID → user', () => {
  it('rings the user\'s own phone, the pop first; the user answers', async () => {
    const u = await userWithDid('answer', 'Local/tone@ringside-test');
    const { socket, events } = await listen(w.server, u.api);
    try {
      await u.api.post('/api/agent/sign-in');
      await placeCall(w, u.did, '13900007777');
      const callId = await liveCall(u.did);
      await eventually(async () => (await u.api.get('/api/agent/state')).body.state === 'onCall', 10_000, 'the user on the call');
      const offer = events.find((e) => e.name === 'call:offer');
      expect(offer?.payload).toMatchObject({ callId, callerNumber: '13900007777', did: u.did });
      await u.api.post(`/api/calls/${callId}/hangup`);
      expect(await finalCall(admin, callId)).toMatchObject({ outcome: 'completed', agentId: u.id });
    } finally {
      socket.close();
    }
  }, 40_000);

  it('goes to the user\'s voicemail at once when the user is signed out', async () => {
    const u = await userWithDid('out', 'Local/tone@ringside-test');
    const caller = await placeCall(w, u.did, '13900008888');
    const callId = await liveCall(u.did);
    await new Promise((r) => setTimeout(r, 9_000));
    await w.callers.adapter.hangup(caller);
    expect(await voicemailOf(u.api, callId)).toMatchObject({ mailboxKind: 'user', mailboxId: u.id });
    expect(await finalCall(admin, callId)).toMatchObject({ outcome: 'overflowed', agentId: null });
  }, 40_000);

  it('falls to the user\'s voicemail when the phone is not answered', async () => {
    const u = await userWithDid('noanswer', 'Local/noanswer@ringside-test');
    await u.api.post('/api/agent/sign-in');
    const caller = await placeCall(w, u.did, '13900009999');
    const callId = await liveCall(u.did);
    await eventually(async () => (await u.api.get('/api/agent/state')).body.state === 'ringing', 5_000, 'the user\'s phone ringing');
    // 20 s of ringing, then the greeting (≈7 s) and a moment of message.
    await eventually(async () => (await u.api.get('/api/agent/state')).body.state === 'paused', 30_000, 'ring no answer');
    await new Promise((r) => setTimeout(r, 9_000));
    await w.callers.adapter.hangup(caller);
    expect(await voicemailOf(u.api, callId)).toMatchObject({ mailboxKind: 'user', mailboxId: u.id });
    expect(await finalCall(admin, callId)).toMatchObject({ outcome: 'overflowed' });
  }, 70_000);
});
