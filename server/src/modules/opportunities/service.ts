import { and, eq } from 'drizzle-orm';
import type { OpportunityCreateBody, OpportunityMoveBody, OpportunityUpdateBody } from '../../contracts/opportunities.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { opportunities, opportunityStageHistory, type StageKind } from '../../db/schema/opportunities.ts';
import { AppError } from '../../errors/catalog.ts';
import { isManager, type Actor } from '../activities/actor.ts';
import { requireVisible, resolveUser } from '../activities/links.ts';
import { writeAudit } from '../audit/service.ts';
import { validateCustomFields } from '../custom-fields/validate.ts';
import { defaultPipelineId, findStage, firstStage, type StageRow } from '../pipelines/repository.ts';
import { findEditableForUpdate, type OpportunityRow } from './repository.ts';

const closedAtFor = (kind: StageKind, prev: Date | null) => (kind === 'open' ? null : (prev ?? new Date()));

async function resolveStage(db: DbOrTx, pipelineId: string | undefined, stageId: string | undefined): Promise<StageRow> {
  if (stageId) {
    const s = await findStage(db, stageId);
    if (!s || (pipelineId && s.pipelineId !== pipelineId)) throw new AppError('RS_VALIDATION', undefined, [{ path: 'stageId', message: 'no such stage in the pipeline' }]);
    return s;
  }
  const pid = pipelineId ?? (await defaultPipelineId(db));
  const s = await firstStage(db, pid);
  if (!s) throw new AppError('RS_VALIDATION', undefined, [{ path: 'pipelineId', message: 'no such pipeline with an open stage' }]);
  return s;
}

async function recordStage(tx: DbOrTx, o: OpportunityRow, fromStageId: string | null, to: StageRow, actorUserId: string | null) {
  await tx.insert(opportunityStageHistory).values({ opportunityId: o.id, fromStageId, toStageId: to.id, amountCents: o.amountCents, winRate: to.winRate, changedBy: actorUserId });
}

/** Creates an opportunity in the caller's transaction (lead conversion may call this with its own tx). */
export async function insertOpportunity(tx: DbOrTx, actor: Actor, b: OpportunityCreateBody): Promise<OpportunityRow> {
  if (b.ownerId && b.ownerId !== actor.user.id && !isManager(actor.user)) throw new AppError('RS_FORBIDDEN');
  await requireVisible(tx, actor.scope, 'customer', b.customerId, 'customerId');
  if (b.contactId) {
    const c = await requireVisible(tx, actor.scope, 'contact', b.contactId, 'contactId');
    if (c.customerId !== b.customerId) throw new AppError('RS_VALIDATION', undefined, [{ path: 'contactId', message: 'belongs to another customer' }]);
  }
  const stage = await resolveStage(tx, b.pipelineId, b.stageId);
  const owner = b.ownerId ? await resolveUser(tx, b.ownerId) : { id: actor.user.id, teamId: actor.user.teamId };
  const custom = await validateCustomFields(tx, 'opportunity', b.custom, { partial: false });
  const [row] = await tx
    .insert(opportunities)
    .values({
      name: b.name, customerId: b.customerId, contactId: b.contactId ?? null, pipelineId: stage.pipelineId, stageId: stage.id, status: stage.kind,
      amountCents: b.amountCents ?? 0, currency: b.currency ?? 'CNY', expectedCloseDate: b.expectedCloseDate ?? null, closedAt: closedAtFor(stage.kind, null),
      sourceLeadId: b.sourceLeadId ?? null, description: b.description ?? null, custom, ownerId: owner.id, teamId: owner.teamId, createdBy: actor.user.id,
    })
    .returning();
  await recordStage(tx, row!, null, stage, actor.user.id);
  await writeAudit(tx, { actorUserId: actor.user.id, action: 'opportunity.create', entityType: 'opportunity', entityId: row!.id, details: { stageId: stage.id, amountCents: row!.amountCents }, ip: actor.ip });
  return row!;
}

export const createOpportunity = (db: Db, actor: Actor, b: OpportunityCreateBody) => db.transaction((tx) => insertOpportunity(tx, actor, b));

export async function updateOpportunity(db: Db, actor: Actor, id: string, b: OpportunityUpdateBody): Promise<void> {
  await db.transaction(async (tx) => {
    const cur = await findEditableForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    if (b.version !== undefined && b.version !== cur.version) throw new AppError('RS_CONFLICT', 'The opportunity was changed by someone else; reload it');
    if (b.ownerId && b.ownerId !== cur.ownerId && !isManager(actor.user)) throw new AppError('RS_FORBIDDEN');
    if (b.contactId) {
      const c = await requireVisible(tx, actor.scope, 'contact', b.contactId, 'contactId');
      if (c.customerId !== cur.customerId) throw new AppError('RS_VALIDATION', undefined, [{ path: 'contactId', message: 'belongs to another customer' }]);
    }
    const owner = b.ownerId ? await resolveUser(tx, b.ownerId) : undefined;
    const custom = b.custom ? { ...cur.custom, ...(await validateCustomFields(tx, 'opportunity', b.custom, { partial: true, existing: cur.custom })) } : undefined;
    const { version: _v, ownerId: _o, custom: _c, ...fields } = b;
    await tx
      .update(opportunities)
      .set({ ...fields, ...(custom ? { custom } : {}), ...(owner ? { ownerId: owner.id, teamId: owner.teamId } : {}), version: cur.version + 1, updatedAt: new Date() })
      .where(eq(opportunities.id, id));
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'opportunity.update', entityType: 'opportunity', entityId: id, details: { fields: Object.keys(fields), ownerId: owner?.id }, ip: actor.ip });
  });
}

/** Kanban move: the compare-and-set on version makes a stale card fail with 409 instead of overwriting. */
export async function moveOpportunity(db: Db, actor: Actor, id: string, b: OpportunityMoveBody): Promise<void> {
  await db.transaction(async (tx) => {
    const cur = await findEditableForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    const stage = await findStage(tx, b.stageId);
    if (!stage || stage.pipelineId !== cur.pipelineId) throw new AppError('RS_VALIDATION', undefined, [{ path: 'stageId', message: 'no such stage in the pipeline' }]);
    const [moved] = await tx
      .update(opportunities)
      .set({ stageId: stage.id, status: stage.kind, closedAt: closedAtFor(stage.kind, cur.closedAt), version: cur.version + 1, updatedAt: new Date() })
      .where(and(eq(opportunities.id, id), eq(opportunities.version, b.version)))
      .returning();
    if (!moved) throw new AppError('RS_CONFLICT', 'The opportunity was moved or changed by someone else; reload the board');
    if (cur.stageId !== stage.id) await recordStage(tx, moved, cur.stageId, stage, actor.user.id);
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'opportunity.move', entityType: 'opportunity', entityId: id, details: { from: cur.stageId, to: stage.id }, ip: actor.ip });
  });
}
