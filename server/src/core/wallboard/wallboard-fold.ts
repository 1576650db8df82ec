// The wallboard as a fold over telephony (and dialer) events with time passed in. No I/O. The state is
// owned by one caller (the wallboard module) and updated in place, because it absorbs thousands of
// events a second; each step reports what changed so only those tiles and rows are pushed.
//
// Figures are counted on the local day the event happened in (answer, abandon, overflow): a call that
// queued at 23:59 and was answered at 00:01 is answered "today" with its full wait. At local midnight
// every counter resets; a pause running across midnight counts from midnight in the new day.
import { accountCall, emptyServiceLevel } from '../acd/service-level.ts';
import { localDayStart, nextLocalDayStart } from './local-day.ts';
import type { AgentFigures, WallboardChanges, WallboardEvent, WallboardState } from './wallboard-types.ts';

export function emptyWallboard(timeZone: string, now: number): WallboardState {
  return {
    timeZone,
    dayStart: localDayStart(now, timeZone),
    nextDayStart: nextLocalDayStart(now, timeZone),
    queues: new Map(),
    agentInfo: new Map(),
    memberOf: new Map(),
    counters: new Map(),
    waiting: new Map(),
    live: new Map(),
    agents: new Map(),
    campaigns: new Map(),
  };
}

export function noChanges(): WallboardChanges {
  return { all: false, queues: new Set(), agents: new Set(), campaigns: new Set(), removedAgents: new Set(), removedQueues: new Set() };
}

export function foldWallboard(s: WallboardState, e: WallboardEvent, changes: WallboardChanges = noChanges()): WallboardChanges {
  if (e.at >= s.nextDayStart) rollDay(s, e.at, changes);
  switch (e.type) {
    case 'directory':
      applyDirectory(s, e, changes);
      break;
    case 'agentState':
      applyAgentState(s, e, changes);
      break;
    case 'callWaiting': {
      const prev = s.waiting.get(e.callId);
      // A re-offer after RONA keeps the call's place; a move to another queue keeps its end-to-end wait.
      s.waiting.set(e.callId, { queueId: e.queueId, since: prev?.since ?? e.waitingSince });
      if (prev && prev.queueId !== e.queueId) changes.queues.add(prev.queueId);
      changes.queues.add(e.queueId);
      break;
    }
    case 'callAnswered':
      applyAnswered(s, e, changes);
      break;
    case 'callEnded':
      applyEnded(s, e, changes);
      break;
    case 'campaign':
      s.campaigns.set(e.progress.campaignId, e.progress);
      changes.campaigns.add(e.progress.campaignId);
      break;
    case 'campaignRemoved':
      if (s.campaigns.delete(e.campaignId)) changes.all = true;
      break;
    case 'tick':
      break;
  }
  return changes;
}

function rollDay(s: WallboardState, at: number, changes: WallboardChanges): void {
  s.dayStart = localDayStart(at, s.timeZone);
  s.nextDayStart = nextLocalDayStart(at, s.timeZone);
  s.counters.clear();
  for (const a of s.agents.values()) {
    a.callsHandled = 0;
    a.pauseMs = {};
  }
  changes.all = true;
}

function counterOf(s: WallboardState, queueId: string) {
  let c = s.counters.get(queueId);
  if (!c) {
    c = emptyServiceLevel();
    s.counters.set(queueId, c);
  }
  return c;
}

function thresholdMs(s: WallboardState, queueId: string): number {
  return (s.queues.get(queueId)?.serviceLevelSec ?? 20) * 1000;
}

function applyDirectory(s: WallboardState, e: Extract<WallboardEvent, { type: 'directory' }>, changes: WallboardChanges): void {
  for (const id of s.queues.keys()) if (!e.queues.some((q) => q.id === id)) changes.removedQueues.add(id);
  s.queues = new Map(e.queues.map((q) => [q.id, q]));
  s.agentInfo = new Map(e.agents.map((a) => [a.id, a]));
  s.memberOf = new Map();
  for (const q of e.queues) for (const m of q.members) s.memberOf.set(m, [...(s.memberOf.get(m) ?? []), q.id]);
  changes.all = true;
}

/** Agents touching a queue's staffing counts: every queue they are a member of. */
function touchAgent(s: WallboardState, agentId: string, changes: WallboardChanges): void {
  changes.agents.add(agentId);
  for (const q of s.memberOf.get(agentId) ?? []) changes.queues.add(q);
}

