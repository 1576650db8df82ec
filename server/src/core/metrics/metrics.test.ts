// Metric definitions against hand-computed fixtures. Times are built in Asia/Shanghai (UTC+8, no DST)
// unless a test says otherwise, so "23:58 local" is easy to read.
import { describe, expect, it } from 'vitest';
import { agentFigures, agentTimeByPeriod, splitAtMidnight, stateIntervals } from './agent-time.ts';
import { addCall, callFigures, emptyCalls } from './call-figures.ts';
import type { AgentStateFact, AttemptFact, CallFact } from './facts.ts';
import { fcrByDisposition } from './fcr.ts';
import { agentTimeRows, callRows } from './grouping.ts';
import { campaignFigures } from './outbound.ts';
import { daysIn, hourOfDay, nextMidnight, periodKey, zonedTime } from './periods.ts';
import { trafficProfile } from './traffic-profile.ts';

const TZ = 'Asia/Shanghai';
/** Local Shanghai wall-clock time on 2026-11-<day> → epoch ms. */
const at = (day: number, h: number, m = 0, s = 0) => Date.UTC(2026, 10, day, h - 8, m, s);
const MIN = 60_000;

function call(over: Partial<CallFact> = {}): CallFact {
  const enteredAt = over.enteredAt ?? at(10, 9);
  return {
    callId: 'c', direction: 'inbound', enteredAt, queuedAt: enteredAt, answeredAt: enteredAt + 10_000, endedAt: enteredAt + 130_000,
    outcome: 'completed', waitMs: 10_000, talkMs: 100_000, holdMs: 20_000, wrapMs: 30_000, thresholdMs: 20_000, transfers: 0,
    queueId: 'q1', agentId: 'a1', teamId: 't1', campaignId: null, disposition: 'solved', nextContactAfterMs: null, ...over,
  };
}
const abandoned = (waitMs: number, over: Partial<CallFact> = {}) =>
  call({ answeredAt: null, outcome: 'abandoned', waitMs, talkMs: 0, holdMs: 0, wrapMs: 0, agentId: null, teamId: null, disposition: null, ...over });

describe('periods', () => {
  it('keys days, ISO weeks (Monday) and months in the report time zone, not UTC', () => {
    const t = at(29, 7, 30); // Sunday 2026-11-29 07:30 Shanghai = Saturday 23:30 UTC
    expect(periodKey(t, 'day', TZ)).toBe('2026-11-29');
    expect(periodKey(t, 'day', 'UTC')).toBe('2026-11-28');
    expect(periodKey(t, 'week', TZ)).toBe('2026-11-23');
    expect(periodKey(at(30, 0), 'week', TZ)).toBe('2026-11-30');
    expect(periodKey(at(30, 23, 59), 'month', TZ)).toBe('2026-11');
    expect(periodKey(at(30, 23, 59) + MIN, 'month', TZ)).toBe('2026-12');
    expect(hourOfDay(at(10, 0, 30), TZ)).toBe(0);
  });
  it('finds the next local midnight, across a DST change too', () => {
    expect(nextMidnight(at(10, 23, 59), TZ)).toBe(at(11, 0));
    expect(nextMidnight(at(11, 0), TZ)).toBe(at(12, 0));
    // Berlin falls back on 2026-10-25: that day has 25 hours.
    const start = zonedTime('Europe/Berlin', 2026, 10, 25);
    expect(nextMidnight(start, 'Europe/Berlin') - start).toBe(25 * 3_600_000);
    expect(daysIn(at(1, 0), at(8, 0), TZ)).toBe(7);
  });
  it('the cached day lookup agrees with Intl at every step through a year, DST changes included', () => {
    for (const tz of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC']) {
      const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
      // Out of order on purpose (the cache is searched, not scanned): a 7-hour-and-a-bit stride, backwards.
      for (let t = Date.UTC(2027, 0, 1); t > Date.UTC(2026, 0, 1); t -= 7 * 3_600_000 + 123_457) {
        const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
        expect(periodKey(t, 'day', tz)).toBe(`${p.year}-${p.month}-${p.day}`);
        expect(hourOfDay(t, tz)).toBe(Number(p.hour));
        expect(nextMidnight(t, tz)).toBeGreaterThan(t);
      }
    }
  });
});

