import { describe, expect, it } from 'vitest';
import { localDate, localDayStart, nextLocalDayStart } from './local-day.ts';
import { emptyWallboard, foldWallboard, seedWallboard } from './wallboard-fold.ts';
import type { WallboardEvent, WallboardState } from './wallboard-types.ts';
import { agentRow, queueTile, wallboardSnapshot } from './wallboard-view.ts';

const TZ = 'Asia/Shanghai'; // UTC+8, no daylight saving
// 2026-11-27 09:00 in Shanghai = 01:00Z; that local day began at 2026-11-26T16:00Z.
const T = Date.parse('2026-11-27T01:00:00Z');
const DAY_START = Date.parse('2026-11-26T16:00:00Z');
const NEXT_DAY = Date.parse('2026-11-27T16:00:00Z');
const S = 1000;
const MIN = 60 * S;

function board(): WallboardState {
  const s = emptyWallboard(TZ, T);
  foldWallboard(s, {
    type: 'directory',
    at: T,
    queues: [{ id: 'q', name: 'Sales', serviceLevelSec: 20, members: ['a1', 'a2', 'a3'] }],
    agents: [
      { id: 'a1', name: 'Ann', teamId: 't1' },
      { id: 'a2', name: 'Bo', teamId: 't1' },
      { id: 'a3', name: 'Cy', teamId: 't2' },
    ],
  });
  for (const id of ['a1', 'a2', 'a3']) foldWallboard(s, { type: 'agentState', agentId: id, state: 'ready', reason: null, since: T, callId: null, at: T });
  return s;
}

function run(s: WallboardState, events: WallboardEvent[]) {
  for (const e of events) foldWallboard(s, e);
}

const waiting = (callId: string, since: number, at = since): WallboardEvent => ({ type: 'callWaiting', callId, queueId: 'q', waitingSince: since, at });
const answered = (callId: string, agentId: string, at: number, countForQueue = true): WallboardEvent => ({ type: 'callAnswered', callId, agentId, queueId: 'q', campaignId: null, customer: `cust ${callId}`, countForQueue, at });
const ended = (callId: string, outcome: 'completed' | 'abandoned' | 'overflowed', answeredCall: boolean, at: number): WallboardEvent => ({ type: 'callEnded', callId, queueId: 'q', outcome, answered: answeredCall, at });

describe('local day in the configured zone', () => {
  it('starts at local midnight and the next day 24 hours later without daylight saving', () => {
    expect(localDayStart(T, TZ)).toBe(DAY_START);
    expect(nextLocalDayStart(T, TZ)).toBe(NEXT_DAY);
    expect(localDate(T, TZ)).toBe('2026-11-27');
    expect(localDate(NEXT_DAY - 1, TZ)).toBe('2026-11-27');
    expect(localDate(NEXT_DAY, TZ)).toBe('2026-11-28');
  });
  it('has a 23-hour day when daylight saving starts (Berlin, 29 March 2026)', () => {
    const noon = Date.parse('2026-03-29T10:00:00Z');
    expect(localDayStart(noon, 'Europe/Berlin')).toBe(Date.parse('2026-03-28T23:00:00Z'));
    expect(nextLocalDayStart(noon, 'Europe/Berlin')).toBe(Date.parse('2026-03-29T22:00:00Z'));
  });
});

