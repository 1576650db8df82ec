import { describe, expect, it } from 'vitest';
import { divRoundHalfUp, documentTotals, lineTotals, pctToBp, toMilli } from './totals.ts';

describe('sales document totals', () => {
  it('rounds half up to the cent', () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(15n, 10n)).toBe(2n);
  });

  it('applies line discount, then document discount, then tax per line', () => {
    // 3 × 33.33 = 99.99; −10 % = 89.991 → 89.99; −5 % = 85.4905 → 85.49; tax 13 % = 11.1137 → 11.11
    const l = lineTotals({ quantityMilli: toMilli(3), unitPriceCents: 3333n, discountBp: 1000, taxRateBp: 1300 }, 500);
    expect(l).toEqual({ subtotalCents: 8999, netCents: 8549, taxCents: 1111, totalCents: 9660 });
  });

  it('sums a document with fractional quantities and mixed tax rates', () => {
    const d = documentTotals(
      [
        { quantityMilli: toMilli(1.5), unitPriceCents: 10001n, discountBp: 0, taxRateBp: 600 }, // 150.015 → 150.02; net 150.02; tax 9.0012 → 9.00
        { quantityMilli: toMilli(2), unitPriceCents: 999n, discountBp: pctToBp(12.5), taxRateBp: 1300 }, // 19.98 × .875 = 17.4825 → 17.48; tax 2.2724 → 2.27
      ],
      0,
    );
    expect(d).toMatchObject({ subtotalCents: 16750, discountCents: 0, taxCents: 1127, totalCents: 17877 });
  });

  it('never produces a float for large amounts', () => {
    const l = lineTotals({ quantityMilli: toMilli(1000), unitPriceCents: 999_999_999n, discountBp: 333, taxRateBp: 1300 }, 0);
    expect(Number.isInteger(l.totalCents)).toBe(true);
  });
});
