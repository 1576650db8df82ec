// The dialer role on the real Asterisk + fake carrier, with a real server (own Stasis app) and the real DB:
// a predictive campaign with AMD is paced by core/dialer, its records are claimed from the store,
// dialed through the trunk, classified from the real causes, answered calls reach a ready campaign
// agent (Local/tone@ringside-test) through call:offer with the campaign block and the record's pop, a
// DNC number is never dialed; then a live answer with no agent free is abandoned with the message.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../../server/src/db/schema/calls.ts';
import { campaignAgents, campaignAttempts, campaignRecords, campaigns, dncNumbers } from '../../../server/src/db/schema/campaigns.ts';
import { leads } from '../../../server/src/db/schema/leads.ts';
import { activities } from '../../../server/src/db/schema/activities.ts';
import { eventually, listen, login, telephonyWorld, type Api, type TelephonyWorld } from '../telephony/support.ts';

let w: TelephonyWorld;
let admin: Api;
const openSockets: { close(): void }[] = [];
const tag = `dlr${Date.now().toString(36)}`;
const allDay = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), [{ from: '00:00', to: '24:00' }]]));
let seq = 0;
const run = String(Date.now() % 1000).padStart(3, '0');
/** +8620<run><seq><code>: 14 digits, unique per run and call, the carrier's code in the last five. */
const number = (code: string) => `+8620${run}${String(++seq).padStart(2, '0')}${code}`;

beforeAll(async () => {
  w = await telephonyWorld();
  await w.server.createUser({ username: `${tag}-admin`, password: 'admin-pw-12345', roles: ['admin'] });
  admin = await login(w.server, `${tag}-admin`, 'admin-pw-12345');
}, 180_000);
afterAll(async () => {
  // An open socket.io client keeps the server from closing.
  for (const s of openSockets) s.close();
  await w?.close();
});

async function agent(i: number, exten = 'tone'): Promise<{ id: string; api: Api }> {
  const id = await w.server.createUser({ username: `${tag}-a${i}`, password: 'agent-pw-12345', roles: ['agent'], displayName: `Dialer agent ${i}` });
  const r = await admin.put(`/api/agents/${id}/profile`, { dialTarget: `Local/${exten}@ringside-test`, skills: {} });
  expect(r.status).toBe(200);
  const api = await login(w.server, `${tag}-a${i}`, 'agent-pw-12345');
  expect((await api.post('/api/agent/sign-in')).status).toBe(200);
  expect((await api.post('/api/agent/ready')).status).toBe(200);
  return { id, api };
}

async function campaign(name: string, agentIds: string[], numbers: { phone: string; leadId?: string }[], extra: Partial<typeof campaigns.$inferInsert> = {}) {
  const db = w.server.app.db;
  const [c] = await db.insert(campaigns).values({
    name, status: 'running', mode: 'predictive', callerId: '862000000000', trunk: 'carrier', script: `Script of ${name}`, ringTimeoutSec: 15,
    maxLinesPerAgent: 2, amdEnabled: true, amdAction: 'message', callingWindows: allDay, ...extra,
  }).returning();
  await db.insert(campaignAgents).values(agentIds.map((userId) => ({ campaignId: c!.id, userId })));
  await db.insert(campaignRecords).values(numbers.map((n) => ({ campaignId: c!.id, phoneRaw: n.phone, phoneE164: n.phone, timezone: 'Asia/Shanghai', leadId: n.leadId ?? null })));
  return c!;
}

