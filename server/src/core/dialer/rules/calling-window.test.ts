import { describe, expect, it } from 'vitest';
import { checkCallingWindow, parseClock } from './calling-window.ts';
import { localClock } from './local-time.ts';
import type { CallingWindow } from './types.ts';

const weekdays9to21: CallingWindow = {
  mon: [{ from: '09:00', to: '21:00' }],
  tue: [{ from: '09:00', to: '21:00' }],
  wed: [{ from: '09:00', to: '21:00' }],
  thu: [{ from: '09:00', to: '21:00' }],
  fri: [{ from: '09:00', to: '21:00' }],
  sat: [{ from: '10:00', to: '12:00' }, { from: '14:00', to: '16:00' }],
};

describe('calling windows in the called party’s local time', () => {
  it('reads the local clock of an IANA zone, daylight saving included', () => {
    // 2026-07-01 12:00 UTC is 13:00 in London (BST) and 08:00 in New York (EDT), a Wednesday.
    const t = Date.UTC(2026, 6, 1, 12, 0);
    expect(localClock(t, 'Europe/London')).toEqual({ weekday: 'wed', minuteOfDay: 13 * 60, date: '2026-07-01' });
    expect(localClock(t, 'America/New_York')).toEqual({ weekday: 'wed', minuteOfDay: 8 * 60, date: '2026-07-01' });
    // In January London is on GMT.
    expect(localClock(Date.UTC(2026, 0, 7, 12, 0), 'Europe/London')?.minuteOfDay).toBe(12 * 60);
  });

  it('allows a call inside the weekday range and refuses one before it opens', () => {
    const t = Date.UTC(2026, 6, 1, 12, 0);
    expect(checkCallingWindow(t, 'Europe/London', weekdays9to21)).toBe('inside');
    expect(checkCallingWindow(t, 'America/New_York', weekdays9to21)).toBe('outside');
  });

  it('treats the end of a range as exclusive', () => {
    // 20:00 UTC in summer is 21:00 in London.
    expect(checkCallingWindow(Date.UTC(2026, 6, 1, 19, 59), 'Europe/London', weekdays9to21)).toBe('inside');
    expect(checkCallingWindow(Date.UTC(2026, 6, 1, 20, 0), 'Europe/London', weekdays9to21)).toBe('outside');
  });

  it('uses the called party’s weekday, not the server’s', () => {
    // Sunday 23:30 UTC is already Monday 08:30 in Tokyo: Monday rules, but before 09:00.
    const t = Date.UTC(2026, 6, 5, 23, 30);
    expect(localClock(t, 'Asia/Tokyo')?.weekday).toBe('mon');
    expect(checkCallingWindow(t, 'Asia/Tokyo', weekdays9to21)).toBe('outside');
    expect(checkCallingWindow(t + 3600_000, 'Asia/Tokyo', weekdays9to21)).toBe('inside');
  });

  it('supports several ranges in a day and refuses days with none', () => {
    const sat = (h: number) => Date.UTC(2026, 6, 4, h, 0); // Saturday, London = UTC+1
    expect(checkCallingWindow(sat(9), 'Europe/London', weekdays9to21)).toBe('inside');
    expect(checkCallingWindow(sat(12), 'Europe/London', weekdays9to21)).toBe('outside');
    expect(checkCallingWindow(sat(13), 'Europe/London', weekdays9to21)).toBe('inside');
    expect(checkCallingWindow(Date.UTC(2026, 6, 5, 12, 0), 'Europe/London', weekdays9to21)).toBe('outside');
  });

  it('reports an unknown zone instead of guessing', () => {
    expect(checkCallingWindow(Date.UTC(2026, 6, 1, 12), 'Mars/Olympus_Mons', weekdays9to21)).toBe('unknown-time-zone');
  });

  it('ignores malformed ranges rather than opening the whole day', () => {
    expect(parseClock('9:00')).toBe(540);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('25:00')).toBeNaN();
    expect(parseClock('nine')).toBeNaN();
    expect(checkCallingWindow(Date.UTC(2026, 6, 1, 12), 'UTC', { wed: [{ from: 'nine', to: '24:00' }] })).toBe('outside');
  });
});
