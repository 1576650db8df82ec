/**
 * Line and document totals in integer cents, computed with BigInt so no float ever touches money.
 *
 * Rounding rule (documented for the console and tests): every step rounds half up to a whole cent, in
 * this order, per line:
 *   subtotal = round(quantity × unit price × (1 − line discount))
 *   net      = round(subtotal × (1 − document discount))
 *   tax      = round(net × tax rate)          (prices are tax-exclusive)
 *   total    = net + tax
 * Document: subtotal = Σ line subtotal, discount = subtotal − Σ net, tax = Σ tax, total = Σ net + Σ tax.
 * Quantities carry up to 3 decimals (milli-units); rates and discounts are basis points (1 % = 100).
 */
export interface LineAmounts {
  quantityMilli: bigint;
  unitPriceCents: bigint;
  discountBp: number;
  taxRateBp: number;
}

export interface LineTotals {
  subtotalCents: number;
  netCents: number;
  taxCents: number;
  totalCents: number;
}

export interface DocumentTotals {
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
  lines: LineTotals[];
}

/** n / d rounded half up, for n ≥ 0 and d > 0. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}

export function lineTotals(l: LineAmounts, documentDiscountBp: number): LineTotals {
  const subtotal = divRoundHalfUp(l.quantityMilli * l.unitPriceCents * BigInt(10_000 - l.discountBp), 1000n * 10_000n);
  const net = divRoundHalfUp(subtotal * BigInt(10_000 - documentDiscountBp), 10_000n);
  const tax = divRoundHalfUp(net * BigInt(l.taxRateBp), 10_000n);
  return { subtotalCents: Number(subtotal), netCents: Number(net), taxCents: Number(tax), totalCents: Number(net + tax) };
}

export function documentTotals(lines: LineAmounts[], documentDiscountBp: number): DocumentTotals {
  const computed = lines.map((l) => lineTotals(l, documentDiscountBp));
  const sum = (k: keyof LineTotals) => computed.reduce((a, l) => a + l[k], 0);
  const subtotal = sum('subtotalCents');
  const net = sum('netCents');
  const tax = sum('taxCents');
  return { subtotalCents: subtotal, discountCents: subtotal - net, taxCents: tax, totalCents: net + tax, lines: computed };
}

/** 13.5 → 1350 basis points. The schema allows two decimals, so this is exact after rounding away float noise. */
export const pctToBp = (pct: number | undefined) => Math.round((pct ?? 0) * 100);
export const bpToPct = (bp: number) => bp / 100;
/** 2.5 → 2500n milli-units; "2.500" (numeric from Postgres) → 2500n. */
export const toMilli = (q: number | string) => BigInt(Math.round(Number(q) * 1000));
export const milliToNumeric = (m: bigint) => (Number(m) / 1000).toFixed(3);
