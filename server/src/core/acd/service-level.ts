// Service-level accounting from terminal call records.
//
//   service level = answered within threshold / (answered + abandoned after threshold + overflowed)
//
// Callers who abandon within the threshold are left out of the denominator (they hung up before the
// centre could have met its target: the common "exclude short abandons" convention). Hang-ups in the
// IVR never reached a queue and are not counted at all. Wait is first queued → answered.
import type { CallRecord } from '../call/call-types.ts';

export interface ServiceLevelCounters {
  /** Calls that reached a queue. */
  offered: number;
  answered: number;
  answeredWithin: number;
  abandoned: number;
  abandonedWithin: number;
  overflowed: number;
  /** Sum of waits of answered calls, for average speed of answer. */
  answeredWaitMs: number;
  /** Sum of waits of abandoned calls, for average time to abandon. */
  abandonedWaitMs: number;
}

export function emptyServiceLevel(): ServiceLevelCounters {
  return { offered: 0, answered: 0, answeredWithin: 0, abandoned: 0, abandonedWithin: 0, overflowed: 0, answeredWaitMs: 0, abandonedWaitMs: 0 };
}

export function answeredWithinThreshold(waitMs: number, thresholdMs: number): boolean {
  return waitMs <= thresholdMs;
}

type Countable = Pick<CallRecord, 'outcome' | 'waitMs' | 'answeredAt' | 'abandonedIn' | 'queuedAt'>;

export function accountCall(c: ServiceLevelCounters, r: Countable, thresholdMs: number): ServiceLevelCounters {
  if (r.queuedAt === null) return c; // never reached a queue (IVR hang-up)
  const within = answeredWithinThreshold(r.waitMs, thresholdMs);
  const next = { ...c, offered: c.offered + 1 };
  if (r.answeredAt !== null) {
    return { ...next, answered: c.answered + 1, answeredWithin: c.answeredWithin + (within ? 1 : 0), answeredWaitMs: c.answeredWaitMs + r.waitMs };
  }
  if (r.outcome === 'abandoned') {
    return { ...next, abandoned: c.abandoned + 1, abandonedWithin: c.abandonedWithin + (within ? 1 : 0), abandonedWaitMs: c.abandonedWaitMs + r.waitMs };
  }
  if (r.outcome === 'overflowed') return { ...next, overflowed: c.overflowed + 1 };
  return next;
}

/** Fraction 0..1, or null when no call counts yet. */
export function serviceLevel(c: ServiceLevelCounters): number | null {
  const denominator = c.answered + (c.abandoned - c.abandonedWithin) + c.overflowed;
  return denominator === 0 ? null : c.answeredWithin / denominator;
}

export function abandonRate(c: ServiceLevelCounters): number | null {
  return c.offered === 0 ? null : c.abandoned / c.offered;
}

export function averageSpeedOfAnswerMs(c: ServiceLevelCounters): number | null {
  return c.answered === 0 ? null : c.answeredWaitMs / c.answered;
}
