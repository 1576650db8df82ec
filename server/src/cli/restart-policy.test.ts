import { describe, expect, it } from 'vitest';
import { HEALTHY_RUN_MS, nextConsecutiveCrashes, restartDelayMs } from './restart-policy.ts';

describe('restart backoff', () => {
  it('doubles from 1 s and stays at 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(restartDelayMs)).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it('counts crashes in a row, and a minute of healthy running starts over', () => {
    expect(nextConsecutiveCrashes(0, 500)).toBe(1);
    expect(nextConsecutiveCrashes(3, 5_000)).toBe(4);
    expect(nextConsecutiveCrashes(7, HEALTHY_RUN_MS)).toBe(1);
  });
});
