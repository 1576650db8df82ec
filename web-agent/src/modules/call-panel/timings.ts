// Pop-before-ring measurements, exposed on window.__ringsideTimings for the e2e test and the screen-pop
// benchmark (harmless in production: a bounded list of numbers). Wall-clock milliseconds with sub-ms
// resolution (timeOrigin + performance.now()), comparable with the server's offeredAt on one machine.

export interface PopTiming {
  callId: string;
  /** Server time of the offer (ISO). */
  offeredAt: string;
  /** When the 'call:offer' event reached the page. */
  receivedAt: number;
  /** When the pop was painted (after nextTick and a frame). */
  renderedAt: number;
}

export interface RingTiming {
  /** The call offered just before the INVITE (null when none was pending). */
  callId: string | null;
  at: number;
}

export interface RingsideTimings {
  pops: PopTiming[];
  rings: RingTiming[];
}

const MAX_ENTRIES = 2000;

declare global {
  interface Window {
    __ringsideTimings?: RingsideTimings;
  }
}

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function timings(): RingsideTimings {
  if (typeof window === 'undefined') return { pops: [], rings: [] };
  window.__ringsideTimings ??= { pops: [], rings: [] };
  return window.__ringsideTimings;
}

function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES);
}

export function recordPop(entry: PopTiming): void {
  push(timings().pops, entry);
}

export function recordRing(callId: string | null): void {
  push(timings().rings, { callId, at: nowMs() });
}

/** Resolves after Vue has patched the DOM and the browser has produced the next frame. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
