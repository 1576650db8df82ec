import { describe, expect, it } from 'vitest';
import { parseRange } from './range.ts';

describe('parseRange', () => {
  it('reads a closed, an open and a suffix range', () => {
    expect(parseRange('bytes=0-1023', 5000)).toEqual({ start: 0, end: 1023 });
    expect(parseRange('bytes=4000-', 5000)).toEqual({ start: 4000, end: 4999 });
    expect(parseRange('bytes=-500', 5000)).toEqual({ start: 4500, end: 4999 });
  });
  it('clamps an end past the file and rejects a start past it', () => {
    expect(parseRange('bytes=10-99999', 100)).toEqual({ start: 10, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
  });
  it('serves the whole file for no header, several ranges or another unit', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
  });
});