describe('call figures', () => {
  it('counts offered, answered, abandoned and short abandons; service level excludes short abandons', () => {
    const calls = [
      call({ waitMs: 5_000 }), // answered within 20 s
      call({ waitMs: 20_000 }), // exactly the threshold: within
      call({ waitMs: 45_000 }), // answered late
      abandoned(8_000), // short abandon
      abandoned(60_000), // abandon after threshold
      call({ answeredAt: null, outcome: 'overflowed', waitMs: 120_000, talkMs: 0, holdMs: 0, wrapMs: 0 }),
      call({ queuedAt: null, outcome: 'abandoned', answeredAt: null }), // IVR hang-up: not offered
      call({ outcome: 'live' }), // still going: not counted yet
    ];
    const f = callFigures(calls.reduce(addCall, emptyCalls()));
    expect(f).toMatchObject({ offered: 6, answered: 3, abandoned: 2, abandonedShort: 1, overflowed: 1 });
    // SL = 2 within / (3 answered + 1 late abandon + 1 overflow) = 0.4
    expect(f.serviceLevel).toBeCloseTo(0.4, 10);
    expect(f.abandonRate).toBeCloseTo(2 / 6, 10);
    expect(f.asaSec).toBe(23.3); // (5 + 20 + 45) / 3
    expect(f.avgWaitSec).toBe(43); // (5+20+45+8+60+120)/6 = 43
    expect(f.maxWaitSec).toBe(120);
    // AHT = (100 talk + 20 hold + 30 wrap) per answered call
    expect(f).toMatchObject({ ahtSec: 150, avgTalkSec: 100, avgHoldSec: 20, avgWrapSec: 30 });
  });

  it('gives null ratios with no calls', () => {
    expect(callFigures(emptyCalls())).toMatchObject({ offered: 0, serviceLevel: null, asaSec: null, ahtSec: null, maxWaitSec: null });
  });

  it('counts a transferred call once, with all its talk and both agents\' wrap-up', () => {
    // Agent a1 talked 60 s, transferred to a2 who talked 90 s; both wrapped up (20 s + 40 s).
    const t = call({ transfers: 1, agentId: 'a2', talkMs: 150_000, holdMs: 0, wrapMs: 60_000 });
    const f = callFigures(addCall(emptyCalls(), t));
    expect(f).toMatchObject({ offered: 1, answered: 1, transferred: 1, ahtSec: 210 });
  });

  it('counts outbound calls apart (never queued), with their handle time in AHT', () => {
    const o = call({ direction: 'outbound', queuedAt: null, waitMs: 0, talkMs: 60_000, holdMs: 0, wrapMs: 10_000 });
    const f = callFigures([o, call()].reduce(addCall, emptyCalls()));
    expect(f).toMatchObject({ offered: 1, answered: 1, outbound: 1, outboundAnswered: 1, ahtSec: 110 }); // (150 + 70) / 2
  });

  it('puts a call spanning midnight in the day it entered', () => {
    const late = call({ enteredAt: at(10, 23, 59, 50), queuedAt: at(10, 23, 59, 50), answeredAt: at(11, 0, 0, 30), waitMs: 40_000 });
    const rows = callRows([late, call({ enteredAt: at(11, 9) })], 'day', 'queue', TZ);
    expect(rows.map((r) => [r.period, r.group, r.offered])).toEqual([
      ['2026-11-10', 'q1', 1], ['2026-11-10', '*', 1], ['2026-11-11', 'q1', 1], ['2026-11-11', '*', 1],
    ]);
    expect(rows[0]!.serviceLevel).toBe(0);
  });

  it('groups by queue, agent, team and campaign; no agent groups under null', () => {
    const calls = [call(), call({ queueId: 'q2', agentId: 'a2', teamId: 't2' }), abandoned(30_000)];
    const byAgent = callRows(calls, 'month', 'agent', TZ, false);
    expect(byAgent.map((r) => [r.group, r.offered, r.answered])).toEqual([['a1', 1, 1], ['a2', 1, 1], [null, 1, 0]]);
    const byQueue = callRows(calls, 'week', 'queue', TZ);
    expect(byQueue.map((r) => [r.group, r.offered])).toEqual([['q1', 2], ['q2', 1], ['*', 3]]);
    expect(callRows(calls, 'day', 'team', TZ, false).map((r) => r.group)).toEqual(['t1', 't2', null]);
    expect(callRows([call({ campaignId: 'k1', direction: 'outbound', queuedAt: null })], 'day', 'campaign', TZ, false)[0]).toMatchObject({ group: 'k1', outbound: 1 });
  });
});

