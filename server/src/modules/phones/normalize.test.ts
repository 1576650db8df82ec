import { describe, expect, it } from 'vitest';
import { lookupKey, normalizePhone } from './normalize.ts';

describe('normalizePhone', () => {
  it.each([
    ['+86 138-0013-8000', '+8613800138000', 'mobile'],
    ['13800138000', '+8613800138000', 'mobile'],
    ['0086 138 0013 8000', '+8613800138000', 'mobile'],
    ['010-6552 9988', '+861065529988', 'work'],
    ['(010) 65529988', '+861065529988', 'work'],
    ['+44 20 7946 0958', '+442079460958', 'work'],
  ])('normalises %s to %s', (input, e164, kind) => {
    expect(normalizePhone(input, 'CN')).toMatchObject({ e164, kind });
  });

  it('uses the default region for national numbers', () => {
    expect(normalizePhone('020 7946 0958', 'GB')?.e164).toBe('+442079460958');
  });

  it.each(['', 'abc', '12', 'call me'])('rejects %j', (input) => {
    expect(normalizePhone(input, 'CN')).toBeUndefined();
  });

  it('falls back to digits for lookup keys that do not parse', () => {
    expect(lookupKey('8001', 'CN')).toBe('8001');
    expect(lookupKey('138 0013 8000', 'CN')).toBe('+8613800138000');
  });
});
