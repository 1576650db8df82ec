import { and, asc, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { QuoteCreateBody, QuoteUpdateBody, SalesListQuery } from '../../contracts/sales.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { quoteLines, quotes, type QuoteStatus } from '../../db/schema/sales.ts';
import { AppError } from '../../errors/catalog.ts';
import type { Actor } from '../activities/actor.ts';
import type { DataScope } from '../access/scope.ts';
import { editableBy, visibleTo } from '../access/visibility.ts';
import { writeAudit } from '../audit/service.ts';
import { documentNumber, priceLines } from '../orders/lines.ts';
import { pctToBp } from '../orders/totals.ts';
import { checkDocumentLinks } from './links.ts';

export type QuoteRow = typeof quotes.$inferSelect;
const visible = (scope: DataScope) => and(isNull(quotes.deletedAt), visibleTo(scope, quotes, 'quote'));

export async function findVisibleQuote(db: DbOrTx, scope: DataScope, id: string) {
  const [q] = await db.select().from(quotes).where(and(eq(quotes.id, id), visible(scope)));
  if (!q) return undefined;
  const lines = await db.select().from(quoteLines).where(eq(quoteLines.quoteId, id)).orderBy(asc(quoteLines.position));
  return { quote: q, lines };
}

export async function listQuotes(db: DbOrTx, scope: DataScope, q: SalesListQuery) {
  const where: SQL[] = [visible(scope)!];
  if (q.customerId) where.push(eq(quotes.customerId, q.customerId));
  if (q.opportunityId) where.push(eq(quotes.opportunityId, q.opportunityId));
  if (q.status) where.push(eq(quotes.status, q.status as QuoteStatus));
  const cond = and(...where);
  const rows = await db.select().from(quotes).where(cond).orderBy(desc(quotes.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [c] = await db.select({ n: count() }).from(quotes).where(cond);
  return { rows, total: c?.n ?? 0 };
}

export async function createQuote(db: Db, actor: Actor, b: QuoteCreateBody): Promise<string> {
  return db.transaction(async (tx) => {
    await checkDocumentLinks(tx, actor, b);
    const { lines, totals } = await priceLines(tx, b.lines, b.discountPct);
    const [q] = await tx
      .insert(quotes)
      .values({
        number: documentNumber('QT'), title: b.title, customerId: b.customerId, contactId: b.contactId ?? null, opportunityId: b.opportunityId ?? null,
        currency: b.currency ?? 'CNY', discountBp: pctToBp(b.discountPct), subtotalCents: totals.subtotalCents, discountCents: totals.discountCents,
        taxCents: totals.taxCents, totalCents: totals.totalCents, notes: b.notes ?? null, validUntil: b.validUntil ?? null,
        ownerId: actor.user.id, teamId: actor.user.teamId, createdBy: actor.user.id,
      })
      .returning();
    await tx.insert(quoteLines).values(lines.map((l) => ({ ...l, quoteId: q!.id })));
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'quote.create', entityType: 'quote', entityId: q!.id, details: { totalCents: totals.totalCents }, ip: actor.ip });
    return q!.id;
  });
}

export async function updateQuote(db: Db, actor: Actor, id: string, b: QuoteUpdateBody): Promise<void> {
  await db.transaction(async (tx) => {
    const [cur] = await tx.select().from(quotes).where(and(eq(quotes.id, id), isNull(quotes.deletedAt), editableBy(actor.scope, quotes, 'quote'))).for('update');
    if (!cur) throw new AppError('RS_NOT_FOUND');
    if (b.version !== undefined && b.version !== cur.version) throw new AppError('RS_CONFLICT');
    if (b.contactId) await checkDocumentLinks(tx, actor, { customerId: cur.customerId, contactId: b.contactId });
    const { lines: lineInput, discountPct, version: _v, ...fields } = b;
    let money = {};
    if (lineInput || discountPct !== undefined) {
      const current = lineInput ?? (await tx.select().from(quoteLines).where(eq(quoteLines.quoteId, id)).orderBy(asc(quoteLines.position))).map(asInput);
      const priced = await priceLines(tx, current, discountPct ?? cur.discountBp / 100);
      await tx.delete(quoteLines).where(eq(quoteLines.quoteId, id));
      await tx.insert(quoteLines).values(priced.lines.map((l) => ({ ...l, quoteId: id })));
      const { lines: _l, ...t } = priced.totals;
      money = { ...t, discountBp: pctToBp(discountPct ?? cur.discountBp / 100) };
    }
    await tx.update(quotes).set({ ...fields, status: fields.status as QuoteStatus | undefined, ...money, version: cur.version + 1, updatedAt: new Date() }).where(eq(quotes.id, id));
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'quote.update', entityType: 'quote', entityId: id, details: { fields: Object.keys(b) }, ip: actor.ip });
  });
}

/** Turns stored lines back into inputs so a document-discount change re-prices with the same rules. */
export const asInput = (l: Omit<typeof quoteLines.$inferSelect, 'quoteId'>) => ({
  productId: null, description: l.description, unit: l.unit, quantity: Number(l.quantity), unitPriceCents: l.unitPriceCents, discountPct: l.discountBp / 100, taxRatePct: l.taxRateBp / 100,
});
