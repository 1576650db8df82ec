// Voicemail on the real Asterisk: a DID → a queue's mailbox; the Local caller hears the greeting and the
// beep, plays a 440 Hz tone and hangs up. The message is a non-empty file with a `voicemails` row, the
// queue's members get a 'voicemail:new' push, the list shows it, playback honours Range, "heard"
// sticks, and a user outside the mailbox gets 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerPlaysTone, removeTones } from './caller-audio.ts';
import { eventually, listen, login, placeCall, setupQueue, telephonyWorld, uniqueDid, type TelephonyWorld } from './support.ts';

let w: TelephonyWorld;
beforeAll(async () => {
  w = await telephonyWorld();
}, 120_000);
afterAll(async () => {
  removeTones();
  await w?.close();
}, 30_000);

describe('voicemail', () => {
  it('records a caller\'s message into a queue mailbox and delivers it to the members\' consoles', async () => {
    const s = await setupQueue(w, { agents: 1, tag: 'vm' });
    const agent = s.agents[0]!;
    const did = uniqueDid();
    expect((await s.admin.post('/api/dids', { number: did, targetKind: 'voicemail', targetId: `queue:${s.queueId}`, languages: 'en' })).status).toBe(201);
    const { socket, events } = await listen(w.server, agent.api);
    try {
      const caller = await placeCall(w, did, '13900005555');
      await callerPlaysTone(w, caller, { seconds: 20 });
      // The English greeting (≈7 s) and the beep, then about three seconds of tone; hanging up ends it.
      await new Promise((r) => setTimeout(r, 10_500));
      await w.callers.adapter.hangup(caller);
      const push = await eventually(async () => events.find((e) => e.name === 'voicemail:new'), 15_000, 'the voicemail push');
      expect(push.payload).toMatchObject({ mailboxKind: 'queue', mailboxId: s.queueId, mailboxName: 'Queue vm', callerNumber: '13900005555', heardAt: null });
      const id = push.payload.id as string;

      const list = await agent.api.get<{ items: { id: string }[]; unheard: number }>('/api/voicemails');
      expect(list.body.items.map((v) => v.id)).toContain(id);
      expect(list.body.unheard).toBeGreaterThanOrEqual(1);

      const whole = await w.server.app.inject({ method: 'GET', url: `/api/voicemails/${id}/audio`, headers: { cookie: agent.api.cookie } });
      expect(whole.statusCode).toBe(200);
      expect(whole.headers['content-type']).toBe('audio/wav');
      // 8 kHz 16-bit: a few seconds of tone is tens of kB; a header-only file would be 44 bytes.
      expect(whole.rawPayload.length).toBeGreaterThan(16_000);
      expect(whole.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
      const part = await w.server.app.inject({ method: 'GET', url: `/api/voicemails/${id}/audio`, headers: { cookie: agent.api.cookie, range: 'bytes=0-99' } });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 0-99/${whole.rawPayload.length}`);
      expect(part.rawPayload.length).toBe(100);

      const heard = await agent.api.post<{ heardAt: string | null }>(`/api/voicemails/${id}/heard`);
      expect(heard.status).toBe(200);
      expect(heard.body.heardAt).not.toBeNull();
      const unheard = await agent.api.get<{ items: { id: string }[] }>('/api/voicemails?unheard=true');
      expect(unheard.body.items.map((v) => v.id)).not.toContain(id);

      // Outside the mailbox: another agent (not a member of the queue) sees nothing.
      await w.server.createUser({ username: 'vm-outsider', password: 'agent-pw-12345', roles: ['agent'] });
      const outsider = await login(w.server, 'vm-outsider', 'agent-pw-12345');
      expect((await outsider.get(`/api/voicemails/${id}`)).status).toBe(404);
      expect((await outsider.get(`/api/voicemails/${id}/audio`)).status).toBe(404);
      expect((await outsider.post(`/api/voicemails/${id}/heard`)).status).toBe(404);
      expect((await outsider.get<{ items: unknown[] }>('/api/voicemails')).body.items).toEqual([]);
    } finally {
      socket.close();
    }
  }, 60_000);
});