function applyAgentState(s: WallboardState, e: Extract<WallboardEvent, { type: 'agentState' }>, changes: WallboardChanges): void {
  const prev = s.agents.get(e.agentId);
  const next: AgentFigures = prev ?? { state: e.state, reason: e.reason, since: e.since, callId: e.callId, callsHandled: 0, pauseMs: {} };
  if (prev?.state === 'paused' && prev.reason && !(e.state === 'paused' && e.reason === prev.reason && e.since === prev.since)) {
    // The pause ended (or changed reason): what lies inside today counts.
    const from = Math.max(prev.since, s.dayStart);
    const to = Math.max(from, Math.min(e.since, e.at));
    prev.pauseMs[prev.reason] = (prev.pauseMs[prev.reason] ?? 0) + (to - from);
  }
  next.state = e.state;
  next.reason = e.reason;
  next.since = e.since;
  next.callId = e.callId;
  s.agents.set(e.agentId, next);
  touchAgent(s, e.agentId, changes);
}

function applyAnswered(s: WallboardState, e: Extract<WallboardEvent, { type: 'callAnswered' }>, changes: WallboardChanges): void {
  const waiting = s.waiting.get(e.callId);
  s.waiting.delete(e.callId);
  const queueId = e.queueId ?? waiting?.queueId ?? null;
  if (waiting) changes.queues.add(waiting.queueId);
  if (queueId && e.countForQueue) {
    const waitMs = waiting ? Math.max(0, e.at - waiting.since) : 0;
    s.counters.set(queueId, accountCall(counterOf(s, queueId), { outcome: 'completed', waitMs, answeredAt: e.at, abandonedIn: null, queuedAt: waiting?.since ?? e.at }, thresholdMs(s, queueId)));
    changes.queues.add(queueId);
  }
  const prev = s.live.get(e.callId);
  if (prev && prev.agentId !== e.agentId) changes.agents.add(prev.agentId);
  s.live.set(e.callId, { agentId: e.agentId, queueId, campaignId: e.campaignId, campaignName: e.campaignName ?? null, customer: e.customer, since: e.at });
  let agent = s.agents.get(e.agentId);
  if (!agent) {
    // The agent's own state event may come after the call's (the runtime applies them in either order).
    agent = { state: 'onCall', reason: null, since: e.at, callId: e.callId, callsHandled: 0, pauseMs: {} };
    s.agents.set(e.agentId, agent);
  }
  agent.callsHandled += 1;
  changes.agents.add(e.agentId);
}

function applyEnded(s: WallboardState, e: Extract<WallboardEvent, { type: 'callEnded' }>, changes: WallboardChanges): void {
  const waiting = s.waiting.get(e.callId);
  s.waiting.delete(e.callId);
  const live = s.live.get(e.callId);
  s.live.delete(e.callId);
  if (live) changes.agents.add(live.agentId);
  if (waiting) changes.queues.add(waiting.queueId);
  const queueId = e.queueId ?? waiting?.queueId ?? null;
  if (e.answered || !queueId || !waiting) return; // answered calls were counted at answer; IVR hang-ups never queued
  if (e.outcome !== 'abandoned' && e.outcome !== 'overflowed') return;
  const waitMs = Math.max(0, e.at - waiting.since);
  s.counters.set(queueId, accountCall(counterOf(s, queueId), { outcome: e.outcome, waitMs, answeredAt: null, abandonedIn: 'queue', queuedAt: waiting.since }, thresholdMs(s, queueId)));
  changes.queues.add(queueId);
}

/** Today's figures read back from the database at start (calls and pauses that happened before it). */
export interface WallboardSeed {
  queues: { queueId: string; answered: number; answeredWithin: number; answeredWaitMs: number; abandoned: number; abandonedWithin: number; abandonedWaitMs: number; overflowed: number }[];
  agents: { agentId: string; callsHandled: number; pauseMs: Record<string, number> }[];
}

export function seedWallboard(s: WallboardState, seed: WallboardSeed): void {
  for (const q of seed.queues) {
    const c = counterOf(s, q.queueId);
    s.counters.set(q.queueId, {
      offered: c.offered + q.answered + q.abandoned + q.overflowed,
      answered: c.answered + q.answered,
      answeredWithin: c.answeredWithin + q.answeredWithin,
      answeredWaitMs: c.answeredWaitMs + q.answeredWaitMs,
      abandoned: c.abandoned + q.abandoned,
      abandonedWithin: c.abandonedWithin + q.abandonedWithin,
      abandonedWaitMs: c.abandonedWaitMs + q.abandonedWaitMs,
      overflowed: c.overflowed + q.overflowed,
    });
  }
  for (const a of seed.agents) {
    let f = s.agents.get(a.agentId);
    if (!f) {
      f = { state: 'signedOut', reason: null, since: s.dayStart, callId: null, callsHandled: 0, pauseMs: {} };
      s.agents.set(a.agentId, f);
    }
    f.callsHandled += a.callsHandled;
    for (const [r, ms] of Object.entries(a.pauseMs)) f.pauseMs[r] = (f.pauseMs[r] ?? 0) + ms;
  }
}
