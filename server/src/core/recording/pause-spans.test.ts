import { describe, expect, it } from 'vitest';
import { silenceInserts } from './pause-spans.ts';

describe('silenceInserts', () => {
  it('puts one pause back at its offset', () => {
    expect(silenceInserts([{ pauseOffsetMs: 1500, resumeOffsetMs: 3500 }], 3000)).toEqual([{ atMs: 1500, lengthMs: 2000 }]);
  });
  it('shifts later pauses by the paused time before them (the file lacks it)', () => {
    const spans = [
      { pauseOffsetMs: 5000, resumeOffsetMs: 6000 },
      { pauseOffsetMs: 1000, resumeOffsetMs: 3000 },
    ];
    expect(silenceInserts(spans, 7000)).toEqual([
      { atMs: 1000, lengthMs: 2000 },
      { atMs: 3000, lengthMs: 1000 },
    ]);
  });
  it('merges overlapping and touching spans', () => {
    const spans = [
      { pauseOffsetMs: 1000, resumeOffsetMs: 2000 },
      { pauseOffsetMs: 1500, resumeOffsetMs: 2500 },
      { pauseOffsetMs: 2500, resumeOffsetMs: 3000 },
    ];
    expect(silenceInserts(spans, 5000)).toEqual([{ atMs: 1000, lengthMs: 2000 }]);
  });
  it('ignores empty or inverted spans and clamps to the file', () => {
    expect(silenceInserts([{ pauseOffsetMs: 800, resumeOffsetMs: 800 }, { pauseOffsetMs: 900, resumeOffsetMs: 100 }], 1000)).toEqual([]);
    // Ended while paused: the span runs to the end; the cut file is slightly shorter than the offset.
    expect(silenceInserts([{ pauseOffsetMs: 4040, resumeOffsetMs: 6000 }], 4000)).toEqual([{ atMs: 4000, lengthMs: 1960 }]);
    expect(silenceInserts([{ pauseOffsetMs: -20, resumeOffsetMs: 500 }], 4000)).toEqual([{ atMs: 0, lengthMs: 500 }]);
  });
});
