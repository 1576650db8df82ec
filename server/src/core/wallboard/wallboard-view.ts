// Reads the wallboard state back as the contract's tiles and rows (contracts/wallboard.ts). Pure.
import { averageSpeedOfAnswerMs, emptyServiceLevel, serviceLevel } from '../acd/service-level.ts';
import type { WallboardAgentRow, WallboardQueueTile, WallboardSnapshot } from '../../contracts/wallboard.ts';
import { localDate } from './local-day.ts';
import type { WallboardState } from './wallboard-types.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function queueTile(s: WallboardState, queueId: string): WallboardQueueTile | undefined {
  const q = s.queues.get(queueId);
  if (!q) return undefined;
  const c = s.counters.get(queueId) ?? emptyServiceLevel();
  let waiting = 0;
  let oldest: number | null = null;
  for (const w of s.waiting.values()) {
    if (w.queueId !== queueId) continue;
    waiting++;
    if (oldest === null || w.since < oldest) oldest = w.since;
  }
  const agents = { ready: 0, ringing: 0, onCall: 0, wrapUp: 0, paused: 0, signedOut: 0 };
  for (const m of q.members) agents[s.agents.get(m)?.state ?? 'signedOut']++;
  return {
    queueId,
    name: q.name,
    waiting,
    oldestWaitingSince: oldest === null ? null : iso(oldest),
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    abandonedWithin: c.abandonedWithin,
    answeredWithin: c.answeredWithin,
    serviceLevel: serviceLevel(c),
    serviceLevelSec: q.serviceLevelSec,
    asaMs: averageSpeedOfAnswerMs(c),
    agents,
  };
}

export function agentRow(s: WallboardState, agentId: string): WallboardAgentRow | undefined {
  const info = s.agentInfo.get(agentId);
  const f = s.agents.get(agentId);
  if (!info && !f) return undefined;
  const liveCall = f?.callId ? s.live.get(f.callId) : undefined;
  const showCall = liveCall && liveCall.agentId === agentId && f && (f.state === 'onCall' || f.state === 'wrapUp');
  const queueName = liveCall?.queueId ? (s.queues.get(liveCall.queueId)?.name ?? null) : null;
  const campaignName = liveCall?.campaignId ? (liveCall.campaignName ?? s.campaigns.get(liveCall.campaignId)?.name ?? null) : null;
  return {
    agentId,
    name: info?.name ?? agentId,
    teamId: info?.teamId ?? null,
    state: f?.state ?? 'signedOut',
    reason: f?.reason ?? null,
    since: iso(f?.since ?? s.dayStart),
    call: showCall && f.callId
      ? { callId: f.callId, customer: liveCall.customer, queueId: liveCall.queueId, queueName, campaignId: liveCall.campaignId, campaignName, since: iso(liveCall.since) }
      : null,
    callsHandled: f?.callsHandled ?? 0,
    pauseMsByReason: { ...(f?.pauseMs ?? {}) },
  };
}

/** Agents shown: those in the directory plus any that reported a state (e.g. not in a queue). */
export function agentIds(s: WallboardState): string[] {
  return [...new Set([...s.agentInfo.keys(), ...s.agents.keys()])];
}

export function wallboardSnapshot(s: WallboardState, at: number, campaignsAvailable: boolean): WallboardSnapshot {
  return {
    at: iso(at),
    day: localDate(s.dayStart, s.timeZone),
    dayStart: iso(s.dayStart),
    timeZone: s.timeZone,
    queues: [...s.queues.keys()].map((id) => queueTile(s, id)!),
    agents: agentIds(s).map((id) => agentRow(s, id)!),
    campaigns: [...s.campaigns.values()],
    campaignsAvailable,
  };
}
