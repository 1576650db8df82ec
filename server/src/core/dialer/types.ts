// The values the telephony dialer hands to the pacer. Everything is relative to `now`, so the pacer
// never reads a clock and a snapshot can be replayed in a test or the benchmark.

export type DialerMode = 'preview' | 'progressive' | 'power' | 'predictive';

/**
 * What the campaign looks like at the moment of deciding. Agents who asked to log out after their
 * current call are left out entirely: they will not take another call, so they are no future supply.
 */
export interface PacingState {
  /** Agents logged in, ready and not reserved for a call. */
  readonly readyAgents: number;
  /** Seconds of talk elapsed, one entry per agent on a campaign call. */
  readonly talkElapsedSec: readonly number[];
  /** Seconds of wrap-up elapsed, one entry per agent in wrap-up. */
  readonly wrapElapsedSec: readonly number[];
  /** Seconds since originate, one entry per dial still ringing or in post-dial delay. */
  readonly dialAgesSec: readonly number[];
  /** Seconds since answer, one entry per live answer waiting for an agent (still inside grace). */
  readonly waitingAgesSec: readonly number[];
}

/** How a dial attempt ended, as far as pacing cares. `answered` means a live person who needs an agent. */
export type DialResolution = 'answered' | 'busy' | 'noAnswer' | 'failed' | 'machine';

/** How a live answer ended up. An AMD false positive is a person we hung up on: counted as abandoned. */
export type LiveAnswerOutcome = 'connected' | 'abandoned' | 'amdFalsePositive';

/**
 * What the learner knows, laid out on the pacer's time grid: step j stands for "within (j + 1) × stepSec
 * from now". Rows are shared between calls and must not be modified.
 */
export interface PacingEstimates {
  /** Current probability that a dial is answered live. */
  readonly pAnswer: number;
  /** 0 while data is thin, 1 once every distribution has enough observations. */
  readonly confidence: number;
  readonly stepSec: number;
  /** Grid length: live answers happen (almost) never later than steps × stepSec after originate. */
  readonly steps: number;
  /** P(answered live by step j), for a dial placed now. */
  readonly newAnswerBy: Float64Array;
  /** P(answered live by step j | still in progress at `ageSec`). */
  dialAnswerRow(ageSec: number): Float64Array;
  /** P(free — talk and wrap-up done — by step j + grace | in talk for `elapsedSec`). */
  talkFreeRow(elapsedSec: number): Float64Array;
  /** P(free by step j + grace | in wrap-up for `elapsedSec`). */
  wrapFreeRow(elapsedSec: number): Float64Array;
  /** Per-call abandon risk the pacer may accept now (set by the abandon-rate controller). */
  readonly riskThreshold: number;
  /** Live answers and abandons inside the campaign's rolling window. */
  readonly window: { readonly liveAnswers: number; readonly abandoned: number };
}

export interface PacingDecision {
  readonly dialNow: number;
  readonly reason: string;
}