describe('agent time from the state history', () => {
  const ev = (state: AgentStateFact['state'], t: number, over: Partial<AgentStateFact> = {}): AgentStateFact => ({ agentId: 'a1', state, reason: null, callId: null, at: t, ...over });

  it('turns rows into intervals clipped to the range, ignoring signed-out time', () => {
    const facts = [
      ev('ready', at(10, 8)), // before the range: the state at its start
      ev('onCall', at(10, 9, 10), { callId: 'c1' }),
      ev('wrapUp', at(10, 9, 15), { callId: 'c1' }),
      ev('signedOut', at(10, 9, 16)),
      ev('ready', at(10, 10)),
    ];
    const ivs = stateIntervals(facts, at(10, 9), at(10, 10, 30));
    expect(ivs.map((i) => [i.state, (i.to - i.from) / MIN])).toEqual([['ready', 10], ['onCall', 5], ['wrapUp', 1], ['ready', 30]]);
  });

  it('splits a state spanning midnight across both days; the call is handled on the day it was answered', () => {
    const facts = [
      ev('ready', at(10, 23, 50)),
      ev('onCall', at(10, 23, 58), { callId: 'c1' }),
      ev('wrapUp', at(11, 0, 3), { callId: 'c1' }),
      ev('paused', at(11, 0, 4), { reason: 'lunch' }),
      ev('signedOut', at(11, 0, 34)),
    ];
    const ivs = stateIntervals(facts, at(10, 0), at(12, 0));
    expect(splitAtMidnight(ivs[1]!, TZ).map((p) => (p.to - p.from) / MIN)).toEqual([2, 3]);
    const days = agentTimeByPeriod(ivs, 'day', TZ);
    const d10 = agentFigures(days.get('2026-11-10\u0000a1')!.time);
    const d11 = agentFigures(days.get('2026-11-11\u0000a1')!.time);
    expect(d10).toMatchObject({ handled: 1, readySec: 480, onCallSec: 120, wrapUpSec: 0, pausedSec: 0, signedInSec: 600 });
    expect(d11).toMatchObject({ handled: 0, onCallSec: 180, wrapUpSec: 60, pausedSec: 1800, pausedByReasonSec: { lunch: 1800 } });
    // Day 10: busy 2 min of 10 staffed → occupancy 0.2 = utilisation (no pause).
    expect(d10.occupancy).toBeCloseTo(0.2, 10);
    expect(d10.utilisation).toBeCloseTo(0.2, 10);
    // Day 11: busy 4 min, staffed 4 min (occupancy 1), signed in 34 min.
    expect(d11.occupancy).toBe(1);
    expect(d11.utilisation).toBeCloseTo(4 / 34, 10);
    // The month sees the call once, with its whole 5 minutes on the phone.
    const month = agentFigures(agentTimeByPeriod(ivs, 'month', TZ).get('2026-11\u0000a1')!.time);
    expect(month).toMatchObject({ handled: 1, onCallSec: 300, wrapUpSec: 60, ahtSec: 360 });
  });

  it('a transfer: each agent counts their own part and wrap-up', () => {
    const facts = [
      ev('onCall', at(10, 9), { callId: 'c1' }), ev('wrapUp', at(10, 9, 1), { callId: 'c1' }), ev('ready', at(10, 9, 2)),
      ev('ringing', at(10, 9, 0, 50), { agentId: 'a2', callId: 'c1' }), ev('onCall', at(10, 9, 1), { agentId: 'a2', callId: 'c1' }),
      ev('wrapUp', at(10, 9, 4), { agentId: 'a2', callId: 'c1' }), ev('ready', at(10, 9, 5), { agentId: 'a2' }),
    ];
    const rows = agentTimeRows(stateIntervals(facts, at(10, 0), at(10, 9, 5)), 'day', TZ, 'agent', () => null);
    expect(rows.map((r) => [r.group, agentFigures(r.time).handled, agentFigures(r.time).ahtSec])).toEqual([['a1', 1, 120], ['a2', 1, 240]]);
    const team = agentTimeRows(stateIntervals(facts, at(10, 0), at(10, 9, 5)), 'day', TZ, 'team', () => 't1');
    expect(team).toHaveLength(1);
    expect(agentFigures(team[0]!.time)).toMatchObject({ handled: 2, onCallSec: 240, wrapUpSec: 120, ringingSec: 10, ahtSec: 180 });
  });

  it('a state still going on lasts until the range end', () => {
    const ivs = stateIntervals([ev('paused', at(10, 9), { reason: 'training' })], at(10, 0), at(10, 9, 45));
    expect(agentFigures(agentTimeByPeriod(ivs, 'day', TZ).get('2026-11-10\u0000a1')!.time)).toMatchObject({ pausedByReasonSec: { training: 2700 }, occupancy: null, utilisation: 0 });
  });
});

