// The called party's local clock, from an IANA zone name. Intl does the zone arithmetic (daylight saving
// included), which keeps this pure; formatters are cached because building one is slow.
import type { Weekday } from './types.ts';

export interface LocalClock {
  readonly weekday: Weekday;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
  /** Local calendar date, YYYY-MM-DD. */
  readonly date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local clock in `timeZone` at `epochMs`; undefined when the zone name is unknown. */
export function localClock(epochMs: number, timeZone: string): LocalClock | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(timeZone).formatToParts(new Date(epochMs));
  } catch {
    return undefined;
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS[get('weekday')];
  if (!weekday) return undefined;
  const minuteOfDay = Number(get('hour')) * 60 + Number(get('minute'));
  return { weekday, minuteOfDay, date: `${get('year')}-${get('month')}-${get('day')}` };
}
