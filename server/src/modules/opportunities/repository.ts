import { and, asc, count, desc, eq, ilike, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OpportunityListQuery } from '../../contracts/opportunities.ts';
import type { DbOrTx } from '../../db/client.ts';
import { customers } from '../../db/schema/customers.ts';
import { opportunities, opportunityStageHistory, pipelineStages } from '../../db/schema/opportunities.ts';
import { users } from '../../db/schema/users.ts';
import type { DataScope } from '../access/scope.ts';
import { editableBy, visibleTo } from '../access/visibility.ts';

export type OpportunityRow = typeof opportunities.$inferSelect;
export type OpportunityView = OpportunityRow & { stageName: string; winRate: number; customerName: string | null; ownerName: string | null };

function selectView(db: DbOrTx) {
  return db
    .select({ o: opportunities, stageName: pipelineStages.name, winRate: pipelineStages.winRate, customerName: customers.name, ownerName: users.displayName })
    .from(opportunities)
    .innerJoin(pipelineStages, eq(pipelineStages.id, opportunities.stageId))
    .leftJoin(customers, eq(customers.id, opportunities.customerId))
    .leftJoin(users, eq(users.id, opportunities.ownerId));
}
type ViewRow = { o: OpportunityRow; stageName: string; winRate: number; customerName: string | null; ownerName: string | null };
const flat = (r: ViewRow): OpportunityView => ({ ...r.o, stageName: r.stageName, winRate: r.winRate, customerName: r.customerName, ownerName: r.ownerName });

const visible = (scope: DataScope) => and(isNull(opportunities.deletedAt), visibleTo(scope, opportunities, 'opportunity'));

export async function findVisibleOpportunity(db: DbOrTx, scope: DataScope, id: string): Promise<OpportunityView | undefined> {
  const [r] = await selectView(db).where(and(eq(opportunities.id, id), visible(scope)));
  return r ? flat(r) : undefined;
}

export async function findEditableForUpdate(db: DbOrTx, scope: DataScope, id: string): Promise<OpportunityRow | undefined> {
  const [r] = await db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.id, id), isNull(opportunities.deletedAt), editableBy(scope, opportunities, 'opportunity')))
    .for('update');
  return r;
}

export async function listOpportunities(db: DbOrTx, scope: DataScope, q: OpportunityListQuery): Promise<{ rows: OpportunityView[]; total: number }> {
  const where: SQL[] = [visible(scope)!];
  if (q.pipelineId) where.push(eq(opportunities.pipelineId, q.pipelineId));
  if (q.stageId) where.push(eq(opportunities.stageId, q.stageId));
  if (q.customerId) where.push(eq(opportunities.customerId, q.customerId));
  if (q.ownerId) where.push(eq(opportunities.ownerId, q.ownerId));
  if (q.status) where.push(eq(opportunities.status, q.status));
  if (q.q) where.push(ilike(opportunities.name, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  const cond = and(...where);
  const rows = await selectView(db).where(cond).orderBy(desc(opportunities.updatedAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [c] = await db.select({ n: count() }).from(opportunities).where(cond);
  return { rows: rows.map(flat), total: c?.n ?? 0 };
}

export async function stageHistory(db: DbOrTx, opportunityId: string) {
  const from = alias(pipelineStages, 'from_stage');
  return db
    .select({ h: opportunityStageHistory, fromStageName: from.name, toStageName: pipelineStages.name, changedByName: users.displayName })
    .from(opportunityStageHistory)
    .innerJoin(pipelineStages, eq(pipelineStages.id, opportunityStageHistory.toStageId))
    .leftJoin(from, eq(from.id, opportunityStageHistory.fromStageId))
    .leftJoin(users, eq(users.id, opportunityStageHistory.changedBy))
    .where(eq(opportunityStageHistory.opportunityId, opportunityId))
    .orderBy(asc(opportunityStageHistory.changedAt), asc(opportunityStageHistory.id));
}
