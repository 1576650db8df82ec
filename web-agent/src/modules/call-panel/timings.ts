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
  /** When the softphone reported ringing to the agent (after the pop; see stores/softphone.ts). */
  at: number;
  /** When the SIP INVITE reached the page (raw, before any sequencing). */
  inviteAt: number;
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

const popWaiters = new Set<(callId: string) => void>();

export function recordPop(entry: PopTiming): void {
  push(timings().pops, entry);
  for (const w of popWaiters) w(entry.callId);
}

export function recordRing(callId: string | null, inviteAt: number): void {
  push(timings().rings, { callId, at: nowMs(), inviteAt });
}

/** Whether the pop of this call has been painted already. */
export function popPainted(callId: string): boolean {
  return timings().pops.some((p) => p.callId === callId);
}

/**
 * Resolves with the call id of the next pop painted that `accept`s, or null after `timeoutMs`.
 * The softphone waits on this so the agent's phone never rings before the screen pop is up.
 */
export function nextPop(accept: (callId: string) => boolean, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const waiter = (callId: string) => {
      if (!accept(callId)) return;
      done(callId);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    function done(result: string | null): void {
      clearTimeout(timer);
      popWaiters.delete(waiter);
      resolve(result);
    }
    popWaiters.add(waiter);
  });
}

/** Resolves after Vue has patched the DOM and the browser has produced the next frame. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
