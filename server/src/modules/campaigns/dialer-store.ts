// The dialer role's storage (contract in README.md): which campaigns run, which records to dial now,
// and what an attempt or an agent's disposition does to a record. SQL narrows the candidates; the pure
// core (core/dialer/rules) makes the final call per record inside the claiming transaction, so a number
// put on a DNC list a second ago, or a record whose local time left the calling window, is never claimed.
import { and, asc, desc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { UK_WINDOW_SEC, US_WINDOW_SEC } from '../../core/dialer/policy.ts';
import { isDialable, nextAttempt } from '../../core/dialer/rules/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { campaignAgents, campaignAttempts, campaignDispositions, campaignRecords, campaigns, campaignTeams, dncNumbers, type CampaignAttemptOutcome, type CampaignRecordStatus } from '../../db/schema/campaigns.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { campaignRetryRules, fromDialRecord, statusBeforeClaim, toCallingWindow, toCoreOutcome, toDialRecord } from './record-state.ts';

export interface CampaignRuntimeConfig {
  id: string;
  name: string;
  mode: 'preview' | 'progressive' | 'power' | 'predictive';
  status: string;
  callerId: string;
  trunk: string;
  script: string;
  maxLinesPerAgent: number;
  powerLinesPerAgent: number;
  abandonTarget: number;
  abandonWindowSec: number;
  amdEnabled: boolean;
  amdAction: 'hangup' | 'message';
  recordCalls: boolean;
  ringTimeoutSec: number;
  /** Assigned directly or through one of the campaign's teams (active users only). */
  agentIds: string[];
}

export interface DialTarget {
  recordId: string;
  campaignId: string;
  phoneE164: string;
  name: string | null;
  timezone: string;
  attempts: number;
  leadId: string | null;
  customerId: string | null;
  contactId: string | null;
  callbackAgentId: string | null;
}

export type AttemptOutcome = CampaignAttemptOutcome;

export interface CampaignDispositionItem {
  code: string;
  labelZh: string;
  labelEn: string;
  meaning: 'final' | 'retry' | 'callback' | 'dnc' | 'recycle';
  retryDelaySec: number | null;
}

type CampaignRow = typeof campaigns.$inferSelect;

export const abandonWindowSec = (w: 'uk24h' | 'us30d'): number => (w === 'us30d' ? US_WINDOW_SEC : UK_WINDOW_SEC);

function toRuntime(c: CampaignRow, agentIds: string[]): CampaignRuntimeConfig {
  return {
    id: c.id,
    name: c.name,
    mode: c.mode,
    status: c.status,
    callerId: c.callerId,
    trunk: c.trunk,
    script: c.script,
    maxLinesPerAgent: c.maxLinesPerAgent,
    powerLinesPerAgent: c.powerLinesPerAgent,
    abandonTarget: Number(c.abandonTarget),
    abandonWindowSec: abandonWindowSec(c.abandonWindow),
    amdEnabled: c.amdEnabled,
    amdAction: c.amdAction,
    recordCalls: c.recordCalls,
    ringTimeoutSec: Math.max(15, c.ringTimeoutSec),
    agentIds,
  };
}

/** Agents of each campaign: direct assignments plus the active members of its teams. */
export async function campaignAgentIds(db: DbOrTx, campaignIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, Set<string>>(campaignIds.map((id) => [id, new Set<string>()]));
  if (campaignIds.length === 0) return new Map();
  const direct = await db
    .select({ campaignId: campaignAgents.campaignId, userId: campaignAgents.userId })
    .from(campaignAgents)
    .innerJoin(users, eq(users.id, campaignAgents.userId))
    .where(and(inArray(campaignAgents.campaignId, campaignIds), eq(users.active, true)));
  const viaTeams = await db
    .select({ campaignId: campaignTeams.campaignId, userId: users.id })
    .from(campaignTeams)
    .innerJoin(users, eq(users.teamId, campaignTeams.teamId))
    .where(and(inArray(campaignTeams.campaignId, campaignIds), eq(users.active, true)));
  for (const r of [...direct, ...viaTeams]) out.get(r.campaignId)?.add(r.userId);
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

export async function loadRunningCampaigns(db: DbOrTx): Promise<CampaignRuntimeConfig[]> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.status, 'running')).orderBy(asc(campaigns.createdAt));
  const agents = await campaignAgentIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRuntime(r, agents.get(r.id) ?? []));
}

