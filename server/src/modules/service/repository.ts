import { and, asc, count, desc, eq, ilike, isNull, type SQL } from 'drizzle-orm';
import type { ServiceListQuery } from '../../contracts/service.ts';
import type { DbOrTx } from '../../db/client.ts';
import { customers } from '../../db/schema/customers.ts';
import { serviceDispatches, serviceFeedback, serviceRequests, serviceStatusHistory } from '../../db/schema/service.ts';
import type { DataScope } from '../access/scope.ts';
import { editableBy, visibleTo } from '../access/visibility.ts';

export type ServiceRow = typeof serviceRequests.$inferSelect;
export type ServiceView = ServiceRow & { customerName: string | null };
const visible = (scope: DataScope) => and(isNull(serviceRequests.deletedAt), visibleTo(scope, serviceRequests, 'service_request'))!;

const selectView = (db: DbOrTx) =>
  db.select({ r: serviceRequests, customerName: customers.name }).from(serviceRequests).leftJoin(customers, eq(customers.id, serviceRequests.customerId));

export async function findVisibleRequest(db: DbOrTx, scope: DataScope, id: string): Promise<ServiceView | undefined> {
  const [x] = await selectView(db).where(and(eq(serviceRequests.id, id), visible(scope)));
  return x ? { ...x.r, customerName: x.customerName } : undefined;
}

export async function findEditableRequestForUpdate(db: DbOrTx, scope: DataScope, id: string): Promise<ServiceRow | undefined> {
  const [r] = await db.select().from(serviceRequests).where(and(eq(serviceRequests.id, id), isNull(serviceRequests.deletedAt), editableBy(scope, serviceRequests, 'service_request'))).for('update');
  return r;
}

export async function listRequests(db: DbOrTx, scope: DataScope, q: ServiceListQuery) {
  const where: SQL[] = [visible(scope)];
  if (q.status) where.push(eq(serviceRequests.status, q.status));
  if (q.open !== undefined) where.push(eq(serviceRequests.isOpen, q.open));
  if (q.priority) where.push(eq(serviceRequests.priority, q.priority));
  if (q.customerId) where.push(eq(serviceRequests.customerId, q.customerId));
  if (q.ownerId) where.push(eq(serviceRequests.ownerId, q.ownerId));
  if (q.q) where.push(ilike(serviceRequests.title, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  const cond = and(...where);
  const rows = await selectView(db).where(cond).orderBy(desc(serviceRequests.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [c] = await db.select({ n: count() }).from(serviceRequests).where(cond);
  return { rows: rows.map((x) => ({ ...x.r, customerName: x.customerName })), total: c?.n ?? 0 };
}

export async function requestParts(db: DbOrTx, id: string) {
  const [history, dispatches, feedback] = await Promise.all([
    db.select().from(serviceStatusHistory).where(eq(serviceStatusHistory.serviceRequestId, id)).orderBy(asc(serviceStatusHistory.changedAt), asc(serviceStatusHistory.id)),
    db.select().from(serviceDispatches).where(eq(serviceDispatches.serviceRequestId, id)).orderBy(asc(serviceDispatches.createdAt)),
    db.select().from(serviceFeedback).where(eq(serviceFeedback.serviceRequestId, id)),
  ]);
  return { history, dispatches, feedback: feedback[0] ?? null };
}
