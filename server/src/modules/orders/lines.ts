import { inArray } from 'drizzle-orm';
import type { LineInput } from '../../contracts/sales.ts';
import type { DbOrTx } from '../../db/client.ts';
import { products } from '../../db/schema/sales.ts';
import { AppError, type ErrorDetail } from '../../errors/catalog.ts';
import { documentTotals, milliToNumeric, pctToBp, toMilli, type DocumentTotals, type LineAmounts } from './totals.ts';

export interface PricedLine {
  position: number;
  productId: string | null;
  description: string;
  unit: string | null;
  quantity: string;
  unitPriceCents: number;
  discountBp: number;
  taxRateBp: number;
  subtotalCents: number;
  netCents: number;
  taxCents: number;
  totalCents: number;
}

/**
 * Fills product defaults (name, unit, price, tax rate) for catalogue lines, checks free-text lines, and
 * computes every line and the document totals on the server. Field errors carry `lines/<i>/<field>`.
 */
export async function priceLines(db: DbOrTx, inputs: LineInput[], documentDiscountPct: number | undefined): Promise<{ lines: PricedLine[]; totals: DocumentTotals }> {
  const ids = inputs.map((l) => l.productId).filter((x): x is string => !!x);
  const found = ids.length ? await db.select().from(products).where(inArray(products.id, ids)) : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const details: ErrorDetail[] = [];
  const amounts: LineAmounts[] = [];
  const partial = inputs.map((l, i) => {
    const p = l.productId ? byId.get(l.productId) : undefined;
    if (l.productId && !p) details.push({ path: `lines/${i}/productId`, message: 'no such product' });
    if (!p && !l.description) details.push({ path: `lines/${i}/description`, message: 'is required for a free-text line' });
    if (!p && l.unitPriceCents === undefined) details.push({ path: `lines/${i}/unitPriceCents`, message: 'is required for a free-text line' });
    const a: LineAmounts = {
      quantityMilli: toMilli(l.quantity),
      unitPriceCents: BigInt(l.unitPriceCents ?? p?.priceCents ?? 0),
      discountBp: pctToBp(l.discountPct),
      taxRateBp: l.taxRatePct !== undefined ? pctToBp(l.taxRatePct) : (p?.taxRateBp ?? 0),
    };
    amounts.push(a);
    return { position: i, productId: p?.id ?? null, description: l.description ?? p?.name ?? '', unit: l.unit ?? p?.unit ?? null, quantity: milliToNumeric(a.quantityMilli), unitPriceCents: Number(a.unitPriceCents), discountBp: a.discountBp, taxRateBp: a.taxRateBp };
  });
  if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
  const totals = documentTotals(amounts, pctToBp(documentDiscountPct));
  return { lines: partial.map((l, i) => ({ ...l, ...totals.lines[i]! })), totals };
}

/** Document numbers: prefix + UTC date + random suffix, e.g. SO-20261126-7KQ2MA (unique index backs it). */
export function documentNumber(prefix: string, now = new Date()): string {
  const d = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `${prefix}-${d}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
}
