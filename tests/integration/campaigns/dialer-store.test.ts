// The dialer store on the real PostgreSQL: claims under SKIP LOCKED, the core rules applied at claim time
// (DNC read at that moment, calling window in the record's zone, 72 h after an abandon), retries per
// outcome, unreachable after no-answers on different days, the agent's dispositions, and completion.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../../server/src/db/client.ts';
import { campaignDispositions, campaignRecords, campaigns, campaignTeams, dncNumbers, teams, users } from '../../../server/src/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import {
  applyDisposition,
  claimDialable,
  finishAttempt,
  loadRunningCampaigns,
  releaseRecord,
} from '../../../server/src/modules/campaigns/dialer-store.ts';
import { campaignProgress, completeIfExhausted } from '../../../server/src/modules/campaigns/campaign-progress.ts';
import { DEFAULT_CALLING_WINDOWS } from '../../../server/src/modules/campaigns/record-state.ts';
import { createTestDatabase } from '../../support/db.ts';

const H = 3600_000;
// Wednesday 2026-07-01 04:00 UTC = 12:00 in Shanghai, 05:00 in London, 00:00 in New York.
const T0 = new Date(Date.UTC(2026, 6, 1, 4, 0));
const at = (ms: number) => new Date(T0.getTime() + ms);

let database: { url: string; drop(): Promise<void> };
let h: DbHandle;
let agentId: string;
let otherAgentId: string;
let campaignId: string;

async function newCampaign(over: Partial<typeof campaigns.$inferInsert> = {}): Promise<string> {
  const [c] = await h.db
    .insert(campaigns)
    .values({ name: `c-${Math.random().toString(36).slice(2)}`, status: 'running', mode: 'predictive', callingWindows: DEFAULT_CALLING_WINDOWS, ...over })
    .returning({ id: campaigns.id });
  await h.db.insert(campaignDispositions).values([
    { campaignId: c!.id, code: 'sale', labelZh: '成交', labelEn: 'Sale', meaning: 'final' },
    { campaignId: c!.id, code: 'later', labelZh: '稍后再拨', labelEn: 'Try later', meaning: 'retry', retryDelaySec: 3600 },
    { campaignId: c!.id, code: 'cb', labelZh: '回拨', labelEn: 'Call back', meaning: 'callback' },
    { campaignId: c!.id, code: 'dnc', labelZh: '勿扰', labelEn: 'Do not call', meaning: 'dnc' },
    { campaignId: c!.id, code: 'again', labelZh: '重新分配', labelEn: 'Recycle', meaning: 'recycle' },
  ]);
  return c!.id;
}

async function addRecord(cid: string, phone: string, over: Partial<typeof campaignRecords.$inferInsert> = {}): Promise<string> {
  const [r] = await h.db
    .insert(campaignRecords)
    .values({ campaignId: cid, phoneRaw: phone, phoneE164: phone, timezone: 'Asia/Shanghai', ...over })
    .returning({ id: campaignRecords.id });
  return r!.id;
}

const record = async (id: string) => (await h.db.select().from(campaignRecords).where(eq(campaignRecords.id, id)))[0]!;

async function attempt(cid: string, recordId: string, outcome: Parameters<typeof finishAttempt>[1]['outcome'], endedAt: Date, agent: string | null = null) {
  await finishAttempt(h.db, { recordId, campaignId: cid, callId: null, outcome, cause: null, startedAt: new Date(endedAt.getTime() - 20_000), endedAt, agentId: agent });
}

beforeAll(async () => {
  database = await createTestDatabase();
  h = createDb(database.url, { max: 4 });
  const [team] = await h.db.insert(teams).values({ name: 'outbound' }).returning();
  const [a, b] = await h.db
    .insert(users)
    .values([
      { username: 'a1', displayName: 'Agent 1', passwordHash: 'x', teamId: team!.id },
      { username: 'a2', displayName: 'Agent 2', passwordHash: 'x' },
    ])
    .returning();
  agentId = a!.id;
  otherAgentId = b!.id;
});
afterAll(async () => {
  await h.close();
  await database.drop();
});
beforeEach(async () => {
  campaignId = await newCampaign();
});

