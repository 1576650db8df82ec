// Probability that a dial is answered live, learned from the campaign's own dials.
//
// Two exponentially-forgetting counts run side by side: a slow one (low noise) that is used, and a fast
// one that watches for a change of list or time of day. When they disagree by more than a few standard
// errors the slow one is reset to the fast one, so a jump in the answer rate is followed within a few
// hundred dials instead of a few thousand. A Beta prior shrinks the estimate while counts are small.

export interface AnswerRateState {
  slowAnswers: number;
  slowDials: number;
  fastAnswers: number;
  fastDials: number;
  /** Undecayed count of dials observed, for warm-up. */
  totalDials: number;
}

export interface AnswerRatePrior {
  readonly mean: number;
  /** Weight of the prior in pseudo-dials. */
  readonly strength: number;
}

export const defaultAnswerRatePrior: AnswerRatePrior = { mean: 0.25, strength: 20 };

const SLOW_MEMORY_DIALS = 3000;
const FAST_MEMORY_DIALS = 250;
const CHANGE_Z = 3.5;

export function emptyAnswerRate(): AnswerRateState {
  return { slowAnswers: 0, slowDials: 0, fastAnswers: 0, fastDials: 0, totalDials: 0 };
}

export function observeDial(state: AnswerRateState, answered: boolean): void {
  const a = answered ? 1 : 0;
  state.slowAnswers = state.slowAnswers * (1 - 1 / SLOW_MEMORY_DIALS) + a;
  state.slowDials = state.slowDials * (1 - 1 / SLOW_MEMORY_DIALS) + 1;
  state.fastAnswers = state.fastAnswers * (1 - 1 / FAST_MEMORY_DIALS) + a;
  state.fastDials = state.fastDials * (1 - 1 / FAST_MEMORY_DIALS) + 1;
  state.totalDials += 1;
  if (state.fastDials < FAST_MEMORY_DIALS / 2) return;
  const fast = state.fastAnswers / state.fastDials;
  const slow = state.slowAnswers / state.slowDials;
  const se = Math.sqrt(Math.max(fast * (1 - fast), 0.01) / state.fastDials);
  if (Math.abs(fast - slow) > CHANGE_Z * se) {
    state.slowAnswers = state.fastAnswers;
    state.slowDials = state.fastDials;
  }
}

export function estimateAnswerRate(state: AnswerRateState, prior: AnswerRatePrior = defaultAnswerRatePrior): number {
  return (state.slowAnswers + prior.mean * prior.strength) / (state.slowDials + prior.strength);
}
