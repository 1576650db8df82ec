import { describe, expect, it } from 'vitest';
import { agent, caller, queue } from './acd-fixtures.ts';
import { averageHandleTimeMs, emptyHandleTimes, estimateWaitMs, recordHandleTime } from './announcements.ts';
import { routeSnapshot } from './route.ts';
import { accountCall, abandonRate, averageSpeedOfAnswerMs, emptyServiceLevel, serviceLevel } from './service-level.ts';

describe('ACD announcements', () => {
  const q = queue('q1', { announcements: { firstAfterMs: 30_000, everyMs: 60_000, position: true, estimatedWait: true } });
  const busy = [agent('a1', { available: false }), agent('a2', { available: false })];

  it('announces first after firstAfterMs, then every everyMs after the last announcement', () => {
    const at = (now: number, lastAnnouncedAt: number | null) => routeSnapshot({ queues: [q], agents: busy, callers: [caller('c1', { lastAnnouncedAt })], ahtMs: { q1: 120_000 } }, now).announcements.length;
    expect(at(29_999, null)).toBe(0);
    expect(at(30_000, null)).toBe(1);
    expect(at(89_999, 30_000)).toBe(0);
    expect(at(90_000, 30_000)).toBe(1);
  });

  it('tells each caller their place in their own queue and EWT = position × AHT / staffed agents', () => {
    const callers = [caller('c1', { waitingSince: 0 }), caller('other', { queueId: 'q2', waitingSince: 1 }), caller('c2', { waitingSince: 2 })];
    const r = routeSnapshot({ queues: [q, queue('q2')], agents: busy, callers, ahtMs: { q1: 120_000 } }, 40_000);
    expect(r.announcements).toEqual([
      { callId: 'c1', queueId: 'q1', position: 1, estimatedWaitMs: 60_000 },
      { callId: 'c2', queueId: 'q1', position: 2, estimatedWaitMs: 120_000 },
    ]);
  });

  it('counts only callers still waiting after this pass when giving positions', () => {
    const agents = [agent('a1'), agent('a2', { available: false })];
    const r = routeSnapshot({ queues: [q], agents, callers: [caller('c1'), caller('c2', { waitingSince: 1 })], ahtMs: { q1: 60_000 } }, 40_000);
    expect(r.announcements).toEqual([{ callId: 'c2', queueId: 'q1', position: 1, estimatedWaitMs: 30_000 }]);
  });

  it('gives no estimate without staffed agents or handle times', () => {
    expect(estimateWaitMs(3, 0, 60_000)).toBeNull();
    expect(estimateWaitMs(3, 2, undefined)).toBeNull();
    expect(estimateWaitMs(3, 2, 60_000)).toBe(90_000);
  });

  it('averages the last N handle times only', () => {
    let w = emptyHandleTimes(3);
    expect(averageHandleTimeMs(w)).toBeUndefined();
    for (const ms of [1_000, 2_000, 3_000, 10_000]) w = recordHandleTime(w, ms);
    expect(w.samples).toEqual([2_000, 3_000, 10_000]);
    expect(averageHandleTimeMs(w)).toBe(5_000);
  });
});

describe('service level accounting', () => {
  const rec = (outcome: 'completed' | 'abandoned' | 'overflowed', waitMs: number, answered: boolean) => ({ outcome, waitMs, answeredAt: answered ? 1 : null, abandonedIn: outcome === 'abandoned' ? ('queue' as const) : null, queuedAt: 0 });

  it('counts calls answered within the threshold over answered, late abandons and overflows', () => {
    let c = emptyServiceLevel();
    for (const r of [rec('completed', 10_000, true), rec('completed', 20_000, true), rec('completed', 45_000, true), rec('abandoned', 5_000, false), rec('abandoned', 60_000, false), rec('overflowed', 120_000, false)]) {
      c = accountCall(c, r, 20_000);
    }
    expect(c).toMatchObject({ offered: 6, answered: 3, answeredWithin: 2, abandoned: 2, abandonedWithin: 1, overflowed: 1 });
    expect(serviceLevel(c)).toBeCloseTo(2 / 5);
    expect(abandonRate(c)).toBeCloseTo(2 / 6);
    expect(averageSpeedOfAnswerMs(c)).toBe(25_000);
  });

  it('ignores calls that never reached a queue and reports no level before any call', () => {
    const c = accountCall(emptyServiceLevel(), { outcome: 'abandoned', waitMs: 0, answeredAt: null, abandonedIn: 'ivr', queuedAt: null }, 20_000);
    expect(c.offered).toBe(0);
    expect(serviceLevel(c)).toBeNull();
  });
});
