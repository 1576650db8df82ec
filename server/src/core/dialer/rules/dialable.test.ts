import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCallingWindow } from './calling-window.ts';
import { isDialable } from './dialable.ts';
import { dncSet, normalizePhone } from './phone.ts';
import { nextAttempt, scheduleCallback } from './retry.ts';
import { defaultRetryRules, newDialRecord, type CallingWindow, type DialContext, type DialRecord, type RecordStatus, type Weekday } from './types.ts';

const H = 3600_000;
const wed1200utc = Date.UTC(2026, 6, 1, 12, 0);
const open: CallingWindow = Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, [{ from: '00:00', to: '24:00' }]]));
const ctx = (over: Partial<DialContext> = {}): DialContext => ({
  nowMs: wed1200utc,
  globalDnc: new Set(),
  campaignDnc: new Set(),
  window: open,
  rules: defaultRetryRules,
  ...over,
});
const rec = (over: Partial<DialRecord> = {}): DialRecord => ({ ...newDialRecord('+44 20 7946 0000', 'Europe/London'), ...over });

describe('isDialable', () => {
  it('allows a fresh record inside its window', () => {
    expect(isDialable(rec(), ctx())).toEqual({ dialable: true });
  });

  it('refuses a number on the global DNC list, however it is written', () => {
    expect(isDialable(rec(), ctx({ globalDnc: dncSet(['+442079460000']) }))).toEqual({ dialable: false, reason: 'dnc-global' });
    expect(isDialable(rec(), ctx({ globalDnc: dncSet(['0044 (20) 7946-0000']) }))).toEqual({ dialable: false, reason: 'dnc-global' });
  });

  it('refuses a number on the campaign DNC list', () => {
    expect(isDialable(rec(), ctx({ campaignDnc: dncSet(['+44 2079460000']) }))).toEqual({ dialable: false, reason: 'dnc-campaign' });
  });

  it('refuses a number added to a DNC list after the record was loaded', () => {
    const list = new Set<string>();
    const record = rec();
    expect(isDialable(record, ctx({ campaignDnc: list })).dialable).toBe(true);
    list.add(normalizePhone('+44 20 7946 0000'));
    expect(isDialable(record, ctx({ campaignDnc: list })).dialable).toBe(false);
  });

  it('refuses invalid, unreachable, done and exhausted records', () => {
    for (const status of ['invalid', 'unreachable', 'done', 'exhausted'] as const) {
      expect(isDialable(rec({ status }), ctx())).toEqual({ dialable: false, reason: status });
    }
  });

  it('waits for the next attempt time', () => {
    expect(isDialable(rec({ nextAttemptAtMs: wed1200utc + 1 }), ctx())).toEqual({ dialable: false, reason: 'not-due' });
    expect(isDialable(rec({ nextAttemptAtMs: wed1200utc }), ctx()).dialable).toBe(true);
  });

  it('does not redial an abandoned number within 72 hours, whatever its next attempt time says', () => {
    const abandoned = rec({ lastAbandonedAtMs: wed1200utc - 71 * H, nextAttemptAtMs: null });
    expect(isDialable(abandoned, ctx())).toEqual({ dialable: false, reason: 'abandoned-recently' });
    expect(isDialable(abandoned, ctx({ nowMs: wed1200utc + H })).dialable).toBe(true);
  });

  it('refuses outside the calling window and with an unknown zone', () => {
    const mornings: CallingWindow = { wed: [{ from: '08:00', to: '12:00' }] };
    expect(isDialable(rec(), ctx({ window: mornings }))).toEqual({ dialable: false, reason: 'outside-window' });
    expect(isDialable(rec({ timeZone: 'Nowhere/Town' }), ctx())).toEqual({ dialable: false, reason: 'unknown-time-zone' });
  });

  it('dials a due callback even for a done or exhausted record, but never against DNC', () => {
    const done = scheduleCallback(nextAttempt('connected', rec(), defaultRetryRules, wed1200utc - 2 * H), { atMs: wed1200utc - H });
    expect(isDialable(done, ctx())).toEqual({ dialable: true });
    expect(isDialable(done, ctx({ nowMs: wed1200utc - 2 * H + 1 }))).toEqual({ dialable: false, reason: 'not-due' });
    expect(isDialable(done, ctx({ globalDnc: dncSet(['+442079460000']) }))).toEqual({ dialable: false, reason: 'dnc-global' });
  });
});

