// Translation between a campaign_records row and the core's DialRecord. The table keeps a richer status
// than the core (pending/scheduled/callback tell the console why a record is waiting; dialing marks a
// claim), so the mapping lives in one place and both directions are unit-tested.
import type { AttemptOutcome as CoreOutcome, CallingWindow, DialRecord, RecordStatus, RetryRules, Weekday } from '../../core/dialer/rules/index.ts';
import { defaultRetryRules } from '../../core/dialer/rules/index.ts';
import type { CampaignAttemptOutcome, CampaignCallingWindows, CampaignRecordStatus } from '../../db/schema/campaigns.ts';

export interface RecordRow {
  phoneE164: string;
  timezone: string;
  status: CampaignRecordStatus;
  attempts: number;
  attemptsByOutcome: DialRecord['attemptsByOutcome'];
  noAnswerDays: string[];
  nextAttemptAt: Date | null;
  callbackAt: Date | null;
  callbackAgentId: string | null;
  abandonedAt: Date | null;
}

const toCoreStatus: Record<CampaignRecordStatus, RecordStatus> = {
  pending: 'active',
  scheduled: 'active',
  callback: 'active',
  dialing: 'active',
  done: 'done',
  invalid: 'invalid',
  unreachable: 'unreachable',
  // A DNC record is refused before the core is asked; 'done' keeps the core from dialing it either way.
  dnc: 'done',
  max_attempts: 'exhausted',
};

export function toDialRecord(row: RecordRow): DialRecord {
  return {
    phone: row.phoneE164,
    timeZone: row.timezone,
    status: toCoreStatus[row.status],
    attempts: row.attempts,
    attemptsByOutcome: row.attemptsByOutcome ?? {},
    nextAttemptAtMs: row.nextAttemptAt ? row.nextAttemptAt.getTime() : null,
    lastAbandonedAtMs: row.abandonedAt ? row.abandonedAt.getTime() : null,
    noAnswerDays: row.noAnswerDays ?? [],
    callback: row.callbackAt ? { atMs: row.callbackAt.getTime(), ...(row.callbackAgentId ? { agentId: row.callbackAgentId } : {}) } : null,
  };
}

/** The columns a core record decides, as they are written back. */
export function fromDialRecord(r: DialRecord): Omit<RecordRow, 'phoneE164' | 'timezone'> {
  let status: CampaignRecordStatus;
  if (r.status === 'invalid' || r.status === 'unreachable') status = r.status;
  else if (r.callback) status = 'callback';
  else if (r.status === 'done') status = 'done';
  else if (r.status === 'exhausted') status = 'max_attempts';
  else status = r.attempts > 0 ? 'scheduled' : 'pending';
  return {
    status,
    attempts: r.attempts,
    attemptsByOutcome: r.attemptsByOutcome,
    noAnswerDays: [...r.noAnswerDays],
    nextAttemptAt: r.nextAttemptAtMs === null ? null : new Date(r.nextAttemptAtMs),
    callbackAt: r.callback ? new Date(r.callback.atMs) : null,
    callbackAgentId: r.callback?.agentId ?? null,
    abandonedAt: r.lastAbandonedAtMs === null ? null : new Date(r.lastAbandonedAtMs),
  };
}

/** The status a claimed record returns to when its claim is given back unused. */
export function statusBeforeClaim(row: { callbackAt: Date | null; attempts: number }): CampaignRecordStatus {
  if (row.callbackAt) return 'callback';
  return row.attempts > 0 ? 'scheduled' : 'pending';
}

/** Contract outcomes → core outcomes: a live answer is "connected"; congestion is a failed attempt. */
export function toCoreOutcome(o: CampaignAttemptOutcome): CoreOutcome {
  if (o === 'answered') return 'connected';
  if (o === 'congestion') return 'failed';
  return o;
}

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Stored windows are keyed "0"–"6" with 0 = Sunday; the core keys them by weekday name. */
export function toCallingWindow(w: CampaignCallingWindows | null | undefined): CallingWindow {
  const out: Partial<Record<Weekday, { from: string; to: string }[]>> = {};
  for (const [key, ranges] of Object.entries(w ?? {})) {
    const day = WEEKDAYS[Number(key)];
    if (day && Array.isArray(ranges)) out[day] = ranges;
  }
  return out;
}

/** Campaign retry rules: the stored core rules (or the core defaults) with the campaign's unreachable count. */
export function campaignRetryRules(stored: RetryRules | null | undefined, unreachableAfterNoAnswers: number): RetryRules {
  const base = stored ?? defaultRetryRules;
  return { ...base, perOutcome: { ...defaultRetryRules.perOutcome, ...base.perOutcome }, unreachableAfterNoAnswerDays: unreachableAfterNoAnswers };
}

/** Every day 09:00–21:00: the default for a new campaign (a day with no range allows no calls). */
export const DEFAULT_CALLING_WINDOWS: CampaignCallingWindows = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [{ from: '09:00', to: '21:00' }]]));
