// The deficit of free agents is a sum of many independent Bernoulli terms; a normal approximation with
// a one-term Edgeworth (skewness) correction is accurate enough for the 1-5 % tail the pacer works in
// and costs a handful of flops, which matters because it runs on every telephony event.

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** erf by Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return sign * (1 - poly * Math.exp(-ax * ax));
}

export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

// Tabulated once: the pacer evaluates the tail hundreds of times per decision.
const Z_MAX = 8;
const Z_STEP = 1 / 256;
const TABLE_SIZE = Math.round((2 * Z_MAX) / Z_STEP) + 2;
const CDF_TABLE = new Float64Array(TABLE_SIZE);
const PDF_TABLE = new Float64Array(TABLE_SIZE);
for (let i = 0; i < TABLE_SIZE; i++) {
  CDF_TABLE[i] = normalCdf(-Z_MAX + i * Z_STEP);
  PDF_TABLE[i] = normalPdf(-Z_MAX + i * Z_STEP);
}

function lookup(table: Float64Array, z: number, below: number, above: number): number {
  if (z <= -Z_MAX) return below;
  if (z >= Z_MAX) return above;
  const x = (z + Z_MAX) / Z_STEP;
  const i = Math.floor(x);
  const f = x - i;
  return table[i]! + f * (table[i + 1]! - table[i]!);
}

/**
 * P(X ≤ 0) for an integer-valued X with the given mean, variance and third cumulant.
 * The continuity correction evaluates the continuous approximation at 0.5.
 */
export function probAtMostZero(mean: number, variance: number, thirdCumulant: number): number {
  if (variance < 1e-9) return mean < 0.5 ? 1 : 0;
  const sd = Math.sqrt(variance);
  const z = (0.5 - mean) / sd;
  const skew = thirdCumulant / (variance * sd);
  const p = lookup(CDF_TABLE, z, 0, 1) - (skew / 6) * (z * z - 1) * lookup(PDF_TABLE, z, 0, 0);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
