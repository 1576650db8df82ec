import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import type { ActivityListQuery } from '../../contracts/activities.ts';
import type { DbOrTx } from '../../db/client.ts';
import { activities } from '../../db/schema/activities.ts';
import type { DataScope } from '../access/scope.ts';
import { editableBy, visibleTo } from '../access/visibility.ts';
import type { ActivityRow } from './service.ts';

export async function findVisibleActivity(db: DbOrTx, scope: DataScope, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(activities).where(and(eq(activities.id, id), visibleTo(scope, activities, 'activity')));
  return row;
}

export async function findEditableActivityForUpdate(db: DbOrTx, scope: DataScope, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(activities).where(and(eq(activities.id, id), editableBy(scope, activities, 'activity'))).for('update');
  return row;
}

export async function listActivities(db: DbOrTx, scope: DataScope, userId: string, q: ActivityListQuery): Promise<{ rows: ActivityRow[]; total: number }> {
  const where: SQL[] = [visibleTo(scope, activities, 'activity')];
  if (q.mine) where.push(eq(activities.ownerId, userId));
  if (q.kind) where.push(eq(activities.kind, q.kind));
  if (q.customerId) where.push(eq(activities.customerId, q.customerId));
  if (q.contactId) where.push(eq(activities.contactId, q.contactId));
  if (q.leadId) where.push(eq(activities.leadId, q.leadId));
  if (q.opportunityId) where.push(eq(activities.opportunityId, q.opportunityId));
  if (q.serviceRequestId) where.push(eq(activities.serviceRequestId, q.serviceRequestId));
  if (q.open === true) where.push(isNull(activities.doneAt), isNotNull(activities.dueAt));
  if (q.open === false) where.push(isNotNull(activities.doneAt));
  const cond = and(...where);
  const rows = await db.select().from(activities).where(cond).orderBy(desc(activities.occurredAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [c] = await db.select({ n: count() }).from(activities).where(cond);
  return { rows, total: c?.n ?? 0 };
}

/** Open follow-ups of one owner split around [dayStart, dayStart + 24 h). */
export async function followUps(db: DbOrTx, scope: DataScope, ownerId: string, dayStart: Date) {
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const base = and(visibleTo(scope, activities, 'activity'), eq(activities.ownerId, ownerId), isNull(activities.doneAt), isNotNull(activities.dueAt));
  const sel = (extra: SQL) => db.select().from(activities).where(and(base, extra)).orderBy(asc(activities.dueAt)).limit(200);
  const [overdue, today, upcoming] = await Promise.all([
    sel(lt(activities.dueAt, dayStart)),
    sel(and(gte(activities.dueAt, dayStart), lt(activities.dueAt, dayEnd))!),
    sel(gte(activities.dueAt, dayEnd)),
  ]);
  return { overdue, today, upcoming };
}
