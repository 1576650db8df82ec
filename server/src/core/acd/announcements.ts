// Periodic position and estimated-wait announcements for waiting callers.
//
// Schedule: the first announcement once the caller has waited firstAfterMs in the queue, then one
// every everyMs after the previous one (the telephony role stores lastAnnouncedAt on the caller).
//
// EWT = position × AHT / staffed, where
//   position  1-based place among callers still waiting in the queue (this caller included),
//   AHT       mean handle time (talk + wrap-up) of the queue's last N answered calls,
//   staffed   members signed in and not paused (ready, ringing, on a call or in wrap-up).
// With every staffed agent busy, one agent frees up on average every AHT / staffed, and the caller
// at position p needs p of those. An agent staffed in several queues counts fully in each, so the
// estimate errs short; with nobody staffed (or no handle times yet) there is no estimate (null) and
// the caller hears only the position.
import type { AnnouncementPolicy, WaitingCaller } from './acd-types.ts';

export function announcementDue(policy: AnnouncementPolicy | null | undefined, caller: WaitingCaller, now: number): boolean {
  if (!policy || (!policy.position && !policy.estimatedWait)) return false;
  const last = caller.lastAnnouncedAt;
  if (last === undefined || last === null) return now - caller.queuedAt >= policy.firstAfterMs;
  return policy.everyMs > 0 && now - last >= policy.everyMs;
}

export function estimateWaitMs(position: number, staffed: number, ahtMs: number | undefined): number | null {
  if (staffed <= 0 || ahtMs === undefined || !(ahtMs > 0) || position <= 0) return null;
  return Math.round((position * ahtMs) / staffed);
}

/** The last `size` handle times of a queue: a bounded, immutable window. */
export interface HandleTimeWindow {
  size: number;
  samples: readonly number[];
}

export function emptyHandleTimes(size = 50): HandleTimeWindow {
  return { size, samples: [] };
}

export function recordHandleTime(w: HandleTimeWindow, ms: number): HandleTimeWindow {
  if (!(ms >= 0)) return w;
  const samples = w.samples.length >= w.size ? [...w.samples.slice(w.samples.length - w.size + 1), ms] : [...w.samples, ms];
  return { size: w.size, samples };
}

export function averageHandleTimeMs(w: HandleTimeWindow): number | undefined {
  if (!w.samples.length) return undefined;
  let sum = 0;
  for (const s of w.samples) sum += s;
  return sum / w.samples.length;
}