// Property tests over generated campaign states: whatever the record's history, lists and windows,
// a "dialable" answer never goes to a DNC number or outside the called party's window.
const weekday = fc.constantFrom<Weekday>('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
const clock = fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(h === 24 ? 0 : m).padStart(2, '0')}`);
const windowArb: fc.Arbitrary<CallingWindow> = fc.dictionary(weekday, fc.array(fc.record({ from: clock, to: clock }), { maxLength: 3 }), { maxKeys: 7 });
const zone = fc.constantFrom('Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata', 'UTC', 'Bad/Zone');
const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 12 }).map((d) => d.join(''));
// The same number written the ways people write it.
const written = (d: string) => fc.constantFrom(`+${d}`, `00${d}`, `+${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`, `+${d.slice(0, 2)}-(${d.slice(2)})`);
const status = fc.constantFrom<RecordStatus>('active', 'done', 'invalid', 'unreachable', 'exhausted');
const epoch = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });

const campaign = fc
  .record({ pool: fc.array(digits, { minLength: 1, maxLength: 6 }), window: windowArb, now: epoch, tz: zone, st: status })
  .chain(({ pool, window, now, tz, st }) =>
    fc.record({
      window: fc.constant(window),
      now: fc.constant(now),
      numberDigits: fc.constantFrom(...pool),
      globalDnc: fc.subarray(pool).chain((xs) => fc.tuple(...xs.map(written))),
      campaignDnc: fc.subarray(pool).chain((xs) => fc.tuple(...xs.map(written))),
      record: fc.record({
        tz: fc.constant(tz),
        status: fc.constant(st),
        attempts: fc.nat(12),
        next: fc.option(fc.integer({ min: now - 96 * H, max: now + 96 * H })),
        abandoned: fc.option(fc.integer({ min: now - 96 * H, max: now })),
        callback: fc.option(fc.integer({ min: now - 48 * H, max: now + 48 * H })),
      }),
    }),
  )
  .chain((c) => written(c.numberDigits).map((phone) => ({ ...c, phone })));

describe('isDialable properties', () => {
  it('never yields a dial to a number on either DNC list', () => {
    fc.assert(
      fc.property(campaign, (c) => {
        const record: DialRecord = {
          ...newDialRecord(c.phone, c.record.tz),
          status: c.record.status,
          attempts: c.record.attempts,
          nextAttemptAtMs: c.record.next,
          lastAbandonedAtMs: c.record.abandoned,
          callback: c.record.callback === null ? null : { atMs: c.record.callback },
        };
        const g = dncSet(c.globalDnc);
        const k = dncSet(c.campaignDnc);
        const verdict = isDialable(record, { nowMs: c.now, globalDnc: g, campaignDnc: k, window: c.window, rules: defaultRetryRules });
        const onDnc = g.has(`+${c.numberDigits}`) || k.has(`+${c.numberDigits}`);
        if (onDnc) expect(verdict.dialable).toBe(false);
        if (verdict.dialable) {
          expect(checkCallingWindow(c.now, c.record.tz, c.window)).toBe('inside');
          if (c.record.abandoned !== null) expect(c.now - c.record.abandoned).toBeGreaterThanOrEqual(72 * H);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never yields a dial outside the window, checked against an independent local-time computation', () => {
    fc.assert(
      fc.property(epoch, zone.filter((z) => z !== 'Bad/Zone'), windowArb, (now, tz, window) => {
        const verdict = isDialable(newDialRecord('+15550000000', tz), { nowMs: now, globalDnc: new Set(), campaignDnc: new Set(), window, rules: defaultRetryRules });
        // Independent oracle: Date#toLocaleString in the zone, parsed back.
        const local = new Date(new Date(now).toLocaleString('en-US', { timeZone: tz }));
        const day = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[local.getDay()]!;
        const minute = local.getHours() * 60 + local.getMinutes();
        const inside = (window[day] ?? []).some((r) => {
          const [fh, fm] = r.from.split(':').map(Number);
          const [th, tm] = r.to.split(':').map(Number);
          return minute >= fh! * 60 + fm! && minute < th! * 60 + tm!;
        });
        expect(verdict.dialable).toBe(inside);
      }),
      { numRuns: 2000 },
    );
  });

  it('never redials through a whole generated attempt history to a number later put on DNC', () => {
    const outcome = fc.constantFrom('busy', 'noAnswer', 'failed', 'abandoned', 'machine', 'connected', 'unallocated' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(outcome, fc.integer({ min: 1, max: 80 * H })), { maxLength: 12 }), fc.nat(11), (history, dncAfter) => {
        let r = newDialRecord('+447700900123', 'Europe/London');
        let now = wed1200utc;
        history.forEach(([o, gap], i) => {
          now += gap;
          const dnc = i >= dncAfter ? dncSet(['+44 7700 900123']) : new Set<string>();
          const verdict = isDialable(r, ctx({ nowMs: now, campaignDnc: dnc }));
          if (i >= dncAfter) expect(verdict.dialable).toBe(false);
          if (verdict.dialable) r = nextAttempt(o, r, defaultRetryRules, now);
        });
      }),
      { numRuns: 500 },
    );
  });
});
