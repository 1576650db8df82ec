import { describe, expect, it } from 'vitest';
import { filterQuery } from './api.ts';
import { clock, pausedRects, seekSeconds } from './waveform.ts';

describe('waveform geometry', () => {
  it('maps a click to seconds, clamped to the recording', () => {
    expect(seekSeconds(150, 600, 60)).toBe(15);
    expect(seekSeconds(-5, 600, 60)).toBe(0);
    expect(seekSeconds(700, 600, 60)).toBe(60);
    expect(seekSeconds(10, 0, 60)).toBe(0);
    expect(seekSeconds(10, 600, Number.NaN)).toBe(0);
  });

  it('shades paused spans; one still open runs to the end', () => {
    const p = (from: number, to: number | null) => ({ pausedAt: '', pauseOffsetMs: from, pausedBy: null, resumedAt: null, resumeOffsetMs: to, resumedBy: null });
    expect(pausedRects([p(1000, 3000), p(8000, null)], 10_000, 500)).toEqual([
      { x: 50, w: 100 },
      { x: 400, w: 100 },
    ]);
    expect(pausedRects([p(1000, 3000)], 0, 500)).toEqual([]);
  });

  it('formats a clock and a query of set filters only', () => {
    expect(clock(65)).toBe('1:05');
    expect(clock(3725)).toBe('1:02:05');
    expect(filterQuery({ agentId: 'a', queueId: '', minDurationSec: 0, customer: undefined })).toBe('agentId=a&minDurationSec=0');
  });
});
