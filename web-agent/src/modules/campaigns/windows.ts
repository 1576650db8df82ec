// Calling windows: the weekday editor's model ↔ the campaign's `calling_windows` JSON.
// The server keys weekdays 0–6 with 0 = Sunday (JavaScript's getDay); the editor lists Monday first,
// as Chinese and European calendars do. Reading also accepts a 7-item array and 'mon'…'sun' keys so an
// older or hand-written value still opens in the editor.
import type { CallingWindowsJson, WindowRange } from './types.ts';

export interface DayWindows {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  ranges: WindowRange[];
}

/** Display order: Monday … Sunday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
const NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function emptyWeek(): DayWindows[] {
  return WEEK_ORDER.map((day) => ({ day, ranges: [] }));
}

/** Mon–Fri 09:00–12:00 and 13:30–20:00, Saturday 10:00–16:00: a common default for consumer calling. */
export function defaultWeek(): DayWindows[] {
  return WEEK_ORDER.map((day) => ({
    day,
    ranges: day >= 1 && day <= 5 ? [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '20:00' }] : day === 6 ? [{ from: '10:00', to: '16:00' }] : [],
  }));
}

function rangesOf(value: unknown): WindowRange[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r): r is WindowRange => typeof r === 'object' && r !== null && typeof (r as WindowRange).from === 'string' && typeof (r as WindowRange).to === 'string')
    .map((r) => ({ from: r.from, to: r.to }));
}

export function windowsFromJson(json: CallingWindowsJson | null | undefined): DayWindows[] {
  if (!json) return emptyWeek();
  const byDay = new Map<number, WindowRange[]>();
  if (Array.isArray(json)) {
    json.forEach((ranges, day) => byDay.set(day, rangesOf(ranges)));
  } else {
    for (const [key, ranges] of Object.entries(json)) {
      const day = /^[0-6]$/.test(key) ? Number(key) : NAMES.indexOf(key.toLowerCase().slice(0, 3) as (typeof NAMES)[number]);
      if (day >= 0) byDay.set(day, rangesOf(ranges));
    }
  }
  return WEEK_ORDER.map((day) => ({ day, ranges: byDay.get(day) ?? [] }));
}

/** Keys '0'…'6', every day present (an empty list = no calls that day), ranges sorted by start. */
export function windowsToJson(week: readonly DayWindows[]): Record<string, WindowRange[]> {
  const out: Record<string, WindowRange[]> = {};
  for (let day = 0; day < 7; day++) {
    const ranges = week.find((d) => d.day === day)?.ranges ?? [];
    out[String(day)] = [...ranges].map((r) => ({ from: r.from, to: r.to })).sort((a, b) => a.from.localeCompare(b.from));
  }
  return out;
}

export type WindowProblem = { day: number; index: number; problem: 'format' | 'order' | 'overlap' };

/** Problems the editor marks before saving: bad HH:MM, end not after start, overlapping ranges. */
export function windowProblems(week: readonly DayWindows[]): WindowProblem[] {
  const problems: WindowProblem[] = [];
  for (const { day, ranges } of week) {
    ranges.forEach((r, index) => {
      if (!HHMM.test(r.from) || !HHMM.test(r.to)) problems.push({ day, index, problem: 'format' });
      else if (r.to <= r.from) problems.push({ day, index, problem: 'order' });
    });
    const sorted = ranges.map((r, index) => ({ ...r, index })).filter((r) => HHMM.test(r.from) && HHMM.test(r.to) && r.from < r.to).sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.from < sorted[i - 1]!.to) problems.push({ day, index: sorted[i]!.index, problem: 'overlap' });
    }
  }
  return problems;
}

/** Copies one day's ranges to the other working days (Mon–Fri), the editor's "apply to weekdays". */
export function copyToWeekdays(week: readonly DayWindows[], fromDay: number): DayWindows[] {
  const source = week.find((d) => d.day === fromDay)?.ranges ?? [];
  return week.map((d) => (d.day >= 1 && d.day <= 5 ? { day: d.day, ranges: source.map((r) => ({ ...r })) } : d));
}
