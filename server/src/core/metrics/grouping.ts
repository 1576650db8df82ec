// Folding facts into report rows: one row per (period, group) for the chosen dimension.
import { emptyAgentTime, type AgentTime, type StateInterval, agentTimeByPeriod } from './agent-time.ts';
import { addCall, callFigures, emptyCalls, type CallAccumulator, type CallFigures } from './call-figures.ts';
import type { CallFact } from './facts.ts';
import { periodKey, type Granularity } from './periods.ts';

export type Dimension = 'queue' | 'agent' | 'team' | 'campaign';

/** The group of a call in a dimension; null = none (e.g. an abandoned call has no agent or team). */
export function callGroup(c: CallFact, d: Dimension): string | null {
  switch (d) {
    case 'queue': return c.queueId;
    case 'agent': return c.agentId;
    case 'team': return c.teamId;
    case 'campaign': return c.campaignId;
  }
}

export interface CallRow extends CallFigures {
  period: string;
  group: string | null;
}

/** Rows sorted by period then group; plus a total row per period (group '*') when `totals`. */
export function callRows(calls: readonly CallFact[], g: Granularity, d: Dimension, tz: string, totals = true): CallRow[] {
  const acc = new Map<string, { period: string; group: string | null; acc: CallAccumulator }>();
  const add = (period: string, group: string | null, c: CallFact) => {
    const key = `${period}\u0000${group ?? ''}`;
    let e = acc.get(key);
    if (!e) {
      e = { period, group, acc: emptyCalls() };
      acc.set(key, e);
    }
    addCall(e.acc, c);
  };
  for (const c of calls) {
    const period = periodKey(c.enteredAt, g, tz);
    add(period, callGroup(c, d), c);
    if (totals) add(period, '*', c);
  }
  return [...acc.values()]
    .map((e) => ({ period: e.period, group: e.group, ...callFigures(e.acc) }))
    .sort((a, b) => a.period.localeCompare(b.period) || groupOrder(a.group) - groupOrder(b.group) || String(a.group).localeCompare(String(b.group)));
}

const groupOrder = (g: string | null) => (g === '*' ? 2 : g === null ? 1 : 0);

export function addAgentTime(into: AgentTime, t: AgentTime): AgentTime {
  into.readyMs += t.readyMs;
  into.ringingMs += t.ringingMs;
  into.onCallMs += t.onCallMs;
  into.wrapUpMs += t.wrapUpMs;
  into.pausedMs += t.pausedMs;
  into.handled += t.handled;
  for (const [r, ms] of Object.entries(t.pausedByReason)) into.pausedByReason[r] = (into.pausedByReason[r] ?? 0) + ms;
  return into;
}

/**
 * Agent time per (period, group): by agent, or rolled up by team (`teamOf` maps an agent to their
 * team; agents without a team group under null).
 */
export function agentTimeRows(intervals: readonly StateInterval[], g: Granularity, tz: string, by: 'agent' | 'team', teamOf: (agentId: string) => string | null): { period: string; group: string | null; time: AgentTime }[] {
  const perAgent = agentTimeByPeriod(intervals, g, tz);
  if (by === 'agent') return [...perAgent.values()].map((e) => ({ period: e.period, group: e.agentId, time: e.time })).sort((a, b) => a.period.localeCompare(b.period) || String(a.group).localeCompare(String(b.group)));
  const out = new Map<string, { period: string; group: string | null; time: AgentTime }>();
  for (const e of perAgent.values()) {
    const team = teamOf(e.agentId);
    const key = `${e.period}\u0000${team ?? ''}`;
    const row = out.get(key) ?? { period: e.period, group: team, time: emptyAgentTime() };
    addAgentTime(row.time, e.time);
    out.set(key, row);
  }
  return [...out.values()].sort((a, b) => a.period.localeCompare(b.period) || String(a.group).localeCompare(String(b.group)));
}
