// One routing pass: given the index, the waiting callers and the time, decide who is offered to whom,
// who overflows, and who hears an announcement. Run it whenever something changes (a caller joins,
// an agent becomes ready) and on a timer for relaxation, max wait and announcements.
//
// Cross-queue rule: callers of ALL queues are served in one global order — higher priority first,
// then longest waiting (waitingSince, kept across RONA and overflow), then callId — and each takes
// the best free agent by its own queue's strategy. So a free agent who belongs to several queues goes
// to the highest-priority, longest-waiting caller among those queues who can use him, and no caller
// stays waiting while a caller behind them takes an agent they could have had. Priority is compared
// across queues as well as within one: a VIP queue's callers can be given priority to win shared agents.
import { createIndex, type AcdIndex } from './agent-index.ts';
import type { AcdAgent, Announcement, QueueConfig, RoutingDecision, WaitingCaller } from './acd-types.ts';
import { announcementDue, estimateWaitMs } from './announcements.ts';
import { stepIndex } from './eligibility.ts';
import { selectAgent } from './select-agent.ts';

export interface RouteInput {
  index: AcdIndex;
  callers: readonly WaitingCaller[];
  /** Round-robin cursors: queueId → the member offered last. */
  cursors?: Readonly<Record<string, string>>;
  /** Average handle time per queue (announcements.ts), for estimated wait. */
  ahtMs?: Readonly<Record<string, number>>;
}

export interface RouteResult {
  /** At most one per caller: an offer or an overflow. Callers without one stay queued. */
  decisions: RoutingDecision[];
  announcements: Announcement[];
  /** Cursors after this pass; store them for the next one. */
  cursors: Record<string, string>;
}

export function compareCallers(a: WaitingCaller, b: WaitingCaller): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince - b.waitingSince;
  return a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0;
}

export function route(input: RouteInput, now: number): RouteResult {
  const { index } = input;
  const cursors: Record<string, string> = { ...input.cursors };
  const ordered = [...input.callers].sort(compareCallers);
  const taken = new Set<string>();
  // "Nobody free" for (queue, relax step, penalty step): a later caller with the same rules cannot do
  // better, because the taken set only grows during a pass. This bounds a pass by the ready members of
  // the queues, not by callers × members.
  const dry = new Set<string>();
  const decisions: RoutingDecision[] = [];
  const stillWaiting: WaitingCaller[] = [];

  for (const caller of ordered) {
    const q = index.queues.get(caller.queueId);
    if (!q) {
      stillWaiting.push(caller);
      continue;
    }
    const waitMs = now - caller.queuedAt;
    const key = `${caller.queueId}\u0000${stepIndex(q.config.relaxSteps, waitMs)}\u0000${stepIndex(q.config.penaltySteps, waitMs)}`;
    const agentIds = taken.size >= index.readyCount || dry.has(key) ? [] : selectAgent(index, caller, now, { taken, cursor: cursors[caller.queueId] });
    if (agentIds.length) {
      for (const id of agentIds) taken.add(id);
      if (q.config.strategy === 'roundRobin') cursors[caller.queueId] = agentIds[0]!;
      decisions.push({ kind: 'offer', callId: caller.callId, queueId: caller.queueId, agentIds, ringTimeoutMs: q.config.ringTimeoutMs, wrapUpMs: q.config.wrapUpMs });
      continue;
    }
    dry.add(key);
    const target = q.config.overflow;
    const maxWait = q.config.maxWaitMs;
    if (target && maxWait !== undefined && maxWait !== null && waitMs >= maxWait) {
      decisions.push({ kind: 'overflow', callId: caller.callId, queueId: caller.queueId, target, waitedMs: waitMs, reason: 'maxWait' });
    } else if (target && q.config.overflowWhenUnstaffed && q.staffed.size === 0) {
      decisions.push({ kind: 'overflow', callId: caller.callId, queueId: caller.queueId, target, waitedMs: waitMs, reason: 'unstaffed' });
    } else {
      stillWaiting.push(caller);
    }
  }
  return { decisions, announcements: announce(index, stillWaiting, now, input.ahtMs), cursors };
}

/** Announcements for callers who stay queued; positions count only callers still waiting after the pass. */
function announce(index: AcdIndex, waiting: readonly WaitingCaller[], now: number, ahtMs: RouteInput['ahtMs']): Announcement[] {
  const out: Announcement[] = [];
  const positions = new Map<string, number>();
  for (const caller of waiting) {
    const position = (positions.get(caller.queueId) ?? 0) + 1;
    positions.set(caller.queueId, position);
    const q = index.queues.get(caller.queueId);
    const policy = q?.config.announcements;
    if (!q || !policy || !announcementDue(policy, caller, now)) continue;
    out.push({
      callId: caller.callId,
      queueId: caller.queueId,
      position: policy.position ? position : null,
      estimatedWaitMs: policy.estimatedWait ? estimateWaitMs(position, q.staffed.size, ahtMs?.[caller.queueId]) : null,
    });
  }
  return out;
}

export interface AcdSnapshot {
  queues: readonly QueueConfig[];
  agents: readonly AcdAgent[];
  callers: readonly WaitingCaller[];
  cursors?: Readonly<Record<string, string>>;
  ahtMs?: Readonly<Record<string, number>>;
}

/** route() on plain values, building the index first: for tests, tools and one-off decisions. */
export function routeSnapshot(snapshot: AcdSnapshot, now: number): RouteResult {
  const { queues, agents, ...rest } = snapshot;
  return route({ index: createIndex(queues, agents), ...rest }, now);
}
