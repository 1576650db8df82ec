// Turns the realised abandon rate into the per-call risk the pacer may accept.
//
// The pacer dials while the predicted abandon probability of one more call stays under a threshold θ.
// Which θ gives a 3 % rate depends on team size, answer rate and handle time (it is a Lagrange multiplier,
// not the target itself), so it is found by feedback on the abandon budget of the rolling window:
//
//   budget B = target × live answers − abandoned        (abandons still allowed in the window)
//   log θ   = log θref + gain × clamp(B − reserve)       proportional on B = integral on the rate error
//   θref   += slow drift toward the θ in use while B sits away from the reserve (removes the offset)
//
// Keeping B at a positive reserve rather than at zero is what makes the target hold over the whole window
// for every run, not only on average: a late burst of abandons spends the reserve, not the allowance.

export interface AbandonControlState {
  logThetaRef: number;
}

export interface AbandonControlTuning {
  /** Starting θref as a multiple of the target. */
  readonly initialRatio: number;
  /** Change of log θ per abandon of budget. */
  readonly gain: number;
  /** Drift of log θref per settled live answer, per abandon of budget error. */
  readonly drift: number;
  readonly minTheta: number;
  readonly maxTheta: number;
}

export const defaultControlTuning: AbandonControlTuning = { initialRatio: 1, gain: 0.4, drift: 0.003, minTheta: 0.002, maxTheta: 0.3 };

export function initialControl(target: number, tuning: AbandonControlTuning = defaultControlTuning): AbandonControlState {
  return { logThetaRef: Math.log(tuning.initialRatio * target) };
}

function budgetError(target: number, reserve: number, live: number, abandoned: number): number {
  return target * live - abandoned - reserve;
}

export function riskThreshold(
  state: AbandonControlState,
  target: number,
  reserve: number,
  counts: { liveAnswers: number; abandoned: number },
  tuning: AbandonControlTuning = defaultControlTuning,
): number {
  const e = budgetError(target, reserve, counts.liveAnswers, counts.abandoned);
  // A large unspent budget (a quiet night in a 30-day window) must not turn into a burst of abandons.
  const lift = Math.min(Math.log(tuning.maxTheta / target), Math.max(-6, tuning.gain * e));
  const theta = Math.exp(state.logThetaRef + lift);
  return Math.min(tuning.maxTheta, Math.max(tuning.minTheta, theta));
}

/** Call once per settled live answer, after it has been recorded in the window. */
export function updateControl(
  state: AbandonControlState,
  target: number,
  reserve: number,
  counts: { liveAnswers: number; abandoned: number },
  tuning: AbandonControlTuning = defaultControlTuning,
): void {
  const e = budgetError(target, reserve, counts.liveAnswers, counts.abandoned);
  const next = state.logThetaRef + tuning.drift * Math.max(-20, Math.min(20, e));
  state.logThetaRef = Math.min(Math.log(tuning.maxTheta), Math.max(Math.log(tuning.minTheta), next));
}
