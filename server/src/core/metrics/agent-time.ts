// Agent time from the state history: each row opens a state that lasts until the agent's next row.
// Intervals are clipped to the report range (and to "now" for a state still going on) and split at
// local midnights, so a state that spans midnight counts on both days. Signed-out time is not time.
import type { AgentStateFact, AgentStateKind } from './facts.ts';
import { nextMidnight, periodKey, type Granularity } from './periods.ts';

export interface StateInterval {
  agentId: string;
  state: AgentStateKind;
  reason: string | null;
  callId: string | null;
  from: number;
  to: number;
}

/**
 * `facts` may hold, per agent, one row before `from` (the state the agent was in when the range
 * began). Rows are ordered here; `until` is min(range end, now).
 */
export function stateIntervals(facts: readonly AgentStateFact[], from: number, until: number): StateInterval[] {
  const byAgent = new Map<string, AgentStateFact[]>();
  for (const f of facts) {
    const list = byAgent.get(f.agentId) ?? [];
    list.push(f);
    byAgent.set(f.agentId, list);
  }
  const out: StateInterval[] = [];
  for (const [agentId, list] of byAgent) {
    list.sort((a, b) => a.at - b.at);
    list.forEach((f, i) => {
      if (f.state === 'signedOut') return;
      const start = Math.max(f.at, from);
      const end = Math.min(list[i + 1]?.at ?? until, until);
      if (end > start) out.push({ agentId, state: f.state, reason: f.reason, callId: f.callId, from: start, to: end });
    });
  }
  return out;
}

/** Splits an interval at each local midnight it crosses. */
export function splitAtMidnight(iv: StateInterval, tz: string): StateInterval[] {
  const parts: StateInterval[] = [];
  let start = iv.from;
  while (start < iv.to) {
    const end = Math.min(nextMidnight(start, tz), iv.to);
    parts.push({ ...iv, from: start, to: end });
    start = end;
  }
  return parts;
}

export interface AgentTime {
  readyMs: number;
  ringingMs: number;
  onCallMs: number;
  wrapUpMs: number;
  pausedMs: number;
  pausedByReason: Record<string, number>;
  /** Distinct calls the agent went on (counted in the period the agent answered). */
  handled: number;
}

export function emptyAgentTime(): AgentTime {
  return { readyMs: 0, ringingMs: 0, onCallMs: 0, wrapUpMs: 0, pausedMs: 0, pausedByReason: {}, handled: 0 };
}

function addInterval(t: AgentTime, iv: StateInterval, countsAnswer: boolean): void {
  const ms = iv.to - iv.from;
  switch (iv.state) {
    case 'ready': t.readyMs += ms; break;
    case 'ringing': t.ringingMs += ms; break;
    case 'onCall':
      t.onCallMs += ms;
      if (countsAnswer) t.handled += 1;
      break;
    case 'wrapUp': t.wrapUpMs += ms; break;
    case 'paused': {
      t.pausedMs += ms;
      const r = iv.reason ?? 'none';
      t.pausedByReason[r] = (t.pausedByReason[r] ?? 0) + ms;
      break;
    }
    case 'signedOut': break;
  }
}

/** Agent time per `${period}\u0000${agentId}` (split at midnights, then bucketed). */
export function agentTimeByPeriod(intervals: readonly StateInterval[], g: Granularity, tz: string): Map<string, { period: string; agentId: string; time: AgentTime }> {
  const out = new Map<string, { period: string; agentId: string; time: AgentTime }>();
  for (const iv of intervals) {
    splitAtMidnight(iv, tz).forEach((part, i) => {
      const period = periodKey(part.from, g, tz);
      const key = `${period}\u0000${iv.agentId}`;
      let entry = out.get(key);
      if (!entry) {
        entry = { period, agentId: iv.agentId, time: emptyAgentTime() };
        out.set(key, entry);
      }
      // A call is handled once, in the piece where the agent went on it (an onCall row that began before
      // the range was answered in an earlier report's range).
      addInterval(entry.time, part, i === 0 && part.from === iv.from);
    });
  }
  return out;
}

export interface AgentFigures {
  handled: number;
  signedInSec: number;
  readySec: number;
  ringingSec: number;
  onCallSec: number;
  wrapUpSec: number;
  pausedSec: number;
  pausedByReasonSec: Record<string, number>;
  /** (on call + wrap-up) / handled calls. */
  ahtSec: number | null;
  /** Busy share of the time the agent was available or busy: (on call + wrap-up) / (that + ready + ringing). */
  occupancy: number | null;
  /** Busy share of all signed-in time, pauses included: (on call + wrap-up) / signed-in. */
  utilisation: number | null;
}

const s = (ms: number) => Math.round(ms / 100) / 10;

export function agentFigures(t: AgentTime): AgentFigures {
  const busy = t.onCallMs + t.wrapUpMs;
  const staffed = busy + t.readyMs + t.ringingMs;
  const signedIn = staffed + t.pausedMs;
  return {
    handled: t.handled,
    signedInSec: s(signedIn),
    readySec: s(t.readyMs),
    ringingSec: s(t.ringingMs),
    onCallSec: s(t.onCallMs),
    wrapUpSec: s(t.wrapUpMs),
    pausedSec: s(t.pausedMs),
    pausedByReasonSec: Object.fromEntries(Object.entries(t.pausedByReason).map(([k, v]) => [k, s(v)])),
    ahtSec: t.handled === 0 ? null : s(busy / t.handled),
    occupancy: staffed === 0 ? null : busy / staffed,
    utilisation: signedIn === 0 ? null : busy / signedIn,
  };
}

