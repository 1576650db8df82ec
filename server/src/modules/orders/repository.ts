import { and, asc, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { SalesListQuery } from '../../contracts/sales.ts';
import type { DbOrTx } from '../../db/client.ts';
import { orderLines, orders, orderStatusHistory, paymentInstallments, payments, type OrderStatus } from '../../db/schema/sales.ts';
import type { DataScope } from '../access/scope.ts';
import { editableBy, visibleTo } from '../access/visibility.ts';
import type { OrderParts } from './dto.ts';

export type OrderRow = typeof orders.$inferSelect;
export const visibleOrders = (scope: DataScope) => and(isNull(orders.deletedAt), visibleTo(scope, orders, 'order'))!;

export async function findVisibleOrder(db: DbOrTx, scope: DataScope, id: string): Promise<OrderRow | undefined> {
  const [o] = await db.select().from(orders).where(and(eq(orders.id, id), visibleOrders(scope)));
  return o;
}

export async function findEditableOrderForUpdate(db: DbOrTx, scope: DataScope, id: string): Promise<OrderRow | undefined> {
  const [o] = await db.select().from(orders).where(and(eq(orders.id, id), isNull(orders.deletedAt), editableBy(scope, orders, 'order'))).for('update');
  return o;
}

export async function orderParts(db: DbOrTx, id: string): Promise<OrderParts> {
  const [lines, history, installments, paid] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.position)),
    db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, id)).orderBy(asc(orderStatusHistory.changedAt), asc(orderStatusHistory.id)),
    db.select().from(paymentInstallments).where(eq(paymentInstallments.orderId, id)).orderBy(asc(paymentInstallments.seq)),
    db.select().from(payments).where(eq(payments.orderId, id)).orderBy(asc(payments.receivedOn), asc(payments.createdAt)),
  ]);
  return { lines, history, installments, payments: paid };
}

export async function listOrders(db: DbOrTx, scope: DataScope, q: SalesListQuery) {
  const where: SQL[] = [visibleOrders(scope)];
  if (q.customerId) where.push(eq(orders.customerId, q.customerId));
  if (q.opportunityId) where.push(eq(orders.opportunityId, q.opportunityId));
  if (q.status) where.push(eq(orders.status, q.status as OrderStatus));
  const cond = and(...where);
  const rows = await db.select().from(orders).where(cond).orderBy(desc(orders.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [c] = await db.select({ n: count() }).from(orders).where(cond);
  return { rows, total: c?.n ?? 0 };
}
