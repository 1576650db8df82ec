import { describe, expect, it } from 'vitest';
import { isKnownZone, zoneOfNumber } from './timezone.ts';

describe('record time zone from the number', () => {
  it('maps regions to their zone', () => {
    expect(zoneOfNumber('+862088812345', 'CN')).toBe('Asia/Shanghai');
    expect(zoneOfNumber('+85221234567', 'CN')).toBe('Asia/Hong_Kong');
    expect(zoneOfNumber('+886223456789', 'CN')).toBe('Asia/Taipei');
    expect(zoneOfNumber('+6561234567', 'CN')).toBe('Asia/Singapore');
    expect(zoneOfNumber('+12125550123', 'CN')).toBe('America/New_York');
    expect(zoneOfNumber('+442079460000', 'CN')).toBe('Europe/London');
  });

  it('falls back to the default region for a country outside the table', () => {
    expect(zoneOfNumber('+2348031234567', 'CN')).toBe('Asia/Shanghai');
    expect(zoneOfNumber('+2348031234567', 'ZZ')).toBeUndefined();
  });

  it('recognises zone names Intl knows', () => {
    expect(isKnownZone('Europe/London')).toBe(true);
    expect(isKnownZone('Mars/Olympus')).toBe(false);
  });
});
