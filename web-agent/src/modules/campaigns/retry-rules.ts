// Retry rules: the form (minutes/hours, per outcome) ↔ the core rules JSON (seconds), the shape
// server/src/core/dialer/rules/types.ts defines as RetryRules.
import type { RetryRulesJson } from './types.ts';

export const RETRY_OUTCOMES = ['busy', 'noAnswer', 'failed', 'abandoned', 'machine'] as const;
export type RetryOutcome = (typeof RETRY_OUTCOMES)[number];

/** The form edits delays in minutes: supervisors think "retry busy after 15 minutes", not 900 s. */
export interface RetryRulesForm {
  perOutcome: Record<RetryOutcome, { delayMin: number; maxAttempts: number }>;
  maxAttempts: number;
  unreachableAfterNoAnswerDays: number;
  /** Fixed by the rules at 72 h; shown, kept, never lowered below it. */
  abandonedNoRedialHours: number;
}

const ABANDON_NO_REDIAL_SEC = 72 * 3600;

/** Mirrors the core's defaultRetryRules (values copied, not imported: the console never bundles server code). */
export const DEFAULT_RETRY_RULES: RetryRulesJson = {
  perOutcome: {
    busy: { delaySec: 15 * 60, maxAttempts: 5 },
    noAnswer: { delaySec: 2 * 3600, maxAttempts: 6 },
    failed: { delaySec: 30 * 60, maxAttempts: 3 },
    abandoned: { delaySec: 72 * 3600, maxAttempts: 2 },
    machine: { delaySec: 4 * 3600, maxAttempts: 3 },
  },
  maxAttempts: 10,
  unreachableAfterNoAnswerDays: 3,
  abandonedNoRedialSec: ABANDON_NO_REDIAL_SEC,
};

const nonNegativeInt = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : fallback);

export function retryFormFromJson(json: Partial<RetryRulesJson> | null | undefined): RetryRulesForm {
  const base = DEFAULT_RETRY_RULES;
  const perOutcome = {} as RetryRulesForm['perOutcome'];
  for (const o of RETRY_OUTCOMES) {
    const given = json?.perOutcome?.[o];
    const fallback = base.perOutcome[o]!;
    perOutcome[o] = {
      delayMin: Math.round(nonNegativeInt(given?.delaySec, fallback.delaySec) / 60),
      maxAttempts: nonNegativeInt(given?.maxAttempts, fallback.maxAttempts),
    };
  }
  return {
    perOutcome,
    maxAttempts: nonNegativeInt(json?.maxAttempts, base.maxAttempts),
    unreachableAfterNoAnswerDays: nonNegativeInt(json?.unreachableAfterNoAnswerDays, base.unreachableAfterNoAnswerDays),
    abandonedNoRedialHours: Math.round(nonNegativeInt(json?.abandonedNoRedialSec, base.abandonedNoRedialSec) / 3600),
  };
}

export function retryFormToJson(form: RetryRulesForm): RetryRulesJson {
  const perOutcome: RetryRulesJson['perOutcome'] = {};
  for (const o of RETRY_OUTCOMES) {
    const r = form.perOutcome[o];
    let delaySec = Math.max(0, Math.round(r.delayMin * 60));
    // An abandoned number must not be redialed by the dialer within 72 h, whatever the form says.
    if (o === 'abandoned') delaySec = Math.max(delaySec, ABANDON_NO_REDIAL_SEC);
    perOutcome[o] = { delaySec, maxAttempts: Math.max(1, Math.round(r.maxAttempts)) };
  }
  return {
    perOutcome,
    maxAttempts: Math.max(1, Math.round(form.maxAttempts)),
    unreachableAfterNoAnswerDays: Math.max(1, Math.round(form.unreachableAfterNoAnswerDays)),
    abandonedNoRedialSec: Math.max(ABANDON_NO_REDIAL_SEC, Math.round(form.abandonedNoRedialHours * 3600)),
  };
}
