// When the supervisor restarts a server that exited on its own. Pure, so the backoff is unit-tested.

export const RESTART_BASE_MS = 1000;
export const RESTART_MAX_MS = 10_000;
/** A run this long was healthy: the next crash starts the backoff from the beginning again. */
export const HEALTHY_RUN_MS = 60_000;

/** 1 s, 2 s, 4 s, 8 s, then 10 s for every further crash in a row. */
export function restartDelayMs(consecutiveCrashes: number): number {
  const exponent = Math.max(0, consecutiveCrashes - 1);
  return Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** Math.min(exponent, 16));
}

/** The crash count the next delay is computed from, given how long the run that just ended lasted. */
export function nextConsecutiveCrashes(previous: number, runMs: number): number {
  return runMs >= HEALTHY_RUN_MS ? 1 : previous + 1;
}
