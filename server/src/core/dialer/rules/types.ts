// The values the dialing rules work on. Times are epoch milliseconds passed in by the caller.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Outcome of one attempt, as the telephony layer classifies it (Q.850 cause 1 / SIP 404 → unallocated). */
export type AttemptOutcome = 'connected' | 'busy' | 'noAnswer' | 'failed' | 'abandoned' | 'machine' | 'unallocated';

export type RetryableOutcome = 'busy' | 'noAnswer' | 'failed' | 'abandoned' | 'machine';

/**
 * active: may be dialed when due. done: reached. invalid: number does not exist. unreachable: N
 * consecutive no-answers on different days. exhausted: out of attempts.
 */
export type RecordStatus = 'active' | 'done' | 'invalid' | 'unreachable' | 'exhausted';

export interface ScheduledCallback {
  readonly atMs: number;
  /** The agent who promised the callback, when it must go to them. */
  readonly agentId?: string;
}

export interface DialRecord {
  readonly phone: string;
  /** IANA name of the called party's time zone, e.g. "Europe/London". */
  readonly timeZone: string;
  readonly status: RecordStatus;
  readonly attempts: number;
  readonly attemptsByOutcome: Readonly<Partial<Record<RetryableOutcome, number>>>;
  /** Not to be dialed before this time; null when due now. */
  readonly nextAttemptAtMs: number | null;
  readonly lastAbandonedAtMs: number | null;
  /** Local dates (YYYY-MM-DD) of the current run of consecutive no-answers. */
  readonly noAnswerDays: readonly string[];
  readonly callback: ScheduledCallback | null;
}

export interface RetryRule {
  readonly delaySec: number;
  /** Attempts ending with this outcome after which the record is exhausted. */
  readonly maxAttempts: number;
}

export interface RetryRules {
  readonly perOutcome: Readonly<Record<RetryableOutcome, RetryRule>>;
  /** Attempts of any outcome after which the record is exhausted. */
  readonly maxAttempts: number;
  /** Consecutive no-answers on this many different local days mark the number unreachable. */
  readonly unreachableAfterNoAnswerDays: number;
  /** A number abandoned by the dialer is not redialed by it within this long (72 h). */
  readonly abandonedNoRedialSec: number;
}

/** Per weekday, local-time ranges "HH:MM"–"HH:MM" (end exclusive). A day with no entry allows no calls. */
export type CallingWindow = Readonly<Partial<Record<Weekday, readonly { readonly from: string; readonly to: string }[]>>>;

export interface DialContext {
  readonly nowMs: number;
  readonly globalDnc: ReadonlySet<string>;
  readonly campaignDnc: ReadonlySet<string>;
  readonly window: CallingWindow;
  readonly rules: RetryRules;
}

export type NotDialableReason =
  | 'invalid'
  | 'unreachable'
  | 'done'
  | 'exhausted'
  | 'dnc-global'
  | 'dnc-campaign'
  | 'abandoned-recently'
  | 'not-due'
  | 'outside-window'
  | 'unknown-time-zone';

export type Dialability = { readonly dialable: true } | { readonly dialable: false; readonly reason: NotDialableReason };

export const defaultRetryRules: RetryRules = {
  perOutcome: {
    busy: { delaySec: 15 * 60, maxAttempts: 5 },
    noAnswer: { delaySec: 2 * 3600, maxAttempts: 6 },
    failed: { delaySec: 30 * 60, maxAttempts: 3 },
    abandoned: { delaySec: 72 * 3600, maxAttempts: 2 },
    machine: { delaySec: 4 * 3600, maxAttempts: 3 },
  },
  maxAttempts: 10,
  unreachableAfterNoAnswerDays: 3,
  abandonedNoRedialSec: 72 * 3600,
};

export function newDialRecord(phone: string, timeZone: string): DialRecord {
  return { phone, timeZone, status: 'active', attempts: 0, attemptsByOutcome: {}, nextAttemptAtMs: null, lastAbandonedAtMs: null, noAnswerDays: [], callback: null };
}
