// What happens to a record after an attempt: when it may be tried again, or why it never will be.
//
//   connected    → done
//   unallocated  → invalid at once (Q.850 cause 1 / SIP 404: the number does not exist)
//   noAnswer     → retry after its delay; N consecutive no-answers on different local days → unreachable
//   busy, failed, machine → retry after the outcome's delay
//   abandoned    → retry no sooner than 72 h (the dialer must not call back someone it hung up on)
// Any outcome exhausts the record once its per-outcome or overall attempt limit is reached.
import { localClock } from './local-time.ts';
import type { AttemptOutcome, DialRecord, RetryRules, ScheduledCallback } from './types.ts';

/** Originate timeout: calls ring at least 15 s before the dialer gives up, whatever is configured. */
export const MIN_RING_SEC = 15;

export function ringTimeoutSec(configuredSec: number): number {
  return Math.max(MIN_RING_SEC, configuredSec);
}

export function nextAttempt(outcome: AttemptOutcome, record: DialRecord, rules: RetryRules, nowMs: number): DialRecord {
  const attempts = record.attempts + 1;
  // An attempt made for a due callback uses it up; if it fails, ordinary retries take over.
  const callback = record.callback && nowMs >= record.callback.atMs ? null : record.callback;
  const base = { ...record, attempts, callback };
  switch (outcome) {
    case 'connected':
      return { ...base, status: 'done', nextAttemptAtMs: null, noAnswerDays: [] };
    case 'unallocated':
      return { ...base, status: 'invalid', nextAttemptAtMs: null };
    case 'noAnswer': {
      const day = localClock(nowMs, record.timeZone)?.date ?? new Date(nowMs).toISOString().slice(0, 10);
      const noAnswerDays = record.noAnswerDays.includes(day) ? record.noAnswerDays : [...record.noAnswerDays, day];
      const next = retry(outcome, { ...base, noAnswerDays }, rules, nowMs);
      return noAnswerDays.length >= rules.unreachableAfterNoAnswerDays ? { ...next, status: 'unreachable', nextAttemptAtMs: null } : next;
    }
    case 'abandoned': {
      const next = retry(outcome, { ...base, noAnswerDays: [], lastAbandonedAtMs: nowMs }, rules, nowMs);
      const earliest = nowMs + rules.abandonedNoRedialSec * 1000;
      return next.nextAttemptAtMs !== null && next.nextAttemptAtMs < earliest ? { ...next, nextAttemptAtMs: earliest } : next;
    }
    case 'busy':
    case 'failed':
    case 'machine':
      return retry(outcome, { ...base, noAnswerDays: [] }, rules, nowMs);
  }
}

function retry(outcome: 'busy' | 'noAnswer' | 'failed' | 'abandoned' | 'machine', record: DialRecord, rules: RetryRules, nowMs: number): DialRecord {
  const rule = rules.perOutcome[outcome];
  const ofThisKind = (record.attemptsByOutcome[outcome] ?? 0) + 1;
  const attemptsByOutcome = { ...record.attemptsByOutcome, [outcome]: ofThisKind };
  const exhausted = ofThisKind >= rule.maxAttempts || record.attempts >= rules.maxAttempts;
  if (exhausted) return { ...record, attemptsByOutcome, status: 'exhausted', nextAttemptAtMs: null };
  return { ...record, attemptsByOutcome, status: 'active', nextAttemptAtMs: nowMs + rule.delaySec * 1000 };
}

/** Books a callback; it is dialed when due even if the record was done or out of attempts. */
export function scheduleCallback(record: DialRecord, callback: ScheduledCallback): DialRecord {
  if (record.status === 'invalid' || record.status === 'unreachable') return record;
  return { ...record, callback };
}
