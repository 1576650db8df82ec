// Campaign rows as the API sees them: who may see which campaign, lists, and the assignment tables.
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CampaignDto, CampaignListQuery, CampaignRecordDto, RecordListQuery } from '../../contracts/campaigns.ts';
import type { DbOrTx } from '../../db/client.ts';
import { campaignAgents, campaignRecords, campaigns, campaignTeams } from '../../db/schema/campaigns.ts';
import type { DataScope } from '../access/scope.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
type RecordRow = typeof campaignRecords.$inferSelect;

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** The teams a supervisor manages: their own and the ones (with sub-teams) they lead. */
export function teamsOf(scope: DataScope): string[] {
  if (scope.kind === 'all') return [];
  return [...new Set([...(scope.ownTeamId ? [scope.ownTeamId] : []), ...scope.teamIds])];
}

/** Admins see every campaign; a supervisor those of their teams and those they (or their reports) own. */
export function campaignVisibleTo(scope: DataScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const parts: SQL[] = [sql`${campaigns.ownerId} = any(${uuidArray(scope.userIds)}::uuid[])`];
  const teams = teamsOf(scope);
  if (teams.length) parts.push(sql`${campaigns.teamId} = any(${uuidArray(teams)}::uuid[])`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

export async function findVisibleCampaign(db: DbOrTx, scope: DataScope, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), campaignVisibleTo(scope)));
  return row;
}

export async function listCampaigns(db: DbOrTx, scope: DataScope, q: CampaignListQuery): Promise<{ rows: CampaignRow[]; total: number }> {
  const f: SQL[] = [campaignVisibleTo(scope)];
  if (q.status) f.push(eq(campaigns.status, q.status));
  if (q.q) f.push(ilike(campaigns.name, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  const where = and(...f);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(campaigns)
      .where(where)
      .orderBy(desc(campaigns.createdAt), asc(campaigns.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function assignmentsOf(db: DbOrTx, ids: string[]): Promise<Map<string, { agentIds: string[]; teamIds: string[] }>> {
  const out = new Map(ids.map((id) => [id, { agentIds: [] as string[], teamIds: [] as string[] }]));
  if (!ids.length) return out;
  const [agents, teams] = await Promise.all([
    db.select().from(campaignAgents).where(inArray(campaignAgents.campaignId, ids)),
    db.select().from(campaignTeams).where(inArray(campaignTeams.campaignId, ids)),
  ]);
  for (const a of agents) out.get(a.campaignId)?.agentIds.push(a.userId);
  for (const t of teams) out.get(t.campaignId)?.teamIds.push(t.teamId);
  return out;
}

export async function replaceAssignments(db: DbOrTx, campaignId: string, a: { agentIds?: string[]; teamIds?: string[] }): Promise<void> {
  if (a.agentIds) {
    await db.delete(campaignAgents).where(eq(campaignAgents.campaignId, campaignId));
    const ids = [...new Set(a.agentIds)];
    if (ids.length) await db.insert(campaignAgents).values(ids.map((userId) => ({ campaignId, userId })));
  }
  if (a.teamIds) {
    await db.delete(campaignTeams).where(eq(campaignTeams.campaignId, campaignId));
    const ids = [...new Set(a.teamIds)];
    if (ids.length) await db.insert(campaignTeams).values(ids.map((teamId) => ({ campaignId, teamId })));
  }
}

export function toCampaignDto(c: CampaignRow, a: { agentIds: string[]; teamIds: string[] }): CampaignDto {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    mode: c.mode,
    callerId: c.callerId,
    trunk: c.trunk,
    script: c.script,
    maxLinesPerAgent: c.maxLinesPerAgent,
    powerLinesPerAgent: c.powerLinesPerAgent,
    abandonTarget: Number(c.abandonTarget),
    abandonWindow: c.abandonWindow,
    amdEnabled: c.amdEnabled,
    amdAction: c.amdAction,
    recordCalls: c.recordCalls,
    ringTimeoutSec: c.ringTimeoutSec,
    callingWindows: c.callingWindows,
    retryRules: c.retryRules as unknown as Record<string, unknown> | null,
    unreachableAfterNoAnswers: c.unreachableAfterNoAnswers,
    ownerId: c.ownerId,
    teamId: c.teamId,
    agentIds: [...a.agentIds].sort(),
    teamIds: [...a.teamIds].sort(),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRecordDto(r: RecordRow): CampaignRecordDto {
  return {
    id: r.id,
    campaignId: r.campaignId,
    phoneRaw: r.phoneRaw,
    phoneE164: r.phoneE164,
    timezone: r.timezone,
    priority: r.priority,
    name: r.name,
    leadId: r.leadId,
    customerId: r.customerId,
    contactId: r.contactId,
    status: r.status,
    attempts: r.attempts,
    consecutiveNoAnswers: r.consecutiveNoAnswers,
    lastOutcome: r.lastOutcome,
    lastDisposition: r.lastDisposition,
    nextAttemptAt: iso(r.nextAttemptAt),
    callbackAt: iso(r.callbackAt),
    callbackAgentId: r.callbackAgentId,
    abandonedAt: iso(r.abandonedAt),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listRecords(db: DbOrTx, campaignId: string, q: RecordListQuery): Promise<{ rows: RecordRow[]; total: number }> {
  const f: SQL[] = [eq(campaignRecords.campaignId, campaignId)];
  if (q.status) f.push(eq(campaignRecords.status, q.status));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    f.push(or(ilike(campaignRecords.name, like), ilike(campaignRecords.phoneE164, like), ilike(campaignRecords.phoneRaw, like))!);
  }
  const where = and(...f);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(campaignRecords)
      .where(where)
      .orderBy(desc(campaignRecords.priority), asc(campaignRecords.createdAt), asc(campaignRecords.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(campaignRecords).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** Running campaigns the user works on: assigned directly or through their team. */
export async function campaignsOfAgent(db: DbOrTx, userId: string, teamId: string | null): Promise<CampaignRow[]> {
  const viaTeam = teamId ? sql` or exists (select 1 from campaign_teams ct where ct.campaign_id = "campaigns"."id" and ct.team_id = ${teamId}::uuid)` : sql``;
  return db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.status, 'running'), sql`(exists (select 1 from campaign_agents ca where ca.campaign_id = "campaigns"."id" and ca.user_id = ${userId}::uuid)${viaTeam})`))
    .orderBy(asc(campaigns.name));
}
