// Calendar periods in the report's time zone. Pure: Intl.DateTimeFormat only formats, it does no I/O.
// A day is a local calendar day; a week starts on Monday (ISO); a month is the local calendar month.

export type Granularity = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(tz, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(ms: number, tz: string): LocalParts {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute!, second: p.second! };
}

/** True if `tz` is an IANA zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset of local time from UTC at that instant, ms (Asia/Shanghai: +8 h). */
function offsetMs(ms: number, tz: string): number {
  const p = localParts(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a local wall-clock time occurs (the later offset wins across a DST change). */
export function zonedTime(tz: string, year: number, month: number, day: number, hour = 0): number {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = guess - offsetMs(guess, tz);
  return guess - offsetMs(first, tz);
}

const pad = (n: number) => String(n).padStart(2, '0');

interface DayWindow {
  /** Local midnight starting the day, and the next one (23 or 25 hours apart across a DST change). */
  start: number;
  end: number;
  year: number;
  month: number;
  day: number;
}

// Reports look up the local day of every call and state change; asking Intl each time costs seconds at a
// month of a busy centre. Days found once are kept per zone (sorted, binary-searched): a memo of a pure
// function, bounded by clearing it past MAX_DAYS.
const dayCache = new Map<string, DayWindow[]>();
const MAX_DAYS = 20_000;

function dayWindow(ms: number, tz: string): DayWindow {
  let days = dayCache.get(tz);
  if (!days || days.length > MAX_DAYS) {
    days = [];
    dayCache.set(tz, days);
  }
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]!.end <= ms) lo = mid + 1;
    else hi = mid;
  }
  const hit = days[lo];
  if (hit && hit.start <= ms) return hit;
  const p = localParts(ms, tz);
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day) + DAY_MS);
  const w: DayWindow = {
    start: zonedTime(tz, p.year, p.month, p.day),
    end: zonedTime(tz, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()),
    year: p.year,
    month: p.month,
    day: p.day,
  };
  days.splice(lo, 0, w);
  return w;
}

/** The period key of an instant: 2026-11-27 (day and week: the Monday), 2026-11 (month). */
export function periodKey(ms: number, g: Granularity, tz: string): string {
  const p = dayWindow(ms, tz);
  if (g === 'month') return `${p.year}-${pad(p.month)}`;
  if (g === 'day') return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  const civil = Date.UTC(p.year, p.month - 1, p.day);
  const weekday = (new Date(civil).getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(civil - weekday * DAY_MS);
  return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
}

/** Local hour of day 0–23. */
export function hourOfDay(ms: number, tz: string): number {
  const w = dayWindow(ms, tz);
  // A plain 24-hour day: arithmetic; a DST day: ask Intl.
  return w.end - w.start === DAY_MS ? Math.floor((ms - w.start) / 3_600_000) : localParts(ms, tz).hour;
}

/** The first local midnight strictly after `ms`. */
export function nextMidnight(ms: number, tz: string): number {
  return dayWindow(ms, tz).end;
}

/** Number of local calendar days touched by [from, to) (at least 1). */
export function daysIn(from: number, to: number, tz: string): number {
  let n = 1;
  for (let t = nextMidnight(from, tz); t < to; t = nextMidnight(t, tz)) n++;
  return n;
}