describe('queue figures', () => {
  it('counts answered / abandoned / overflowed with service level and ASA by hand', () => {
    const s = board();
    run(s, [
      waiting('c1', T), answered('c1', 'a1', T + 10 * S), // 10 s: within 20 s
      waiting('c2', T), answered('c2', 'a2', T + 30 * S), // 30 s: late
      waiting('c3', T), ended('c3', 'abandoned', false, T + 5 * S), // short abandon: out of the SL
      waiting('c4', T), ended('c4', 'abandoned', false, T + 40 * S),
      waiting('c5', T), ended('c5', 'overflowed', false, T + 60 * S),
      ended('c1', 'completed', true, T + 90 * S), // answered calls are not counted again at their end
    ]);
    const q = queueTile(s, 'q')!;
    expect(q).toMatchObject({ offered: 5, answered: 2, answeredWithin: 1, abandoned: 2, abandonedWithin: 1, waiting: 0, oldestWaitingSince: null });
    // SL = 1 / (2 answered + 1 late abandon + 1 overflow) = 0.25; ASA = (10 + 30) / 2 s.
    expect(q.serviceLevel).toBe(0.25);
    expect(q.asaMs).toBe(20_000);
  });

  it('shows calls waiting and the longest wait from its start, keeping the place across a re-offer', () => {
    const s = board();
    run(s, [waiting('c6', T + 100 * S), waiting('c7', T + 50 * S), waiting('c7', T + 80 * S, T + 120 * S)]);
    const q = queueTile(s, 'q')!;
    expect(q.waiting).toBe(2);
    expect(q.oldestWaitingSince).toBe(new Date(T + 50 * S).toISOString());
    run(s, [answered('c7', 'a1', T + 130 * S)]);
    // c7 waited 80 s from its first queuing (not from the re-offer).
    expect(queueTile(s, 'q')).toMatchObject({ waiting: 1, oldestWaitingSince: new Date(T + 100 * S).toISOString(), asaMs: 80_000, answeredWithin: 0 });
  });

  it('does not count a transfer landing on a second agent as another answered call', () => {
    const s = board();
    run(s, [waiting('c1', T), answered('c1', 'a1', T + 5 * S), answered('c1', 'a3', T + 60 * S, false)]);
    expect(queueTile(s, 'q')).toMatchObject({ answered: 1, offered: 1 });
    expect(agentRow(s, 'a1')!.callsHandled).toBe(1);
    expect(agentRow(s, 'a3')!.callsHandled).toBe(1);
  });

  it('counts the members by state', () => {
    const s = board();
    run(s, [
      { type: 'agentState', agentId: 'a1', state: 'onCall', reason: null, since: T + S, callId: 'c1', at: T + S },
      { type: 'agentState', agentId: 'a2', state: 'paused', reason: 'lunch', since: T + S, callId: null, at: T + S },
      { type: 'agentState', agentId: 'a3', state: 'wrapUp', reason: null, since: T + S, callId: 'c0', at: T + S },
    ]);
    expect(queueTile(s, 'q')!.agents).toEqual({ ready: 0, ringing: 0, onCall: 1, wrapUp: 1, paused: 1, signedOut: 0 });
  });

  it('reports the changed rows: an agent and every queue they are a member of', () => {
    const s = board();
    const ch = foldWallboard(s, { type: 'agentState', agentId: 'a2', state: 'paused', reason: 'lunch', since: T + S, callId: null, at: T + S });
    expect([...ch.agents]).toEqual(['a2']);
    expect([...ch.queues]).toEqual(['q']);
    expect(ch.all).toBe(false);
  });
});

describe('agent rows', () => {
  it('carries the state-since timestamp and the current call with customer, queue and start', () => {
    const s = board();
    run(s, [waiting('c1', T), { type: 'agentState', agentId: 'a1', state: 'onCall', reason: null, since: T + 7 * S, callId: 'c1', at: T + 7 * S }, answered('c1', 'a1', T + 7 * S)]);
    expect(agentRow(s, 'a1')).toEqual({
      agentId: 'a1', name: 'Ann', teamId: 't1', state: 'onCall', reason: null, since: new Date(T + 7 * S).toISOString(),
      call: { callId: 'c1', customer: 'cust c1', queueId: 'q', queueName: 'Sales', campaignId: null, campaignName: null, since: new Date(T + 7 * S).toISOString() },
      callsHandled: 1, pauseMsByReason: {},
    });
    run(s, [ended('c1', 'completed', true, T + 60 * S), { type: 'agentState', agentId: 'a1', state: 'wrapUp', reason: null, since: T + 60 * S, callId: 'c1', at: T + 60 * S }]);
    expect(agentRow(s, 'a1')!.call).toBeNull();
  });

  it('adds up pause time by reason, including a change of reason while paused', () => {
    const s = board();
    const at = (m: number) => T + m * MIN;
    run(s, [
      { type: 'agentState', agentId: 'a3', state: 'paused', reason: 'lunch', since: at(0), callId: null, at: at(0) },
      { type: 'agentState', agentId: 'a3', state: 'ready', reason: null, since: at(30), callId: null, at: at(30) },
      { type: 'agentState', agentId: 'a3', state: 'paused', reason: 'training', since: at(40), callId: null, at: at(40) },
      { type: 'agentState', agentId: 'a3', state: 'paused', reason: 'lunch', since: at(50), callId: null, at: at(50) },
      { type: 'agentState', agentId: 'a3', state: 'ready', reason: null, since: at(55), callId: null, at: at(55) },
    ]);
    expect(agentRow(s, 'a3')!.pauseMsByReason).toEqual({ lunch: 35 * MIN, training: 10 * MIN });
  });
});

