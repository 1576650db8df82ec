// Calling windows are set per campaign and weekday in the called party's local time, because the law
// (Ofcom, TCPA's 8 am–9 pm) is about the hour where the phone rings, not where the agent sits.
import { localClock } from './local-time.ts';
import type { CallingWindow } from './types.ts';

/** "HH:MM" → minutes since midnight; "24:00" is allowed as an end. NaN when malformed. */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return NaN;
  return h * 60 + min;
}

export type WindowCheck = 'inside' | 'outside' | 'unknown-time-zone';

export function checkCallingWindow(epochMs: number, timeZone: string, window: CallingWindow): WindowCheck {
  const clock = localClock(epochMs, timeZone);
  if (!clock) return 'unknown-time-zone';
  for (const range of window[clock.weekday] ?? []) {
    const from = parseClock(range.from);
    const to = parseClock(range.to);
    // A malformed range allows nothing rather than everything.
    if (Number.isNaN(from) || Number.isNaN(to)) continue;
    if (clock.minuteOfDay >= from && clock.minuteOfDay < to) return 'inside';
  }
  return 'outside';
}