/** One campaign's runtime configuration whatever its status (the dialer reads it on start/pause events). */
export async function loadCampaignConfig(db: DbOrTx, campaignId: string): Promise<CampaignRuntimeConfig | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!row) return null;
  return toRuntime(row, (await campaignAgentIds(db, [row.id])).get(row.id) ?? []);
}

export async function loadDispositions(db: DbOrTx, campaignId: string): Promise<CampaignDispositionItem[]> {
  return db
    .select({ code: campaignDispositions.code, labelZh: campaignDispositions.labelZh, labelEn: campaignDispositions.labelEn, meaning: campaignDispositions.meaning, retryDelaySec: campaignDispositions.retryDelaySec })
    .from(campaignDispositions)
    .where(eq(campaignDispositions.campaignId, campaignId))
    .orderBy(asc(campaignDispositions.position), asc(campaignDispositions.code));
}

/** Numbers of `phones` on the global list or this campaign's list, as they are at this moment. */
async function dncAmong(tx: DbOrTx, campaignId: string, phones: string[]): Promise<{ global: Set<string>; campaign: Set<string> }> {
  const global = new Set<string>();
  const campaign = new Set<string>();
  if (phones.length === 0) return { global, campaign };
  const rows = await tx
    .select({ campaignId: dncNumbers.campaignId, phone: dncNumbers.phoneE164 })
    .from(dncNumbers)
    .where(and(inArray(dncNumbers.phoneE164, phones), or(isNull(dncNumbers.campaignId), eq(dncNumbers.campaignId, campaignId))));
  for (const r of rows) (r.campaignId === null ? global : campaign).add(r.phone);
  return { global, campaign };
}

// Rows are locked a page at a time, a page being only as large as what is still wanted: locking more
// would hide dialable records from a concurrent claim (SKIP LOCKED) for nothing.
const MAX_PAGES = 50;

export async function claimDialable(db: DbOrTx, campaignId: string, n: number, now: Date, opts: { agentId?: string } = {}): Promise<DialTarget[]> {
  if (n <= 0) return [];
  return db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!campaign || campaign.status !== 'running') return [];
    const ctxBase = { nowMs: now.getTime(), window: toCallingWindow(campaign.callingWindows), rules: campaignRetryRules(campaign.retryRules, campaign.unreachableAfterNoAnswers) };
    const due: SQL = or(
      and(eq(campaignRecords.status, 'callback'), lte(campaignRecords.callbackAt, now)),
      and(inArray(campaignRecords.status, ['pending', 'scheduled']), or(isNull(campaignRecords.nextAttemptAt), lte(campaignRecords.nextAttemptAt, now))),
    )!;
    // Preview: an agent never gets a callback another agent promised.
    const forAgent = opts.agentId ? or(isNull(campaignRecords.callbackAgentId), eq(campaignRecords.callbackAgentId, opts.agentId)) : undefined;
    const claimed: DialTarget[] = [];
    const toDnc: string[] = [];
    let seen = 0;
    for (let page = 0; page < MAX_PAGES && claimed.length < n; page++) {
      // After the first page every extra row seen was refused, so later pages may be wider.
      const size = page === 0 ? n : Math.max(n - claimed.length, 50);
      const rows = await tx
        .select()
        .from(campaignRecords)
        .where(and(eq(campaignRecords.campaignId, campaignId), due, forAgent))
        .orderBy(
          desc(sql`(${campaignRecords.status} = 'callback')`),
          desc(campaignRecords.priority),
          sql`${campaignRecords.nextAttemptAt} asc nulls first`,
          asc(campaignRecords.createdAt),
          asc(campaignRecords.id),
        )
        .limit(size)
        // Our own locked rows stay visible to us, so the offset steps over the ones already judged.
        .offset(seen)
        .for('update', { skipLocked: true });
      const dnc = await dncAmong(
        tx,
        campaignId,
        rows.map((r) => r.phoneE164),
      );
      for (const row of rows) {
        if (claimed.length >= n) break;
        const verdict = isDialable(toDialRecord(row), { ...ctxBase, globalDnc: dnc.global, campaignDnc: dnc.campaign });
        if (verdict.dialable) {
          claimed.push({
            recordId: row.id,
            campaignId,
            phoneE164: row.phoneE164,
            name: row.name,
            timezone: row.timezone,
            attempts: row.attempts,
            leadId: row.leadId,
            customerId: row.customerId,
            contactId: row.contactId,
            callbackAgentId: row.callbackAgentId,
          });
        } else if (verdict.reason === 'dnc-global' || verdict.reason === 'dnc-campaign') {
          toDnc.push(row.id);
        }
      }
      seen += rows.length;
      if (rows.length < size) break;
    }
    if (claimed.length > 0) {
      await tx
        .update(campaignRecords)
        .set({ status: 'dialing', claimedAt: now, updatedAt: now })
        .where(
          inArray(
            campaignRecords.id,
            claimed.map((c) => c.recordId),
          ),
        );
    }
    // A number that reached a DNC list leaves the pool for good (the list is re-read at every claim anyway).
    if (toDnc.length > 0) await tx.update(campaignRecords).set({ status: 'dnc', updatedAt: now }).where(inArray(campaignRecords.id, toDnc));
    return claimed;
  });
}

