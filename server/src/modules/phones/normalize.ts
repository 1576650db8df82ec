import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  e164: string;
  kind: 'mobile' | 'work' | 'home' | 'fax' | 'other';
  region: string | undefined;
}

/**
 * One number, any format ("+86 138-0013-8000", "13800138000", "010-6552 9988", "0086 10 65529988"),
 * to E.164, with the default region for numbers written without a country code. Returns undefined for
 * text that is not a possible number, so callers can report the row instead of storing junk.
 */
export function normalizePhone(input: string, defaultRegion: string): NormalizedPhone | undefined {
  const cleaned = input.trim().replace(/^00(?=[1-9])/, '+');
  if (!/\d{3,}/.test(cleaned)) return undefined;
  const parsed = parsePhoneNumberFromString(cleaned, defaultRegion as CountryCode);
  if (!parsed || !parsed.isPossible()) return undefined;
  const type = parsed.getType();
  const kind: NormalizedPhone['kind'] = type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'work' : 'other';
  return { e164: parsed.number, kind, region: parsed.country };
}

/** For lookups: a caller ID that does not parse is still searched as typed, digits only. */
export function lookupKey(input: string, defaultRegion: string): string {
  return normalizePhone(input, defaultRegion)?.e164 ?? input.replace(/[^\d+]/g, '');
}
