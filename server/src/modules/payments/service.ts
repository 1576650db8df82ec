import { and, eq, sql } from 'drizzle-orm';
import type { InstallmentPlanBody, PaymentCreateBody, ReceivablesDto } from '../../contracts/sales.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { orders, paymentInstallments, payments } from '../../db/schema/sales.ts';
import { AppError } from '../../errors/catalog.ts';
import type { Actor } from '../activities/actor.ts';
import type { DataScope } from '../access/scope.ts';
import { writeAudit } from '../audit/service.ts';
import { findEditableOrderForUpdate, visibleOrders } from '../orders/repository.ts';
import { RECEIVABLE_STATUSES } from '../orders/status.ts';

/** Replaces the payment plan; instalments may not add up to more than the order total. */
export async function replaceInstallments(db: Db, actor: Actor, orderId: string, b: InstallmentPlanBody): Promise<void> {
  await db.transaction(async (tx) => {
    const o = await findEditableOrderForUpdate(tx, actor.scope, orderId);
    if (!o) throw new AppError('RS_NOT_FOUND');
    if (o.status === 'cancelled') throw new AppError('RS_CONFLICT', 'A cancelled order has no payment plan');
    const sum = b.items.reduce((a, i) => a + i.amountCents, 0);
    if (sum > o.totalCents) throw new AppError('RS_VALIDATION', undefined, [{ path: 'items', message: `instalments add up to ${sum}, more than the order total ${o.totalCents}` }]);
    await tx.update(payments).set({ installmentId: null }).where(eq(payments.orderId, orderId));
    await tx.delete(paymentInstallments).where(eq(paymentInstallments.orderId, orderId));
    if (b.items.length) {
      await tx.insert(paymentInstallments).values(b.items.map((i, n) => ({ orderId, customerId: o.customerId, seq: n + 1, dueDate: i.dueDate, amountCents: i.amountCents, note: i.note ?? null })));
    }
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'order.installments', entityType: 'order', entityId: orderId, details: { count: b.items.length, sum }, ip: actor.ip });
  });
}

/** Records a received payment; orders.paid_cents moves in the same transaction. Overpayment is refused. */
export async function recordPayment(db: Db, actor: Actor, orderId: string, b: PaymentCreateBody): Promise<string> {
  return db.transaction(async (tx) => {
    const o = await findEditableOrderForUpdate(tx, actor.scope, orderId);
    if (!o) throw new AppError('RS_NOT_FOUND');
    if (!RECEIVABLE_STATUSES.includes(o.status)) throw new AppError('RS_CONFLICT', 'Payments are recorded on confirmed orders');
    if (o.paidCents + b.amountCents > o.totalCents) throw new AppError('RS_VALIDATION', undefined, [{ path: 'amountCents', message: `exceeds the outstanding ${o.totalCents - o.paidCents}` }]);
    if (b.installmentId) {
      const [i] = await tx.select().from(paymentInstallments).where(and(eq(paymentInstallments.id, b.installmentId), eq(paymentInstallments.orderId, orderId)));
      if (!i) throw new AppError('RS_VALIDATION', undefined, [{ path: 'installmentId', message: 'no such instalment of this order' }]);
    }
    const [p] = await tx
      .insert(payments)
      .values({ orderId, customerId: o.customerId, installmentId: b.installmentId ?? null, amountCents: b.amountCents, receivedOn: b.receivedOn, method: b.method ?? null, reference: b.reference ?? null, note: b.note ?? null, createdBy: actor.user.id })
      .returning();
    await tx.update(orders).set({ paidCents: sql`${orders.paidCents} + ${b.amountCents}`, updatedAt: new Date() }).where(eq(orders.id, orderId));
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'payment.create', entityType: 'order', entityId: orderId, details: { paymentId: p!.id, amountCents: b.amountCents }, ip: actor.ip });
    return p!.id;
  });
}

/**
 * Receivables of one customer over the orders the caller may see: per order total, paid, outstanding,
 * and instalments past due that the payments received so far do not cover (allocated oldest first).
 */
export async function receivables(db: DbOrTx, scope: DataScope, customerId: string, today: string): Promise<ReceivablesDto> {
  const rows = await db.select().from(orders).where(and(eq(orders.customerId, customerId), visibleOrders(scope)));
  const open = rows.filter((o) => RECEIVABLE_STATUSES.includes(o.status));
  const list = open.map((o) => ({ orderId: o.id, number: o.number, status: o.status, totalCents: o.totalCents, paidCents: o.paidCents, outstandingCents: o.totalCents - o.paidCents }));
  const overdueInstallments: ReceivablesDto['overdueInstallments'] = [];
  for (const o of open) {
    const plan = await db.select().from(paymentInstallments).where(eq(paymentInstallments.orderId, o.id)).orderBy(paymentInstallments.seq);
    let covered = o.paidCents;
    for (const i of plan) {
      const short = Math.max(0, i.amountCents - covered);
      covered = Math.max(0, covered - i.amountCents);
      if (short > 0 && i.dueDate < today) overdueInstallments.push({ orderId: o.id, seq: i.seq, dueDate: i.dueDate, amountCents: short });
    }
  }
  const sum = (k: 'totalCents' | 'paidCents' | 'outstandingCents') => list.reduce((a, r) => a + r[k], 0);
  return {
    customerId, totalCents: sum('totalCents'), paidCents: sum('paidCents'), outstandingCents: sum('outstandingCents'),
    overdueCents: overdueInstallments.reduce((a, i) => a + i.amountCents, 0), orders: list, overdueInstallments,
  };
}