describe('the local day boundary', () => {
  it('resets counters at local midnight; a pause across midnight counts from midnight; a wait across midnight counts in the new day', () => {
    const s = board();
    const beforeMidnight = NEXT_DAY - 10 * MIN; // 23:50 local
    run(s, [
      waiting('c1', T), answered('c1', 'a1', T + 5 * S),
      { type: 'agentState', agentId: 'a2', state: 'paused', reason: 'lunch', since: beforeMidnight, callId: null, at: beforeMidnight },
      waiting('c9', NEXT_DAY - MIN), // 23:59
    ]);
    expect(queueTile(s, 'q')!.answered).toBe(1);
    const ch = foldWallboard(s, answered('c9', 'a1', NEXT_DAY + MIN)); // 00:01
    expect(ch.all).toBe(true);
    expect(s.dayStart).toBe(NEXT_DAY);
    expect(queueTile(s, 'q')).toMatchObject({ answered: 1, offered: 1, asaMs: 2 * MIN });
    expect(agentRow(s, 'a1')!.callsHandled).toBe(1);
    run(s, [{ type: 'agentState', agentId: 'a2', state: 'ready', reason: null, since: NEXT_DAY + 10 * MIN, callId: null, at: NEXT_DAY + 10 * MIN }]);
    expect(agentRow(s, 'a2')!.pauseMsByReason).toEqual({ lunch: 10 * MIN });
    expect(wallboardSnapshot(s, NEXT_DAY + 10 * MIN, false)).toMatchObject({ day: '2026-11-28', dayStart: new Date(NEXT_DAY).toISOString(), timeZone: TZ });
  });

  it('rolls over on a plain tick too', () => {
    const s = board();
    run(s, [waiting('c1', T), ended('c1', 'abandoned', false, T + 50 * S)]);
    expect(queueTile(s, 'q')!.abandoned).toBe(1);
    expect(foldWallboard(s, { type: 'tick', at: NEXT_DAY }).all).toBe(true);
    expect(queueTile(s, 'q')!.abandoned).toBe(0);
  });
});

describe('seeding and campaigns', () => {
  it('adds today\'s figures read from the database to the live ones', () => {
    const s = board();
    seedWallboard(s, {
      queues: [{ queueId: 'q', answered: 3, answeredWithin: 3, answeredWaitMs: 30_000, abandoned: 1, abandonedWithin: 0, abandonedWaitMs: 40_000, overflowed: 0 }],
      agents: [{ agentId: 'a1', callsHandled: 2, pauseMs: { lunch: 600_000 } }],
    });
    run(s, [waiting('c1', T), answered('c1', 'a1', T + 50 * S)]);
    // 3 of 4 answered within, the late abandon counts: SL = 3 / (4 + 1) = 0.6; ASA = (30 + 50) / 4 s.
    expect(queueTile(s, 'q')).toMatchObject({ offered: 5, answered: 4, serviceLevel: 0.6, asaMs: 20_000 });
    expect(agentRow(s, 'a1')).toMatchObject({ callsHandled: 3, pauseMsByReason: { lunch: 600_000 } });
  });

  it('keeps the latest progress of each campaign and names the campaign on an agent\'s call', () => {
    const s = board();
    const progress = { campaignId: 'k1', name: 'Renewals', mode: 'predictive', status: 'running', dialRatePerMin: 12, linesInProgress: 4, connectsToday: 30, abandonPctWindow: 1.5, recordsLeft: 900 };
    run(s, [
      { type: 'campaign', progress, at: T },
      { type: 'agentState', agentId: 'a1', state: 'onCall', reason: null, since: T, callId: 'o1', at: T },
      { type: 'callAnswered', callId: 'o1', agentId: 'a1', queueId: null, campaignId: 'k1', customer: '+8613800138000', countForQueue: false, at: T },
    ]);
    expect(wallboardSnapshot(s, T, true).campaigns).toEqual([progress]);
    expect(agentRow(s, 'a1')!.call).toMatchObject({ campaignId: 'k1', campaignName: 'Renewals', queueId: null });
    expect(queueTile(s, 'q')!.answered).toBe(0);
  });
});
