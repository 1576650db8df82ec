import { asc, eq, sql } from 'drizzle-orm';
import type { OrderCreateBody, OrderStatusBody, OrderUpdateBody } from '../../contracts/sales.ts';
import type { Db } from '../../db/client.ts';
import { orderLines, orders, orderStatusHistory, type OrderStatus } from '../../db/schema/sales.ts';
import { AppError } from '../../errors/catalog.ts';
import type { Actor } from '../activities/actor.ts';
import { writeAudit } from '../audit/service.ts';
import { checkDocumentLinks } from '../quotes/links.ts';
import { asInput, findVisibleQuote } from '../quotes/service.ts';
import { documentNumber, priceLines } from './lines.ts';
import { findEditableOrderForUpdate } from './repository.ts';
import { canMove } from './status.ts';
import { pctToBp } from './totals.ts';

export async function createOrder(db: Db, actor: Actor, b: OrderCreateBody): Promise<string> {
  return db.transaction(async (tx) => {
    await checkDocumentLinks(tx, actor, b);
    if (b.quoteId) {
      const q = await findVisibleQuote(tx, actor.scope, b.quoteId);
      if (!q || q.quote.customerId !== b.customerId) throw new AppError('RS_VALIDATION', undefined, [{ path: 'quoteId', message: 'no such quote of this customer' }]);
    }
    const { lines, totals } = await priceLines(tx, b.lines, b.discountPct);
    const [o] = await tx
      .insert(orders)
      .values({
        number: documentNumber('SO'), title: b.title, customerId: b.customerId, contactId: b.contactId ?? null, opportunityId: b.opportunityId ?? null,
        quoteId: b.quoteId ?? null, signedDate: b.signedDate ?? null, currency: b.currency ?? 'CNY', discountBp: pctToBp(b.discountPct),
        subtotalCents: totals.subtotalCents, discountCents: totals.discountCents, taxCents: totals.taxCents, totalCents: totals.totalCents,
        notes: b.notes ?? null, ownerId: actor.user.id, teamId: actor.user.teamId, createdBy: actor.user.id,
      })
      .returning();
    await tx.insert(orderLines).values(lines.map((l) => ({ ...l, orderId: o!.id })));
    await tx.insert(orderStatusHistory).values({ orderId: o!.id, fromStatus: null, toStatus: 'draft', changedBy: actor.user.id });
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'order.create', entityType: 'order', entityId: o!.id, details: { totalCents: totals.totalCents }, ip: actor.ip });
    return o!.id;
  });
}

/** Only a draft's lines and money may change; a confirmed contract is changed through status moves. */
export async function updateOrder(db: Db, actor: Actor, id: string, b: OrderUpdateBody): Promise<void> {
  await db.transaction(async (tx) => {
    const cur = await findEditableOrderForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    if (b.version !== undefined && b.version !== cur.version) throw new AppError('RS_CONFLICT');
    const { lines: lineInput, discountPct, version: _v, ...fields } = b;
    if ((lineInput || discountPct !== undefined) && cur.status !== 'draft') throw new AppError('RS_CONFLICT', 'Only a draft order can change its lines');
    if (b.contactId) await checkDocumentLinks(tx, actor, { customerId: cur.customerId, contactId: b.contactId });
    let money = {};
    if (lineInput || discountPct !== undefined) {
      const inputs = lineInput ?? (await tx.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.position))).map(asInput);
      const pct = discountPct ?? cur.discountBp / 100;
      const priced = await priceLines(tx, inputs, pct);
      await tx.delete(orderLines).where(eq(orderLines.orderId, id));
      await tx.insert(orderLines).values(priced.lines.map((l) => ({ ...l, orderId: id })));
      const { lines: _l, ...t } = priced.totals;
      money = { ...t, discountBp: pctToBp(pct) };
    }
    await tx.update(orders).set({ ...fields, ...money, version: cur.version + 1, updatedAt: new Date() }).where(eq(orders.id, id));
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'order.update', entityType: 'order', entityId: id, details: { fields: Object.keys(b) }, ip: actor.ip });
  });
}

/** Status moves are kept as history; confirming stamps customers.last_transaction_at in the same transaction. */
export async function changeOrderStatus(db: Db, actor: Actor, id: string, b: OrderStatusBody): Promise<void> {
  await db.transaction(async (tx) => {
    const cur = await findEditableOrderForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    const to = b.status as OrderStatus;
    if (!canMove(cur.status, to)) throw new AppError('RS_CONFLICT', `An order cannot go from ${cur.status} to ${to}`);
    const now = new Date();
    await tx.update(orders).set({ status: to, ...(to === 'confirmed' ? { confirmedAt: now } : {}), version: cur.version + 1, updatedAt: now }).where(eq(orders.id, id));
    await tx.insert(orderStatusHistory).values({ orderId: id, fromStatus: cur.status, toStatus: to, note: b.note ?? null, changedBy: actor.user.id, changedAt: now });
    if (to === 'confirmed') {
      await tx.execute(sql`update customers set last_transaction_at = greatest(last_transaction_at, ${now.toISOString()}::timestamptz) where id = ${cur.customerId}::uuid`);
    }
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'order.status', entityType: 'order', entityId: id, details: { from: cur.status, to }, ip: actor.ip });
  });
}
