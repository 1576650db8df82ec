import { describe, expect, it } from 'vitest';
import { summarise } from './summary.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('screen-pop summary', () => {
  it('measures offer→pop and counts pops painted before the ring of the same call, per page', () => {
    const t0 = Date.parse('2026-01-01T00:00:00.000Z');
    const figures = summarise([
      {
        pops: [
          { callId: 'a', offeredAt: iso(t0), receivedAt: t0 + 10, renderedAt: t0 + 40 },
          { callId: 'b', offeredAt: iso(t0 + 1000), receivedAt: t0 + 1010, renderedAt: t0 + 1100 },
        ],
        rings: [
          { callId: 'a', at: t0 + 300, inviteAt: t0 + 30 },
          { callId: 'b', at: t0 + 1050, inviteAt: t0 + 1050 }, // rang before the pop was painted
        ],
      },
      { pops: [{ callId: 'c', offeredAt: iso(t0), receivedAt: t0 + 5, renderedAt: t0 + 20 }], rings: [{ callId: null, at: t0 + 500, inviteAt: t0 + 500 }] },
    ]);
    expect(figures).toMatchObject({ offers: 3, rung: 2, ringsWithoutPop: 1, popP50Ms: 40, popMaxMs: 100 });
    // 1 of 3 rings (a) came after its pop; b rang first; one ring had no pop at all.
    expect(figures.popBeforeRingPct).toBeCloseTo(33.3, 1);
    expect(figures.marginP5Ms).toBe(-50);
    // a's INVITE arrived (30 ms) before its pop was painted (40 ms): held for the pop, not before the INVITE.
    expect(figures.popBeforeInvitePct).toBe(0);
  });
});
