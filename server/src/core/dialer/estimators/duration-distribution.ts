// Distribution of a duration (talk time, wrap-up time) learned from completed calls, with the calls still
// in progress treated as right-censored (Kaplan–Meier): early in a campaign only the short calls have
// finished, and ignoring the long ones still running would make agents look about to be free.
//
// Durations are binned. The hazard of each bin is shrunk toward the hazard of an exponential with the
// observed mean, so bins with few calls at risk (the far tail) stay smooth, and survival beyond the last
// bin continues at that exponential rate. The survival table is rebuilt only when asked, because the
// pacer reads it far more often than calls end.

export interface DurationState {
  readonly binSec: number;
  /** Completed durations per bin; the last bin collects everything at or beyond the range. */
  readonly counts: number[];
  completed: number;
  sumSec: number;
}

export interface DurationSurvival {
  readonly binSec: number;
  /** survival[b] = P(duration > b × binSec), b = 0..bins. */
  readonly survival: Float64Array;
  /** Hazard per second beyond the table. */
  readonly tailRate: number;
  readonly meanSec: number;
  readonly completed: number;
}

/** Pseudo-calls at risk that pull each bin's hazard toward the exponential one. */
const SHRINK_AT_RISK = 8;

export function emptyDuration(binSec: number, rangeSec: number): DurationState {
  return { binSec, counts: new Array<number>(Math.ceil(rangeSec / binSec) + 1).fill(0), completed: 0, sumSec: 0 };
}

export function observeDuration(state: DurationState, durationSec: number): void {
  const d = Math.max(0, durationSec);
  const bin = Math.min(state.counts.length - 1, Math.floor(d / state.binSec));
  state.counts[bin] = (state.counts[bin] ?? 0) + 1;
  state.completed += 1;
  state.sumSec += d;
}

/**
 * Builds the survival table. `censoredElapsedSec` are the elapsed times of the calls still in progress;
 * `priorMeanSec` is used while nothing has completed yet.
 */
export function survivalOf(state: DurationState, censoredElapsedSec: readonly number[], priorMeanSec: number): DurationSurvival {
  const bins = state.counts.length;
  const w = state.binSec;
  const censoredPerBin = new Float64Array(bins);
  let censoredSum = 0;
  for (const e of censoredElapsedSec) {
    censoredPerBin[Math.min(bins - 1, Math.floor(Math.max(0, e) / w))]! += 1;
    censoredSum += Math.max(0, e);
  }
  // Mean under an exponential fit with censoring: total exposure / completed events.
  const events = state.completed;
  const exposure = state.sumSec + censoredSum;
  const meanSec = events > 0 ? Math.max(w, exposure / events) : priorMeanSec;
  const rate = 1 / meanSec;
  const priorHazard = 1 - Math.exp(-rate * w);

  const survival = new Float64Array(bins + 1);
  survival[0] = 1;
  let atRisk = events + censoredElapsedSec.length;
  let s = 1;
  for (let b = 0; b < bins; b++) {
    const d = state.counts[b] ?? 0;
    // Calls censored inside this bin were at risk for about half of it.
    const c = censoredPerBin[b]!;
    const risk = atRisk - c / 2;
    const h = b === bins - 1 ? priorHazard : (d + SHRINK_AT_RISK * priorHazard) / (Math.max(0, risk) + SHRINK_AT_RISK);
    s *= 1 - Math.min(1, h);
    survival[b + 1] = s;
    atRisk -= d + c;
  }
  return { binSec: w, survival, tailRate: rate, meanSec, completed: events };
}

/** P(duration > x). */
export function survivalAt(s: DurationSurvival, x: number): number {
  if (x <= 0) return 1;
  const pos = x / s.binSec;
  const last = s.survival.length - 1;
  if (pos >= last) return s.survival[last]! * Math.exp(-s.tailRate * (x - last * s.binSec));
  const i = Math.floor(pos);
  const f = pos - i;
  return s.survival[i]! * (1 - f) + s.survival[i + 1]! * f;
}

/** P(duration ≤ elapsed + within | duration > elapsed). */
export function endsWithin(s: DurationSurvival, elapsedSec: number, withinSec: number): number {
  if (withinSec <= 0) return 0;
  const alive = survivalAt(s, elapsedSec);
  if (alive < 1e-12) return 1;
  const q = 1 - survivalAt(s, elapsedSec + withinSec) / alive;
  return q < 0 ? 0 : q > 1 ? 1 : q;
}
