// Campaign changes made through the API: create/edit within the caller's teams, status transitions
// (audited, they start and stop real calls), dispositions, and an agent's disposition of a record.
import { and, eq, inArray } from 'drizzle-orm';
import type { CampaignCreateBody, CampaignUpdateBody, DispositionBody, DispositionItem } from '../../contracts/campaigns.ts';
import type { Db } from '../../db/client.ts';
import { campaignAttempts, campaignDispositions, campaignRecords, campaigns, type CampaignStatus } from '../../db/schema/campaigns.ts';
import { AppError } from '../../errors/catalog.ts';
import type { DataScope } from '../access/scope.ts';
import { writeAudit } from '../audit/service.ts';
import type { SessionUser } from '../auth/guard.ts';
import { applyDisposition } from './dialer-store.ts';
import { DEFAULT_CALLING_WINDOWS } from './record-state.ts';
import { findVisibleCampaign, replaceAssignments, teamsOf, type CampaignRow } from './repository.ts';

export interface Actor {
  user: SessionUser;
  scope: DataScope;
  ip: string;
}

/** A new campaign starts with these outcomes; the console edits them. */
export const DEFAULT_DISPOSITIONS: DispositionItem[] = [
  { code: 'sale', labelZh: '成交', labelEn: 'Sale', meaning: 'final' },
  { code: 'not_interested', labelZh: '不感兴趣', labelEn: 'Not interested', meaning: 'final' },
  { code: 'callback', labelZh: '回拨', labelEn: 'Call back', meaning: 'callback' },
  { code: 'retry_later', labelZh: '稍后再拨', labelEn: 'Try again later', meaning: 'retry', retryDelaySec: 3600 },
  { code: 'dnc', labelZh: '勿扰', labelEn: 'Do not call', meaning: 'dnc' },
];

/** A supervisor may only give a campaign to their own teams; admins to any. */
function checkTeams(actor: Actor, teamIds: (string | null | undefined)[]): void {
  if (actor.scope.kind === 'all') return;
  const mine = new Set(teamsOf(actor.scope));
  const outside = teamIds.filter((t): t is string => !!t && !mine.has(t));
  if (outside.length) throw new AppError('RS_FORBIDDEN', 'A supervisor can only assign their own teams');
}

function columnsOf(body: CampaignUpdateBody) {
  const { agentIds: _a, teamIds: _t, ...cols } = body;
  return cols;
}

export async function createCampaign(db: Db, actor: Actor, body: CampaignCreateBody): Promise<CampaignRow> {
  const teamId = body.teamId === undefined ? actor.user.teamId : body.teamId;
  checkTeams(actor, [teamId, ...(body.teamIds ?? [])]);
  if (actor.scope.kind !== 'all' && !teamId) throw new AppError('RS_VALIDATION', undefined, [{ path: '/teamId', message: 'a supervisor’s campaign belongs to one of their teams' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({ callingWindows: DEFAULT_CALLING_WINDOWS, ...columnsOf(body), name: body.name, teamId, ownerId: actor.user.id, status: 'draft' })
      .returning();
    await replaceAssignments(tx, row!.id, { agentIds: body.agentIds ?? [], teamIds: body.teamIds ?? [] });
    await tx.insert(campaignDispositions).values(DEFAULT_DISPOSITIONS.map((d, i) => ({ ...d, retryDelaySec: d.retryDelaySec ?? null, campaignId: row!.id, position: i })));
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'campaign.create', entityType: 'campaign', entityId: row!.id, details: { name: row!.name }, ip: actor.ip });
    return row!;
  });
}

