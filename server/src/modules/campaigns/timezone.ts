// The called party's time zone decides the calling window, so every record needs one. Lists rarely say;
// the number's country usually does. Countries spanning several zones get their most populous one (US →
// New York): a list for the western states should carry a timezone column.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

const REGION_ZONES: Record<string, string> = {
  CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong',
  MO: 'Asia/Macau',
  TW: 'Asia/Taipei',
  SG: 'Asia/Singapore',
  MY: 'Asia/Kuala_Lumpur',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  TH: 'Asia/Bangkok',
  VN: 'Asia/Ho_Chi_Minh',
  PH: 'Asia/Manila',
  ID: 'Asia/Jakarta',
  IN: 'Asia/Kolkata',
  AE: 'Asia/Dubai',
  AU: 'Australia/Sydney',
  NZ: 'Pacific/Auckland',
  US: 'America/New_York',
  CA: 'America/Toronto',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  FR: 'Europe/Paris',
  DE: 'Europe/Berlin',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  NL: 'Europe/Amsterdam',
};

/** True when Intl knows the zone name (what the calling-window check will use). */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** IANA zone for an E.164 number, from its region; `fallbackRegion`'s zone when the region is not in the table. */
export function zoneOfNumber(e164: string, fallbackRegion: string): string | undefined {
  const region = parsePhoneNumberFromString(e164)?.country ?? (fallbackRegion as CountryCode);
  return REGION_ZONES[region] ?? REGION_ZONES[fallbackRegion];
}
