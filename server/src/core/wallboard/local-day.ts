// The contact centre's "today": local midnight in an IANA zone, computed with Intl so daylight saving
// is handled without a time-zone library. Pure; formatters are cached because building one is slow.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function localParts(epochMs: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour!, min: p.minute!, s: p.second! };
}

/** Offset of the zone from UTC at an instant, in ms (east positive). */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** Local calendar date YYYY-MM-DD at an instant. */
export function localDate(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** The instant the local day containing epochMs began. */
export function localDayStart(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  const midnightAsUtc = Date.UTC(p.y, p.m - 1, p.d);
  // The offset at midnight may differ from the offset now (a DST change during the day): re-check once.
  let start = midnightAsUtc - offsetAt(epochMs, timeZone);
  start = midnightAsUtc - offsetAt(start, timeZone);
  return start;
}

/** The instant the next local day begins (23, 24 or 25 hours later). */
export function nextLocalDayStart(epochMs: number, timeZone: string): number {
  const start = localDayStart(epochMs, timeZone);
  // 26 h past the start is always inside the next day, whatever the DST change.
  return localDayStart(start + 26 * 3_600_000, timeZone);
}