export async function updateCampaign(db: Db, actor: Actor, id: string, body: CampaignUpdateBody): Promise<CampaignRow> {
  const current = await findVisibleCampaign(db, actor.scope, id);
  if (!current) throw new AppError('RS_NOT_FOUND');
  checkTeams(actor, [body.teamId, ...(body.teamIds ?? [])]);
  if (actor.scope.kind !== 'all' && body.teamId === null) throw new AppError('RS_VALIDATION', undefined, [{ path: '/teamId', message: 'a supervisor’s campaign belongs to one of their teams' }]);
  return db.transaction(async (tx) => {
    const cols = columnsOf(body);
    const [row] = Object.keys(cols).length
      ? await tx
          .update(campaigns)
          .set({ ...cols, updatedAt: new Date() })
          .where(eq(campaigns.id, id))
          .returning()
      : [current];
    await replaceAssignments(tx, id, body);
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'campaign.update', entityType: 'campaign', entityId: id, details: { fields: Object.keys(body) }, ip: actor.ip });
    return row!;
  });
}

const TRANSITIONS: Record<'start' | 'pause' | 'stop', { from: CampaignStatus[]; to: CampaignStatus }> = {
  // A completed campaign starts again once records are added to it (or recycled).
  start: { from: ['draft', 'paused', 'stopped', 'completed'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  stop: { from: ['running', 'paused', 'draft'], to: 'stopped' },
};

/** Start/pause/stop: a conditional update, so two supervisors pressing at once cannot both "win". */
export async function transitionCampaign(db: Db, actor: Actor, id: string, action: 'start' | 'pause' | 'stop'): Promise<CampaignRow> {
  const current = await findVisibleCampaign(db, actor.scope, id);
  if (!current) throw new AppError('RS_NOT_FOUND');
  const t = TRANSITIONS[action];
  if (current.status === t.to) return current;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({ status: t.to, updatedAt: new Date() })
      .where(and(eq(campaigns.id, id), inArray(campaigns.status, t.from)))
      .returning();
    if (!row) throw new AppError('RS_CAMPAIGN_STATE', `Cannot ${action} a ${current.status} campaign`);
    await writeAudit(tx, { actorUserId: actor.user.id, action: `campaign.${action}`, entityType: 'campaign', entityId: id, details: { from: current.status, to: t.to }, ip: actor.ip });
    return row;
  });
}

export async function replaceDispositions(db: Db, actor: Actor, campaignId: string, items: DispositionItem[]): Promise<void> {
  const codes = items.map((i) => i.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new AppError('RS_VALIDATION', undefined, [{ path: '/items', message: `code ${dup} appears twice` }]);
  await db.transaction(async (tx) => {
    await tx.delete(campaignDispositions).where(eq(campaignDispositions.campaignId, campaignId));
    if (items.length) await tx.insert(campaignDispositions).values(items.map((d, i) => ({ ...d, retryDelaySec: d.retryDelaySec ?? null, campaignId, position: i })));
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'campaign.dispositions', entityType: 'campaign', entityId: campaignId, details: { codes }, ip: actor.ip });
  });
}

/**
 * An agent's disposition: only for a record they handled (its last agent, or an attempt of theirs);
 * supervisors and admins may set it on records of campaigns they see.
 */
export async function disposeRecord(db: Db, actor: Actor, recordId: string, body: DispositionBody, now: Date): Promise<void> {
  const [record] = await db.select().from(campaignRecords).where(eq(campaignRecords.id, recordId));
  if (!record) throw new AppError('RS_NOT_FOUND');
  const manager = actor.user.roles.some((r) => r === 'admin' || r === 'supervisor') && (await findVisibleCampaign(db, actor.scope, record.campaignId));
  if (!manager) {
    const handled =
      record.lastAgentId === actor.user.id ||
      (
        await db
          .select({ id: campaignAttempts.id })
          .from(campaignAttempts)
          .where(and(eq(campaignAttempts.recordId, recordId), eq(campaignAttempts.agentId, actor.user.id)))
          .limit(1)
      ).length > 0;
    if (!handled) throw new AppError('RS_NOT_FOUND');
  }
  await applyDisposition(
    db,
    {
      recordId,
      agentId: actor.user.id,
      code: body.code,
      ...(body.note !== undefined ? { note: body.note } : {}),
      ...(body.callbackAt ? { callbackAt: new Date(body.callbackAt) } : {}),
      ...(body.callbackTo ? { callbackTo: body.callbackTo } : {}),
    },
    now,
  );
}
