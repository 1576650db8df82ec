// Live answers and abandons over the campaign's rolling window (24 h UK-style, 30 days US-style).
// Counts are kept in time buckets of window/MAX_BUCKETS, so memory stays bounded for a 30-day window;
// a bucket leaves the window as a whole once its end is older than the window.

export interface AbandonWindowState {
  readonly windowSec: number;
  readonly bucketSec: number;
  /** Oldest first. `startSec` is the bucket's start on the caller's clock (seconds). */
  buckets: { startSec: number; live: number; abandoned: number }[];
}

const MAX_BUCKETS = 288;

export function emptyAbandonWindow(windowSec: number): AbandonWindowState {
  return { windowSec, bucketSec: windowSec / MAX_BUCKETS, buckets: [] };
}

function prune(state: AbandonWindowState, nowSec: number): void {
  const from = nowSec - state.windowSec;
  let drop = 0;
  while (drop < state.buckets.length && state.buckets[drop]!.startSec + state.bucketSec <= from) drop++;
  if (drop > 0) state.buckets.splice(0, drop);
}

export function recordLiveAnswer(state: AbandonWindowState, nowSec: number, abandoned: boolean): void {
  prune(state, nowSec);
  const start = Math.floor(nowSec / state.bucketSec) * state.bucketSec;
  let last = state.buckets[state.buckets.length - 1];
  if (!last || last.startSec !== start) {
    last = { startSec: start, live: 0, abandoned: 0 };
    state.buckets.push(last);
  }
  last.live += 1;
  if (abandoned) last.abandoned += 1;
}

export function windowCounts(state: AbandonWindowState, nowSec: number): { liveAnswers: number; abandoned: number } {
  prune(state, nowSec);
  let liveAnswers = 0;
  let abandoned = 0;
  for (const b of state.buckets) {
    liveAnswers += b.live;
    abandoned += b.abandoned;
  }
  return { liveAnswers, abandoned };
}