export interface FinishedAttempt {
  recordId: string;
  campaignId: string;
  callId: string | null;
  outcome: AttemptOutcome;
  cause: number | null;
  startedAt: Date;
  endedAt: Date;
  agentId: string | null;
  amdResult?: string | null;
}

export async function finishAttempt(db: DbOrTx, a: FinishedAttempt): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(campaignRecords)
      .where(and(eq(campaignRecords.id, a.recordId), eq(campaignRecords.campaignId, a.campaignId)))
      .for('update');
    if (!row) throw new AppError('RS_NOT_FOUND', 'No such campaign record');
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, a.campaignId));
    const rules = campaignRetryRules(campaign?.retryRules, campaign?.unreachableAfterNoAnswers ?? 3);
    await tx.insert(campaignAttempts).values({
      campaignId: a.campaignId,
      recordId: a.recordId,
      callId: a.callId,
      startedAt: a.startedAt,
      endedAt: a.endedAt,
      outcome: a.outcome,
      cause: a.cause,
      agentId: a.agentId,
      amdResult: a.amdResult ?? null,
    });
    const next = fromDialRecord(nextAttempt(toCoreOutcome(a.outcome), toDialRecord(row), rules, a.endedAt.getTime()));
    // A record put on DNC while it was being dialed stays DNC, whatever the attempt says.
    const status: CampaignRecordStatus = row.status === 'dnc' ? 'dnc' : next.status;
    await tx
      .update(campaignRecords)
      .set({
        ...next,
        status,
        consecutiveNoAnswers: a.outcome === 'noAnswer' ? row.consecutiveNoAnswers + 1 : 0,
        lastOutcome: a.outcome,
        lastAgentId: a.agentId ?? row.lastAgentId,
        claimedAt: null,
        updatedAt: a.endedAt,
      })
      .where(eq(campaignRecords.id, a.recordId));
  });
}

export interface DispositionInput {
  recordId: string;
  agentId: string;
  code: string;
  note?: string;
  callbackAt?: Date;
  callbackTo?: 'me' | 'campaign';
}

