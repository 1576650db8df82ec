// Preview mode through the real routes, on the real Asterisk + fake carrier: the agent takes the next
// record (with its pop, the campaign's script and dispositions), skips it (back to pending, deferred), takes the next
// again and dials it; the answer is offered to that agent with the record, connected and recorded.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordings } from '../../../server/src/db/schema/calls.ts';
import { campaignAgents, campaignDispositions, campaignRecords, campaigns } from '../../../server/src/db/schema/campaigns.ts';
import { leads } from '../../../server/src/db/schema/leads.ts';
import { eventually, listen, login, telephonyWorld, type Api, type TelephonyWorld } from '../telephony/support.ts';

let w: TelephonyWorld;
const tag = `prv${Date.now().toString(36)}`;
const allDay = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), [{ from: '00:00', to: '24:00' }]]));
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  w = await telephonyWorld();
}, 180_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await w?.close();
});

async function user(name: string, roles: ('admin' | 'supervisor' | 'agent' | 'sales')[]): Promise<{ id: string; api: Api }> {
  const id = await w.server.createUser({ username: `${tag}-${name}`, password: 'preview-pw-12345', roles });
  return { id, api: await login(w.server, `${tag}-${name}`, 'preview-pw-12345') };
}

describe('preview mode', () => {
  it('next → skip → next → dial: the agent gets the call with the record it previewed', async () => {
    const admin = await user('admin', ['admin']);
    const agent = await user('agent', ['agent']);
    const stranger = await user('stranger', ['agent']);
    expect((await admin.api.put(`/api/agents/${agent.id}/profile`, { dialTarget: 'Local/tone@ringside-test', skills: {} })).status).toBe(200);
    expect((await agent.api.post('/api/agent/sign-in')).status).toBe(200);
    expect((await agent.api.post('/api/agent/ready')).status).toBe(200);
    const sock = await listen(w.server, agent.api);
    sockets.push(sock.socket);

    const db = w.server.app.db;
    const [lead] = await db.insert(leads).values({ name: `预览线索 ${tag}`, ownerId: agent.id }).returning();
    const [c] = await db.insert(campaigns).values({ name: `Preview ${tag}`, status: 'running', mode: 'preview', callerId: '862000000000', script: '预览脚本', callingWindows: allDay, ringTimeoutSec: 15, recordCalls: true }).returning();
    await db.insert(campaignAgents).values({ campaignId: c!.id, userId: agent.id });
    await db.insert(campaignDispositions).values({ campaignId: c!.id, code: 'sale', labelZh: '成交', labelEn: 'Sale', meaning: 'final' });
    const phone = `+8620${String(Date.now() % 1000).padStart(3, '0')}0120004`;
    const [rec] = await db.insert(campaignRecords).values({ campaignId: c!.id, phoneRaw: phone, phoneE164: phone, timezone: 'Asia/Shanghai', leadId: lead!.id, priority: 5 }).returning();
    const phone2 = phone.replace(/0120004$/, '0120005');
    const [rec2] = await db.insert(campaignRecords).values({ campaignId: c!.id, phoneRaw: phone2, phoneE164: phone2, timezone: 'Asia/Shanghai', leadId: lead!.id, priority: 1 }).returning();

    expect((await stranger.api.get(`/api/campaigns/${c!.id}/preview/next`)).status).toBe(404);
    expect((await agent.api.post(`/api/campaign-records/${rec!.id}/dial`)).status).toBe(409);

    type Next = { record: { recordId: string; phoneE164: string } | null; pop: { party: { type: string; id: string } | null } | null; campaign: { script: string; dispositions: { code: string }[] } };
    const first = await agent.api.get<Next>(`/api/campaigns/${c!.id}/preview/next`);
    expect(first.status).toBe(200);
    expect(first.body.record).toMatchObject({ recordId: rec!.id, phoneE164: phone });
    expect(first.body.pop?.party).toMatchObject({ type: 'lead', id: lead!.id });
    expect(first.body.campaign).toMatchObject({ script: '预览脚本', dispositions: [{ code: 'sale' }] });

    expect((await agent.api.post(`/api/campaign-records/${rec!.id}/skip`)).status).toBe(204);
    const skipped = (await db.select().from(campaignRecords).where(eq(campaignRecords.id, rec!.id)))[0]!;
    expect(skipped.status).toBe('pending');
    // Skipped records are deferred, so the next preview is another record, not the same one again.
    expect(skipped.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);

    const again = await agent.api.get<Next>(`/api/campaigns/${c!.id}/preview/next`);
    expect(again.body.record?.recordId).toBe(rec2!.id);
    const dial = await agent.api.post<{ callId: string }>(`/api/campaign-records/${rec2!.id}/dial`);
    expect(dial.status).toBe(202);

    const offer = await eventually(async () => sock.events.find((e) => e.name === 'call:offer' && e.payload.callId === dial.body.callId), 15_000, 'the offer');
    expect(offer.payload.campaign).toMatchObject({ id: c!.id, recordId: rec2!.id, script: '预览脚本' });
    const attempt = await eventually(async () => w.server.app.dialer!.attempts.find((a) => a.callId === dial.body.callId), 20_000, 'the attempt');
    expect(attempt).toMatchObject({ outcome: 'answered', agentId: agent.id });
    expect((await db.select().from(campaignRecords).where(eq(campaignRecords.id, rec2!.id)))[0]!.status).toBe('done');
    // The campaign records its calls: the talk bridge was recorded under the call.
    expect(await db.select({ kind: recordings.kind }).from(recordings).where(eq(recordings.callId, dial.body.callId))).toEqual([{ kind: 'call' }]);
    await db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c!.id));
  }, 60_000);
});