describe('first-call resolution by disposition', () => {
  it('resolved = no call from the same caller within the window; unanswered calls do not count', () => {
    const day = 86_400_000;
    const rows = fcrByDisposition([
      call({ disposition: 'solved' }),
      call({ disposition: 'solved', nextContactAfterMs: 2 * day }),
      call({ disposition: 'solved', nextContactAfterMs: 8 * day }),
      call({ disposition: 'callback', nextContactAfterMs: day }),
      call({ disposition: null }),
      abandoned(30_000),
    ]);
    expect(rows).toEqual([
      { disposition: 'solved', calls: 3, resolved: 2, rate: 2 / 3 },
      { disposition: 'callback', calls: 1, resolved: 0, rate: 0 },
      { disposition: null, calls: 1, resolved: 1, rate: 1 },
      { disposition: '*', calls: 5, resolved: 3, rate: 3 / 5 },
    ]);
  });
});

describe('outbound campaign figures', () => {
  it('attempts, connects, contact, abandon and conversion rates', () => {
    const a = (outcome: string, disposition: string | null = null, campaignId = 'k1'): AttemptFact => ({ campaignId, startedAt: at(10, 9), outcome, disposition });
    const [k1] = campaignFigures([a('answered', 'sale'), a('answered', 'not_interested'), a('answered', 'sale'), a('abandoned'), a('noAnswer'), a('busy'), a('machine'), a('congestion')]);
    expect(k1).toEqual({
      campaignId: 'k1', attempts: 8, connects: 4, abandoned: 1, machines: 1, noAnswer: 1, busy: 1, failed: 1, conversions: 2,
      contactRate: 0.5, abandonRate: 0.25, conversionRate: 2 / 3,
    });
    expect(campaignFigures([a('answered', 'won')], ['won'])[0]!.conversions).toBe(1);
  });
});

describe('hourly traffic profile', () => {
  it('averages offered per hour over the days and uses each hour\'s handle time', () => {
    const calls = [
      call({ enteredAt: at(10, 9, 5) }), call({ enteredAt: at(10, 9, 50) }), call({ enteredAt: at(11, 9, 20), talkMs: 200_000 }),
      abandoned(30_000, { enteredAt: at(11, 9, 30) }), call({ enteredAt: at(11, 14), talkMs: 10_000, holdMs: 0, wrapMs: 0 }),
    ];
    const rows = trafficProfile(calls, { tz: TZ, days: 2, targetServiceLevel: 0.8, targetSec: 20 });
    expect(rows).toHaveLength(24);
    const nine = rows[9]!;
    // 4 offered over 2 days = 2 per hour; AHT = (150 + 150 + 250) / 3 answered
    expect(nine).toMatchObject({ offered: 4, answered: 3, callsPerHour: 2 });
    expect(nine.ahtSec).toBeCloseTo(550 / 3, 10);
    expect(nine.erlangs).toBeCloseTo((2 * 550) / 3 / 3600, 10);
    expect(nine.agentsNeeded).toBe(1);
    expect(rows[14]).toMatchObject({ offered: 1, ahtSec: 10 });
    // No calls at 3 am: no traffic, no agents; AHT falls back to the overall figure.
    expect(rows[3]).toMatchObject({ offered: 0, erlangs: 0, agentsNeeded: 0 });
    expect(rows[3]!.ahtSec).toBeCloseTo((150 + 150 + 250 + 10) / 4, 10);
  });
});
