// The abandon risk of one more dial, from the current state and the learned distributions.
//
// Let the new dial be answered u seconds from now. It is abandoned if, by u + grace, every agent who has
// become free is already taken by a call answered before it. With
//   supply(u) = ready agents + agents whose talk + wrap-up ends within u + grace     (Bernoulli each)
//   demand(u) = calls waiting now + dials in progress answered within u             (Bernoulli each)
//               + the k other dials placed now answered within u
// the dial is abandoned when X = supply − demand ≤ 0. X is a sum of independent Bernoulli terms, so its
// mean, variance and third cumulant add up term by term, and P(X ≤ 0) comes from an Edgeworth-corrected
// normal. Averaging over u with the answer-time density gives the risk. Only the k other new dials
// change between candidate values of k, so the per-u cumulants are computed once per decision.

import { probAtMostZero } from './normal-tail.ts';
import type { PacingEstimates, PacingState } from './types.ts';

export interface DeficitProfile {
  /** P(answer in step j | answered), for a dial placed now. */
  readonly weight: Float64Array;
  /** P(a dial placed now is answered live by step j). */
  readonly newAnswerBy: Float64Array;
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  readonly third: Float64Array;
}

function addRow(p: DeficitProfile, row: Float64Array, sign: number): void {
  const { mean, variance, third } = p;
  const n = Math.abs(sign);
  for (let j = 0; j < row.length; j++) {
    const q = row[j]!;
    if (q <= 0) continue;
    const v = q * (1 - q);
    mean[j]! += sign * q;
    variance[j]! += n * v;
    third[j]! += sign * v * (1 - 2 * q);
  }
}

/** Adds `sign` × one Bernoulli term per age; runs of ages sharing a cached row are added at once. */
function addAll(p: DeficitProfile, ages: readonly number[], rowOf: (age: number) => Float64Array, sign: 1 | -1): void {
  let run: Float64Array | undefined;
  let count = 0;
  for (const age of ages) {
    const row = rowOf(age);
    if (row === run) {
      count++;
      continue;
    }
    if (run) addRow(p, run, sign * count);
    run = row;
    count = 1;
  }
  if (run) addRow(p, run, sign * count);
}

/** Builds the cumulants of X at every step of the estimates' grid. */
export function deficitProfile(state: PacingState, est: PacingEstimates): DeficitProfile {
  const steps = est.steps;
  const p: DeficitProfile = {
    weight: new Float64Array(steps),
    newAnswerBy: est.newAnswerBy,
    mean: new Float64Array(steps).fill(state.readyAgents - state.waitingAgesSec.length),
    variance: new Float64Array(steps),
    third: new Float64Array(steps),
  };
  const pA = Math.max(est.pAnswer, 1e-6);
  let before = 0;
  for (let j = 0; j < steps; j++) {
    const by = est.newAnswerBy[j]!;
    p.weight[j] = Math.max(0, by - before) / pA;
    before = by;
  }
  addAll(p, state.talkElapsedSec, est.talkFreeRow, 1);
  addAll(p, state.wrapElapsedSec, est.wrapFreeRow, 1);
  // Dials are placed in bursts, so neighbours in the list often share an age bucket.
  addAll(p, state.dialAgesSec, est.dialAnswerRow, -1);
  return p;
}

/** P(abandoned | answered) for one more dial when `others` more are placed at the same time. */
export function riskOfOneMore(p: DeficitProfile, others: number): number {
  let risk = 0;
  for (let j = 0; j < p.weight.length; j++) {
    const w = p.weight[j]!;
    if (w <= 0) continue;
    const q = p.newAnswerBy[j]!;
    const v = q * (1 - q);
    risk += w * probAtMostZero(p.mean[j]! - others * q, p.variance[j]! + others * v, p.third[j]! - others * v * (1 - 2 * q));
  }
  return risk;
}

/** Largest number of dials to place now such that the last one's risk stays within `threshold`. */
export function dialsWithinRisk(p: DeficitProfile, threshold: number, maxDials: number): number {
  if (maxDials <= 0 || riskOfOneMore(p, 0) > threshold) return 0;
  // Risk grows with the number of other dials: gallop, then bisect on the count of acceptable dials.
  let ok = 1;
  let bad = 2;
  while (bad <= maxDials && riskOfOneMore(p, bad - 1) <= threshold) {
    ok = bad;
    bad *= 2;
  }
  if (bad > maxDials) {
    if (riskOfOneMore(p, maxDials - 1) <= threshold) return maxDials;
    bad = maxDials;
  }
  while (bad - ok > 1) {
    const mid = (ok + bad) >> 1;
    if (riskOfOneMore(p, mid - 1) <= threshold) ok = mid;
    else bad = mid;
  }
  return ok;
}
