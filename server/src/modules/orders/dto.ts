import type { OrderDto, QuoteDto } from '../../contracts/sales.ts';
import type { orderLines, orders, orderStatusHistory, paymentInstallments, payments, quoteLines, quotes } from '../../db/schema/sales.ts';
import { iso } from '../activities/actor.ts';
import { bpToPct } from './totals.ts';

type LineRow = typeof quoteLines.$inferSelect | typeof orderLines.$inferSelect;
type DocRow = typeof quotes.$inferSelect | typeof orders.$inferSelect;

export const toLineDto = (l: LineRow) => ({
  id: l.id, position: l.position, productId: l.productId, description: l.description, unit: l.unit, quantity: l.quantity, unitPriceCents: l.unitPriceCents,
  discountPct: bpToPct(l.discountBp), taxRatePct: bpToPct(l.taxRateBp), subtotalCents: l.subtotalCents, netCents: l.netCents, taxCents: l.taxCents, totalCents: l.totalCents,
});

function docBase(d: DocRow, lines: LineRow[]) {
  return {
    id: d.id, number: d.number, title: d.title, customerId: d.customerId, contactId: d.contactId, opportunityId: d.opportunityId, currency: d.currency,
    status: d.status, discountPct: bpToPct(d.discountBp), subtotalCents: d.subtotalCents, discountCents: d.discountCents, taxCents: d.taxCents,
    totalCents: d.totalCents, notes: d.notes, ownerId: d.ownerId, teamId: d.teamId, version: d.version, createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(), lines: lines.map(toLineDto),
  };
}

export const toQuoteDto = (q: typeof quotes.$inferSelect, lines: LineRow[]): QuoteDto => ({ ...docBase(q, lines), validUntil: q.validUntil });

export interface OrderParts {
  lines: LineRow[];
  history: (typeof orderStatusHistory.$inferSelect)[];
  installments: (typeof paymentInstallments.$inferSelect)[];
  payments: (typeof payments.$inferSelect)[];
}

export function toOrderDto(o: typeof orders.$inferSelect, p: OrderParts): OrderDto {
  return {
    ...docBase(o, p.lines), quoteId: o.quoteId, signedDate: o.signedDate, confirmedAt: iso(o.confirmedAt), paidCents: o.paidCents,
    outstandingCents: o.status === 'cancelled' ? 0 : o.totalCents - o.paidCents,
    history: p.history.map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, note: h.note, changedBy: h.changedBy, changedAt: h.changedAt.toISOString() })),
    installments: p.installments.map((i) => ({ id: i.id, seq: i.seq, dueDate: i.dueDate, amountCents: i.amountCents, note: i.note })),
    payments: p.payments.map((x) => ({ id: x.id, orderId: x.orderId, installmentId: x.installmentId, amountCents: x.amountCents, receivedOn: x.receivedOn, method: x.method, reference: x.reference, note: x.note, createdAt: x.createdAt.toISOString() })),
  };
}
