import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  it('doubles from the initial delay, between half and all of the ceiling', () => {
    expect(backoffDelay(1, {}, () => 0)).toBe(125);
    expect(backoffDelay(1, {}, () => 1)).toBe(250);
    expect(backoffDelay(3, {}, () => 1)).toBe(1000);
  });
  it('is capped', () => {
    expect(backoffDelay(50, { maxMs: 5000 }, () => 1)).toBe(5000);
    expect(backoffDelay(50, { maxMs: 5000 }, () => 0)).toBe(2500);
  });
  it('never retries instantly', () => {
    for (let a = 1; a < 20; a++) expect(backoffDelay(a)).toBeGreaterThan(0);
  });
});