describe('dialer runtime on the real Asterisk and the fake carrier', () => {
  it('dials a predictive AMD campaign to completion: outcomes from real causes, answers reach agents with the record, DNC never dialed', async () => {
    const agents = [await agent(0), await agent(1)];
    const sockets = await Promise.all(agents.map((a) => listen(w.server, a.api)));
    openSockets.push(...sockets.map((s) => s.socket));
    const supervisorView = await listen(w.server, admin);
    openSockets.push(supervisorView.socket);
    const dialer = w.server.app.dialer!;
    (dialer.deps as { wrapUpMs?: number }).wrapUpMs = 500;

    const db = w.server.app.db;
    const [lead] = await db.insert(leads).values({ name: `Lead ${tag}`, ownerId: agents[0]!.id }).returning();
    const codes = ['20003', '20002', '20004', '40000', '50000', '60000', '90000', '31002'];
    const phones = codes.map((c) => ({ code: c, phone: number(c) }));
    const dnc = { code: '20005', phone: number('20005') };
    await db.insert(dncNumbers).values({ phoneE164: dnc.phone, reason: 'test' });
    const c = await campaign(`Campaign ${tag}`, agents.map((a) => a.id), [...phones.map((p, i) => ({ phone: p.phone, leadId: i === 0 ? lead!.id : undefined })), { phone: dnc.phone }]);
    await dialer.reload();

    const records = await eventually(async () => {
      const rows = await db.select().from(campaignRecords).where(eq(campaignRecords.campaignId, c.id));
      return rows.every((r) => !['pending', 'dialing'].includes(r.status)) ? rows : undefined;
    }, 90_000, 'every record to be dialed');
    const byPhone = new Map(records.map((r) => [r.phoneE164, r]));
    const attempts = dialer.attempts.filter((a) => a.campaignId === c.id);
    const outcomeOf = (code: string) => attempts.find((a) => a.number === phones.find((p) => p.code === code)!.phone)?.outcome;

    expect(Object.fromEntries(codes.map((code) => [code, outcomeOf(code)]))).toEqual({
      '20003': 'answered', '20002': 'answered', '20004': 'answered', '40000': 'busy', '50000': 'congestion', '60000': 'unallocated', '90000': 'machine', '31002': 'noAnswer',
    });
    expect(byPhone.get(phones.find((p) => p.code === '60000')!.phone)!.status).toBe('invalid');
    expect(byPhone.get(phones.find((p) => p.code === '20003')!.phone)!.status).toBe('done');
    expect(byPhone.get(dnc.phone)!.status).toBe('dnc');
    expect(attempts.some((a) => a.number === dnc.phone)).toBe(false);
    // The machine got the message, fully played.
    expect(attempts.find((a) => a.outcome === 'machine')).toMatchObject({ amd: 'MACHINE', heardMessage: true });

    // Every answered call reached an agent: the offer carried the campaign and the record.
    const answered = attempts.filter((a) => a.outcome === 'answered');
    for (const a of answered) {
      expect(a.agentId).not.toBeNull();
      const offers = sockets.flatMap((s) => s.events).filter((e) => e.name === 'call:offer' && e.payload.callId === a.callId);
      expect(offers).toHaveLength(1);
      expect(offers[0]!.payload.campaign).toMatchObject({ id: c.id, recordId: a.recordId, script: `Script of Campaign ${tag}` });
    }
    const leadOffer = sockets.flatMap((s) => s.events).find((e) => e.name === 'call:offer' && (e.payload.campaign as { recordId?: string } | null)?.recordId === byPhone.get(phones[0]!.phone)!.id);
    expect(leadOffer?.payload.party).toMatchObject({ type: 'lead', id: lead!.id });

    // A calls row and a campaign attempt for every attempt; the lead got its call activity.
    const rows = await db.select().from(campaignAttempts).where(eq(campaignAttempts.campaignId, c.id));
    expect(rows).toHaveLength(attempts.length);
    const callRows = await db.select().from(calls).where(inArray(calls.id, attempts.map((a) => a.callId)));
    expect(callRows).toHaveLength(attempts.length);
    expect(callRows.every((r) => r.direction === 'outbound')).toBe(true);
    await eventually(async () => (await db.select().from(activities).where(eq(activities.leadId, lead!.id))).length > 0 || undefined, 10_000, 'the lead activity');

    const snap = dialer.snapshot().find((s) => s.campaignId === c.id);
    expect(snap).toMatchObject({ name: `Campaign ${tag}`, mode: 'predictive', connectsToday: 3 });
    // The live figures reached the admins' room as campaign:progress, ending with no line in progress and
    // the scheduled retries as the records left.
    const left = records.filter((r) => ['pending', 'scheduled', 'callback', 'dialing'].includes(r.status)).length;
    expect(left).toBe(4);
    const pushed = supervisorView.events.filter((e) => e.name === 'campaign:progress' && e.payload.campaignId === c.id);
    expect(pushed.length).toBeGreaterThan(1);
    await eventually(async () => {
      const last = supervisorView.events.filter((e) => e.name === 'campaign:progress' && e.payload.campaignId === c.id).at(-1)?.payload;
      return last && last.recordsLeft === left && last.linesInProgress === 0 && last.connectsToday === 3 ? last : undefined;
    }, 10_000, 'the final campaign:progress');
    for (const s of sockets) s.socket.close();
    await db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c.id));
  }, 120_000);

  it('abandons a live answer no agent takes within 2 s: the called party hears the identification message', async () => {
    const a = await agent(9);
    const dialer = w.server.app.dialer!;
    const db = w.server.app.db;
    const phone = number('20030'); // talks 30 s: long enough for the whole message (zh + en ≈ 11 s)
    // Progressive without AMD: one dial for the one ready agent; the agent signs out while it rings.
    const c = await campaign(`Abandon ${tag}`, [a.id], [{ phone }], { mode: 'progressive', amdEnabled: false });
    await dialer.reload();
    await eventually(async () => ((await db.select().from(campaignRecords).where(eq(campaignRecords.campaignId, c.id)))[0]?.status === 'dialing') || undefined, 10_000, 'the dial');
    expect((await a.api.post('/api/agent/sign-out')).status).toBe(200);
    const attempt = await eventually(async () => dialer.attempts.find((x) => x.campaignId === c.id), 40_000, 'the attempt to end');
    expect(attempt).toMatchObject({ outcome: 'abandoned', heardMessage: true, agentId: null });
    const [rec] = await db.select().from(campaignRecords).where(eq(campaignRecords.campaignId, c.id));
    expect(rec!.abandonedAt).not.toBeNull();
    await db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c.id));
  }, 60_000);

  it("abandons when the offered agent's phone does not answer within 2 s: the leg is cancelled, the agent is ready again", async () => {
    const a = await agent(8, 'noanswer');
    const dialer = w.server.app.dialer!;
    const db = w.server.app.db;
    const c = await campaign(`Ringing ${tag}`, [a.id], [{ phone: number('20030') }], { mode: 'progressive', amdEnabled: false });
    const sock = await listen(w.server, a.api);
    openSockets.push(sock.socket);
    await dialer.reload();
    const attempt = await eventually(async () => dialer.attempts.find((x) => x.campaignId === c.id), 40_000, 'the attempt to end');
    expect(attempt).toMatchObject({ outcome: 'abandoned', heardMessage: true, agentId: null });
    // It was offered to the agent (pop first), then taken back.
    expect(sock.events.some((e) => e.name === 'call:offer' && e.payload.callId === attempt.callId)).toBe(true);
    const state = await a.api.get<{ state: string }>('/api/agent/state');
    expect(state.body.state).toBe('ready');
    const [row] = await db.select().from(calls).where(eq(calls.id, attempt.callId));
    expect(row).toMatchObject({ direction: 'outbound', outcome: 'abandoned' });
    sock.socket.close();
    await db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c.id));
  }, 60_000);

  it('completes a campaign by itself once every record is final, and tells the supervisors', async () => {
    const a = await agent(7);
    const dialer = w.server.app.dialer!;
    const db = w.server.app.db;
    const supervisorView = await listen(w.server, admin);
    openSockets.push(supervisorView.socket);
    const dead = number('60000'); // unallocated: invalid at once
    const blocked = number('20005');
    await db.insert(dncNumbers).values({ phoneE164: blocked, reason: 'test' });
    const c = await campaign(`Complete ${tag}`, [a.id], [{ phone: dead }, { phone: blocked }], { mode: 'progressive', amdEnabled: false });
    await dialer.reload();
    const done = await eventually(async () => {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.id, c.id));
      return row?.status === 'completed' ? row : undefined;
    }, 30_000, 'the campaign to complete');
    expect(done.status).toBe('completed');
    const records = await db.select().from(campaignRecords).where(eq(campaignRecords.campaignId, c.id));
    expect(Object.fromEntries(records.map((r) => [r.phoneE164, r.status]))).toEqual({ [dead]: 'invalid', [blocked]: 'dnc' });
    await eventually(async () => {
      const last = supervisorView.events.filter((e) => e.name === 'campaign:progress' && e.payload.campaignId === c.id).at(-1)?.payload;
      return last?.status === 'completed' && last.recordsLeft === 0 ? last : undefined;
    }, 10_000, 'campaign:progress with the completed status');
    supervisorView.socket.close();
  }, 60_000);
});