describe('loadRunningCampaigns', () => {
  it('lists running campaigns with agents from teams and direct assignments', async () => {
    const [team] = await h.db.select().from(teams);
    await h.db.insert(campaignTeams).values({ campaignId, teamId: team!.id });
    await newCampaign({ status: 'paused' });
    const running = await loadRunningCampaigns(h.db);
    const mine = running.find((c) => c.id === campaignId)!;
    expect(mine.agentIds).toEqual([agentId]);
    expect(mine.abandonTarget).toBe(0.03);
    expect(mine.abandonWindowSec).toBe(24 * 3600);
    expect(mine.trunk).toBe('carrier');
    expect(running.every((c) => c.status === 'running')).toBe(true);
  });
});

describe('claimDialable', () => {
  it('marks claimed records dialing and never hands one record to two concurrent claims', async () => {
    for (let i = 0; i < 40; i++) await addRecord(campaignId, `+862088810${String(i).padStart(3, '0')}`);
    const [x, y] = await Promise.all([claimDialable(h.db, campaignId, 25, T0), claimDialable(h.db, campaignId, 25, T0)]);
    const ids = [...x, ...y].map((t) => t.recordId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
    expect((await campaignProgress(h.db, campaignId, T0)).byStatus.dialing).toBe(40);
    expect(await claimDialable(h.db, campaignId, 5, T0)).toEqual([]);
  });

  it('orders due callbacks first, then priority', async () => {
    const low = await addRecord(campaignId, '+8620888100001');
    const high = await addRecord(campaignId, '+8620888100002', { priority: 5 });
    const cb = await addRecord(campaignId, '+8620888100003', { status: 'callback', callbackAt: at(-60_000), attempts: 1 });
    const got = await claimDialable(h.db, campaignId, 3, T0);
    expect(got.map((g) => g.recordId)).toEqual([cb, high, low]);
  });

  it('claims nothing while the campaign is not running', async () => {
    const paused = await newCampaign({ status: 'paused' });
    await addRecord(paused, '+8620888100009');
    expect(await claimDialable(h.db, paused, 5, T0)).toEqual([]);
  });

  it('reads the global and campaign DNC lists at claim time (numbers added mid-campaign)', async () => {
    const a = await addRecord(campaignId, '+8620888100011');
    const b = await addRecord(campaignId, '+8620888100012');
    const c = await addRecord(campaignId, '+8620888100013');
    await h.db.insert(dncNumbers).values([
      { campaignId: null, phoneE164: '+8620888100011', reason: 'global' },
      { campaignId, phoneE164: '+8620888100012', reason: 'asked' },
    ]);
    const got = await claimDialable(h.db, campaignId, 5, T0);
    expect(got.map((g) => g.recordId)).toEqual([c]);
    expect((await record(a)).status).toBe('dnc');
    expect((await record(b)).status).toBe('dnc');
    // Another campaign's DNC list does not apply here.
    const other = await newCampaign();
    await h.db.insert(dncNumbers).values({ campaignId: other, phoneE164: '+8620888100014' });
    const d = await addRecord(campaignId, '+8620888100014');
    expect((await claimDialable(h.db, campaignId, 5, T0)).map((g) => g.recordId)).toEqual([d]);
  });

  it('honours the calling window in the record’s own zone', async () => {
    // 04:00 UTC: 12:00 in Shanghai (inside 09–21), 00:00 in New York (outside).
    const sh = await addRecord(campaignId, '+8620888100021');
    await addRecord(campaignId, '+12125550100', { timezone: 'America/New_York' });
    expect((await claimDialable(h.db, campaignId, 5, T0)).map((g) => g.recordId)).toEqual([sh]);
    // 14:00 UTC = 10:00 in New York.
    expect(await claimDialable(h.db, campaignId, 5, at(10 * H))).toHaveLength(1);
  });

  it('respects next_attempt_at and gives preview agents only their own or campaign callbacks', async () => {
    await addRecord(campaignId, '+8620888100031', { status: 'scheduled', attempts: 1, nextAttemptAt: at(H) });
    const theirs = await addRecord(campaignId, '+8620888100032', { status: 'callback', attempts: 1, callbackAt: at(-1), callbackAgentId: otherAgentId });
    const mine = await addRecord(campaignId, '+8620888100033', { status: 'callback', attempts: 1, callbackAt: at(-1), callbackAgentId: agentId });
    expect((await claimDialable(h.db, campaignId, 5, T0, { agentId })).map((g) => g.recordId)).toEqual([mine]);
    const rest = await claimDialable(h.db, campaignId, 5, T0);
    expect(rest.map((g) => g.recordId)).toEqual([theirs]);
    expect(rest[0]!.callbackAgentId).toBe(otherAgentId);
  });
});

describe('finishAttempt and the retry rules', () => {
  it('retries a busy number after its delay and records the attempt', async () => {
    const id = await addRecord(campaignId, '+8620888140001');
    await claimDialable(h.db, campaignId, 1, T0);
    await attempt(campaignId, id, 'busy', T0);
    const r = await record(id);
    expect(r.status).toBe('scheduled');
    expect(r.attempts).toBe(1);
    expect(r.nextAttemptAt!.getTime()).toBe(T0.getTime() + 15 * 60_000);
    expect(r.lastOutcome).toBe('busy');
    expect(await claimDialable(h.db, campaignId, 1, at(10 * 60_000))).toEqual([]);
    expect(await claimDialable(h.db, campaignId, 1, at(15 * 60_000))).toHaveLength(1);
    const rows = await h.sql`select outcome from campaign_attempts where record_id = ${id}`;
    expect(rows.map((x) => x.outcome)).toEqual(['busy']);
  });

  it('stops after the per-outcome maximum (max_attempts)', async () => {
    await h.db
      .update(campaigns)
      .set({ retryRules: { perOutcome: { busy: { delaySec: 60, maxAttempts: 2 }, noAnswer: { delaySec: 60, maxAttempts: 6 }, failed: { delaySec: 60, maxAttempts: 3 }, abandoned: { delaySec: 259200, maxAttempts: 2 }, machine: { delaySec: 60, maxAttempts: 3 } }, maxAttempts: 10, unreachableAfterNoAnswerDays: 3, abandonedNoRedialSec: 259200 } })
      .where(eq(campaigns.id, campaignId));
    const id = await addRecord(campaignId, '+8620888140002');
    await attempt(campaignId, id, 'busy', T0);
    expect((await record(id)).status).toBe('scheduled');
    await attempt(campaignId, id, 'busy', at(2 * 60_000));
    expect((await record(id)).status).toBe('max_attempts');
  });

  it('marks an unallocated number invalid at once', async () => {
    const id = await addRecord(campaignId, '+8620888160001');
    await attempt(campaignId, id, 'unallocated', T0);
    expect((await record(id)).status).toBe('invalid');
    expect(await claimDialable(h.db, campaignId, 1, at(100 * H))).toEqual([]);
  });

  it('marks a number unreachable after N consecutive no-answers on different local days', async () => {
    await h.db.update(campaigns).set({ unreachableAfterNoAnswers: 2 }).where(eq(campaigns.id, campaignId));
    const id = await addRecord(campaignId, '+8620888130001');
    await attempt(campaignId, id, 'noAnswer', T0);
    await attempt(campaignId, id, 'noAnswer', at(3 * H)); // same Shanghai day
    let r = await record(id);
    expect(r.status).toBe('scheduled');
    expect(r.consecutiveNoAnswers).toBe(2);
    expect(r.noAnswerDays).toEqual(['2026-07-01']);
    await attempt(campaignId, id, 'noAnswer', at(24 * H));
    r = await record(id);
    expect(r.status).toBe('unreachable');
    expect(r.noAnswerDays).toEqual(['2026-07-01', '2026-07-02']);
  });

  it('does not redial an abandoned number within 72 hours', async () => {
    const id = await addRecord(campaignId, '+8620888120001');
    await attempt(campaignId, id, 'abandoned', T0);
    const r = await record(id);
    expect(r.abandonedAt!.getTime()).toBe(T0.getTime());
    expect(r.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(T0.getTime() + 72 * H);
    // Even a callback due earlier does not bring it back inside 72 h.
    await h.db.update(campaignRecords).set({ status: 'callback', callbackAt: at(H) }).where(eq(campaignRecords.id, id));
    expect(await claimDialable(h.db, campaignId, 1, at(48 * H))).toEqual([]);
    expect(await claimDialable(h.db, campaignId, 1, at(72 * H))).toHaveLength(1);
  });

  it('keeps a record put on DNC while it was being dialed on DNC', async () => {
    const id = await addRecord(campaignId, '+8620888140003');
    await claimDialable(h.db, campaignId, 1, T0);
    await h.db.update(campaignRecords).set({ status: 'dnc' }).where(eq(campaignRecords.id, id));
    await attempt(campaignId, id, 'busy', T0);
    expect((await record(id)).status).toBe('dnc');
  });

  it('releases a claim back to where it was', async () => {
    const fresh = await addRecord(campaignId, '+8620888140004');
    const cb = await addRecord(campaignId, '+8620888140005', { status: 'callback', attempts: 1, callbackAt: at(-1) });
    await claimDialable(h.db, campaignId, 2, T0);
    await releaseRecord(h.db, fresh);
    await releaseRecord(h.db, cb);
    expect((await record(fresh)).status).toBe('pending');
    expect((await record(cb)).status).toBe('callback');
  });
});

describe('applyDisposition', () => {
  async function answered(phone: string): Promise<string> {
    const id = await addRecord(campaignId, phone);
    await claimDialable(h.db, campaignId, 1, T0);
    await attempt(campaignId, id, 'answered', T0, agentId);
    expect((await record(id)).status).toBe('done');
    return id;
  }

  it('final: done, and the attempt carries the code and note', async () => {
    const id = await answered('+8620888120101');
    await applyDisposition(h.db, { recordId: id, agentId, code: 'sale', note: '下单 2 台' }, T0);
    const r = await record(id);
    expect(r.status).toBe('done');
    expect(r.lastDisposition).toBe('sale');
    const [a] = await h.sql`select disposition, note from campaign_attempts where record_id = ${id}`;
    expect(a).toEqual({ disposition: 'sale', note: '下单 2 台' });
  });

  it('retry: scheduled after the disposition’s delay', async () => {
    const id = await answered('+8620888120102');
    await applyDisposition(h.db, { recordId: id, agentId, code: 'later' }, T0);
    const r = await record(id);
    expect(r.status).toBe('scheduled');
    expect(r.nextAttemptAt!.getTime()).toBe(T0.getTime() + H);
  });

  it('callback to me or to the campaign, dialed when due', async () => {
    const mine = await answered('+8620888120103');
    const camp = await answered('+8620888120104');
    await applyDisposition(h.db, { recordId: mine, agentId, code: 'cb', callbackAt: at(2 * H), callbackTo: 'me' }, T0);
    await applyDisposition(h.db, { recordId: camp, agentId, code: 'cb', callbackAt: at(2 * H), callbackTo: 'campaign' }, T0);
    expect(await record(mine)).toMatchObject({ status: 'callback', callbackAgentId: agentId });
    expect(await record(camp)).toMatchObject({ status: 'callback', callbackAgentId: null });
    expect(await claimDialable(h.db, campaignId, 5, at(H))).toEqual([]);
    expect((await claimDialable(h.db, campaignId, 5, at(2 * H), { agentId: otherAgentId })).map((t) => t.recordId)).toEqual([camp]);
    expect((await claimDialable(h.db, campaignId, 5, at(2 * H), { agentId })).map((t) => t.recordId)).toEqual([mine]);
    await expect(applyDisposition(h.db, { recordId: mine, agentId, code: 'cb' }, T0)).rejects.toMatchObject({ code: 'RS_VALIDATION' });
  });

  it('dnc: adds the number to the campaign list and the record never dials again', async () => {
    const id = await answered('+8620888120105');
    await applyDisposition(h.db, { recordId: id, agentId, code: 'dnc' }, T0);
    expect((await record(id)).status).toBe('dnc');
    const list = await h.db.select().from(dncNumbers).where(eq(dncNumbers.phoneE164, '+8620888120105'));
    expect(list).toMatchObject([{ campaignId, addedBy: agentId }]);
  });

  it('recycle: back in the pool now', async () => {
    const id = await answered('+8620888120106');
    await applyDisposition(h.db, { recordId: id, agentId, code: 'again' }, T0);
    expect((await record(id)).status).toBe('pending');
    expect(await claimDialable(h.db, campaignId, 1, T0)).toHaveLength(1);
  });

  it('refuses an unknown code', async () => {
    const id = await answered('+8620888120107');
    await expect(applyDisposition(h.db, { recordId: id, agentId, code: 'nope' }, T0)).rejects.toMatchObject({ code: 'RS_VALIDATION' });
  });
});

describe('campaignProgress', () => {
  it('counts records, connects and the abandon rate over the window', async () => {
    const a = await addRecord(campaignId, '+8620888120201');
    const b = await addRecord(campaignId, '+8620888120202');
    await addRecord(campaignId, '+8620888120203');
    await attempt(campaignId, a, 'answered', T0);
    await attempt(campaignId, b, 'abandoned', T0);
    const p = await campaignProgress(h.db, campaignId, at(H));
    expect(p).toMatchObject({ total: 3, dialed: 2, connected: 1, abandoned: 1, remaining: 2, abandonPctWindow: 50 });
    expect(p.byStatus).toEqual({ done: 1, scheduled: 1, pending: 1 });
    // Outside the 24 h window the rate is back to zero; the totals stay.
    expect((await campaignProgress(h.db, campaignId, at(30 * H))).abandonPctWindow).toBe(0);
  });
});

describe('completeIfExhausted', () => {
  const status = async (cid: string) => (await h.db.select({ s: campaigns.status }).from(campaigns).where(eq(campaigns.id, cid)))[0]!.s;
  const audits = async (cid: string) => (await h.sql`select action, actor_user_id from audit_log where entity_id = ${cid} order by id`).map((r) => r.action as string);

  it('completes a running campaign once every record is final, and only then; audited as the system', async () => {
    expect(await completeIfExhausted(h.db, campaignId)).toBe(false); // no records yet: the list may still be importing
    const a = await addRecord(campaignId, '+8620888120301');
    const b = await addRecord(campaignId, '+8620888120302');
    await claimDialable(h.db, campaignId, 2, T0);
    await attempt(campaignId, a, 'unallocated', T0);
    expect(await completeIfExhausted(h.db, campaignId)).toBe(false); // b is still dialing
    await attempt(campaignId, b, 'busy', T0);
    expect((await record(b)).status).toBe('scheduled');
    expect(await completeIfExhausted(h.db, campaignId)).toBe(false); // a retry is due later
    await h.db.update(campaignRecords).set({ status: 'unreachable' }).where(eq(campaignRecords.id, b));
    expect(await completeIfExhausted(h.db, campaignId)).toBe(true);
    expect(await status(campaignId)).toBe('completed');
    expect(await audits(campaignId)).toEqual(['campaign.complete']);
    expect(await completeIfExhausted(h.db, campaignId)).toBe(false); // once
  });

  it('leaves a paused campaign alone', async () => {
    const cid = await newCampaign({ status: 'paused' });
    await addRecord(cid, '+8620888120303', { status: 'done' });
    expect(await completeIfExhausted(h.db, cid)).toBe(false);
    expect(await status(cid)).toBe('paused');
  });

  it('reopens a completed campaign when a disposition puts a record back in the pool (the agent was still wrapping up)', async () => {
    const last = await addRecord(campaignId, '+8620888120304');
    const other = await addRecord(campaignId, '+8620888120305');
    await claimDialable(h.db, campaignId, 2, T0);
    await attempt(campaignId, last, 'answered', T0, agentId);
    await attempt(campaignId, other, 'answered', T0, agentId);
    expect(await completeIfExhausted(h.db, campaignId)).toBe(true);
    await applyDisposition(h.db, { recordId: other, agentId, code: 'sale' }, T0);
    expect(await status(campaignId)).toBe('completed'); // a final disposition changes nothing
    await applyDisposition(h.db, { recordId: last, agentId, code: 'later' }, T0);
    expect(await status(campaignId)).toBe('running');
    expect(await audits(campaignId)).toEqual(['campaign.complete', 'campaign.reopen']);
  });
});
