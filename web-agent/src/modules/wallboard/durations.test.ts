import { describe, expect, it } from 'vitest';
import { clock, pauseToday, since } from './durations.ts';

describe('wallboard timers', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65_400)).toBe('1:05');
    expect(clock(3_725_000)).toBe('1:02:05');
    expect(clock(-5)).toBe('0:00');
    expect(since('2026-11-27T01:00:00.000Z', Date.parse('2026-11-27T01:02:03.000Z'))).toBe('2:03');
    expect(since(null, 0)).toBe('—');
  });
  it('adds the running pause to today\'s ended ones, from the day start at most', () => {
    const dayStart = '2026-11-26T16:00:00.000Z';
    const now = Date.parse('2026-11-26T16:10:00.000Z');
    expect(pauseToday({ lunch: 60_000 }, { reason: 'lunch', since: '2026-11-26T15:50:00.000Z' }, dayStart, now)).toEqual([{ reason: 'lunch', ms: 660_000 }]);
    expect(pauseToday({ training: 5_000 }, null, dayStart, now)).toEqual([{ reason: 'training', ms: 5_000 }]);
  });
});
