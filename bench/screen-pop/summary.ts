// Pure figures from the pages' window.__ringsideTimings: every offer a page painted (pops) and every time
// its softphone started ringing (rings, tagged with the call offered just before).
import { percentile } from '../lib/report.ts';

export interface PageTimings {
  pops: { callId: string; offeredAt: string; receivedAt: number; renderedAt: number }[];
  rings: { callId: string | null; at: number; inviteAt: number }[];
}

export interface ScreenPopFigures {
  offers: number;
  /** Offers whose ring was seen on the same page (an offer withdrawn before the INVITE has none). */
  rung: number;
  popBeforeRingPct: number;
  /** Pops painted before the SIP INVITE reached the page (the console holds the ring for the pop). */
  popBeforeInvitePct: number;
  popP50Ms: number;
  popP95Ms: number;
  popMaxMs: number;
  marginP50Ms: number;
  marginP5Ms: number;
  ringsWithoutPop: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function summarise(pages: readonly PageTimings[]): ScreenPopFigures {
  const popMs: number[] = [];
  const margins: number[] = [];
  let before = 0;
  let beforeInvite = 0;
  let ringsWithoutPop = 0;
  for (const page of pages) {
    const ringsByCall = new Map<string, { at: number; inviteAt: number }>();
    for (const r of page.rings) {
      if (r.callId === null) ringsWithoutPop++;
      else if (!ringsByCall.has(r.callId)) ringsByCall.set(r.callId, r);
    }
    for (const pop of page.pops) {
      popMs.push(pop.renderedAt - Date.parse(pop.offeredAt));
      const ring = ringsByCall.get(pop.callId);
      if (ring === undefined) continue;
      margins.push(ring.at - pop.renderedAt);
      // The console shows the ring from the pop's own callback, so equal timestamps (the browser's timer
      // resolution) are still pop-then-ring; the raw INVITE race below stays strict.
      if (pop.renderedAt <= ring.at) before++;
      if (pop.renderedAt < ring.inviteAt) beforeInvite++;
    }
    const popped = new Set(page.pops.map((p) => p.callId));
    for (const id of ringsByCall.keys()) if (!popped.has(id)) ringsWithoutPop++;
  }
  const sortedPop = [...popMs].sort((a, b) => a - b);
  const sortedMargin = [...margins].sort((a, b) => a - b);
  return {
    offers: popMs.length,
    rung: margins.length,
    popBeforeRingPct: margins.length ? round((100 * before) / (margins.length + ringsWithoutPop)) : 0,
    popBeforeInvitePct: margins.length ? round((100 * beforeInvite) / (margins.length + ringsWithoutPop)) : 0,
    popP50Ms: round(percentile(sortedPop, 50)),
    popP95Ms: round(percentile(sortedPop, 95)),
    popMaxMs: round(sortedPop.at(-1) ?? NaN),
    marginP50Ms: round(percentile(sortedMargin, 50)),
    marginP5Ms: round(percentile(sortedMargin, 5)),
    ringsWithoutPop,
  };
}
