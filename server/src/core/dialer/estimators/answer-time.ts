// When dials resolve, measured from originate: one histogram for live answers (post-dial delay + ring)
// and one for every other ending (busy, no answer, failure, machine). Together with the answer rate they
// give the chance that a dial already ringing for a while is answered in the next few seconds — a dial
// that has rung 18 s is much less likely to be answered than a fresh one.
//
// Dials last well under a minute, so the few still in progress are ignored rather than treated as
// censored: the bias is a handful of calls against thousands.

export interface AnswerTimeState {
  readonly binSec: number;
  readonly answered: number[];
  readonly other: number[];
  answeredCount: number;
  otherCount: number;
}

export interface AnswerTimeCdf {
  readonly binSec: number;
  /** cdf[b] = P(resolution age ≤ b × binSec), for answered and for other endings. */
  readonly answered: Float64Array;
  readonly other: Float64Array;
  /** Age by which (almost) every live answer has happened. */
  readonly horizonSec: number;
}

const RANGE_SEC = 90;
/** Weak prior so the functions are defined before data: answers spread over 2–20 s, others at 20–26 s. */
const PRIOR_WEIGHT = 2;

export function emptyAnswerTime(binSec = 0.25): AnswerTimeState {
  const bins = Math.ceil(RANGE_SEC / binSec);
  return { binSec, answered: new Array<number>(bins).fill(0), other: new Array<number>(bins).fill(0), answeredCount: 0, otherCount: 0 };
}

export function observeResolution(state: AnswerTimeState, answered: boolean, ageSec: number): void {
  const bins = state.answered.length;
  const b = Math.min(bins - 1, Math.max(0, Math.floor(ageSec / state.binSec)));
  if (answered) {
    state.answered[b] = (state.answered[b] ?? 0) + 1;
    state.answeredCount += 1;
  } else {
    state.other[b] = (state.other[b] ?? 0) + 1;
    state.otherCount += 1;
  }
}

function cdfOf(counts: readonly number[], total: number, binSec: number, priorFrom: number, priorTo: number): Float64Array {
  const bins = counts.length;
  const cdf = new Float64Array(bins + 1);
  const priorBins = Math.max(1, Math.round((priorTo - priorFrom) / binSec));
  const priorStart = Math.round(priorFrom / binSec);
  const denom = total + PRIOR_WEIGHT;
  let acc = 0;
  for (let b = 0; b < bins; b++) {
    const prior = b >= priorStart && b < priorStart + priorBins ? PRIOR_WEIGHT / priorBins : 0;
    acc += (counts[b] ?? 0) + prior;
    cdf[b + 1] = Math.min(1, acc / denom);
  }
  return cdf;
}

export function answerTimeCdf(state: AnswerTimeState): AnswerTimeCdf {
  const answered = cdfOf(state.answered, state.answeredCount, state.binSec, 2, 20);
  const other = cdfOf(state.other, state.otherCount, state.binSec, 20, 26);
  let horizonBin = answered.length - 1;
  while (horizonBin > 0 && answered[horizonBin - 1]! >= 0.9995) horizonBin--;
  return { binSec: state.binSec, answered, other, horizonSec: horizonBin * state.binSec };
}

export function cdfAt(cdf: Float64Array, binSec: number, x: number): number {
  if (x <= 0) return 0;
  const pos = x / binSec;
  const last = cdf.length - 1;
  if (pos >= last) return 1;
  const i = Math.floor(pos);
  const f = pos - i;
  return cdf[i]! * (1 - f) + cdf[i + 1]! * f;
}

/** P(answered live within `withinSec` | still in progress at `ageSec`). */
export function answerWithin(c: AnswerTimeCdf, pAnswer: number, ageSec: number, withinSec: number): number {
  const fa = cdfAt(c.answered, c.binSec, ageSec);
  const aliveAnswered = pAnswer * (1 - fa);
  const alive = aliveAnswered + (1 - pAnswer) * (1 - cdfAt(c.other, c.binSec, ageSec));
  if (alive < 1e-12 || aliveAnswered <= 0) return 0;
  const p = (pAnswer * (cdfAt(c.answered, c.binSec, ageSec + withinSec) - fa)) / alive;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