export async function applyDisposition(db: DbOrTx, a: DispositionInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(campaignRecords).where(eq(campaignRecords.id, a.recordId)).for('update');
    if (!row) throw new AppError('RS_NOT_FOUND', 'No such campaign record');
    const [disp] = await tx
      .select()
      .from(campaignDispositions)
      .where(and(eq(campaignDispositions.campaignId, row.campaignId), eq(campaignDispositions.code, a.code)));
    if (!disp) throw new AppError('RS_VALIDATION', 'Unknown disposition code', [{ path: '/code', message: `not a disposition of this campaign: ${a.code}` }]);
    const base = { lastDisposition: a.code, lastAgentId: a.agentId, claimedAt: null, updatedAt: now };
    const noCallback = { callbackAt: null, callbackAgentId: null };
    switch (disp.meaning) {
      case 'final':
        await tx
          .update(campaignRecords)
          .set({ ...base, ...noCallback, status: 'done', nextAttemptAt: null })
          .where(eq(campaignRecords.id, row.id));
        break;
      case 'retry':
        await tx
          .update(campaignRecords)
          .set({ ...base, ...noCallback, status: 'scheduled', nextAttemptAt: new Date(now.getTime() + (disp.retryDelaySec ?? 3600) * 1000) })
          .where(eq(campaignRecords.id, row.id));
        break;
      case 'callback': {
        if (!a.callbackAt) throw new AppError('RS_VALIDATION', 'A callback needs a time', [{ path: '/callbackAt', message: 'required for a callback disposition' }]);
        const agent = (a.callbackTo ?? 'me') === 'me' ? a.agentId : null;
        await tx
          .update(campaignRecords)
          .set({ ...base, status: 'callback', callbackAt: a.callbackAt, callbackAgentId: agent, nextAttemptAt: null })
          .where(eq(campaignRecords.id, row.id));
        break;
      }
      case 'dnc':
        await tx
          .insert(dncNumbers)
          .values({ campaignId: row.campaignId, phoneE164: row.phoneE164, reason: `disposition:${a.code}`, addedBy: a.agentId })
          .onConflictDoNothing();
        await tx
          .update(campaignRecords)
          .set({ ...base, ...noCallback, status: 'dnc', nextAttemptAt: null })
          .where(eq(campaignRecords.id, row.id));
        break;
      case 'recycle':
        // Back into the pool now, with fresh per-outcome counts; the total attempt count is history and stays.
        await tx
          .update(campaignRecords)
          .set({ ...base, ...noCallback, status: 'pending', nextAttemptAt: null, attemptsByOutcome: {}, noAnswerDays: [], consecutiveNoAnswers: 0 })
          .where(eq(campaignRecords.id, row.id));
        break;
    }
    if (disp.meaning === 'retry' || disp.meaning === 'callback' || disp.meaning === 'recycle') {
      // The dialer completes a campaign once every record is final, which can happen while this agent was
      // still wrapping up its last call; a record put back in the pool reopens it.
      const reopened = await tx
        .update(campaigns)
        .set({ status: 'running', updatedAt: now })
        .where(and(eq(campaigns.id, row.campaignId), eq(campaigns.status, 'completed')))
        .returning({ id: campaigns.id });
      if (reopened.length > 0) {
        await writeAudit(tx, { actorUserId: a.agentId, action: 'campaign.reopen', entityType: 'campaign', entityId: row.campaignId, details: { recordId: row.id, disposition: a.code } });
      }
    }
    // The disposition also lands on the agent's latest attempt of this record (reports read it there).
    await tx.execute(sql`
      update campaign_attempts set disposition = ${a.code}, note = ${a.note ?? null}
      where id = (select id from campaign_attempts where record_id = ${row.id} and (agent_id = ${a.agentId} or agent_id is null)
                  order by started_at desc limit 1)`);
  });
}

export async function releaseRecord(db: DbOrTx, recordId: string, opts: { notBefore?: Date } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(campaignRecords).where(eq(campaignRecords.id, recordId)).for('update');
    if (!row || row.status !== 'dialing') return;
    // A preview skip defers the record, otherwise the same highest-priority record comes straight back.
    const deferred = opts.notBefore ? { nextAttemptAt: opts.notBefore } : {};
    await tx
      .update(campaignRecords)
      .set({ status: statusBeforeClaim(row), claimedAt: null, updatedAt: new Date(), ...deferred })
      .where(eq(campaignRecords.id, recordId));
  });
}

/** Claims older than `olderThan` that were never finished (a dialer that died) go back to the pool. */
export async function releaseStaleClaims(db: DbOrTx, olderThan: Date): Promise<number> {
  const rows = await db.execute<{ id: string }>(sql`
    update campaign_records set status = case when callback_at is not null then 'callback' when attempts > 0 then 'scheduled' else 'pending' end,
      claimed_at = null, updated_at = now()
    where status = 'dialing' and (claimed_at is null or claimed_at < ${olderThan.toISOString()}) returning id`);
  return rows.length;
}
