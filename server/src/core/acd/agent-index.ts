// The ACD's working set: queues with their members, and for each queue the set of members who are
// ready now. Selection then scans only ready members of one queue (O(eligible agents)) instead of
// every agent, which is what keeps a routing pass well under a millisecond at 1,000 agents.
//
// Why this is mutated in place rather than copied: the index is a cache derivable at any time from
// the agent states and the queue configuration (createIndex), owned by the one telephony actor that
// applies agent transitions in order. Copying 1,000 agents and 100 member maps on every transition
// would cost more than routing itself. Each update is O(memberships of that agent). A property test
// checks that any sequence of updates leaves the same index as building it afresh.
import type { AcdAgent, QueueConfig } from './acd-types.ts';

export interface QueueRuntime {
  config: QueueConfig;
  /** agentId → penalty */
  members: Map<string, number>;
  /** Members who are available now, with what selection reads, so a scan needs no further lookups. */
  ready: Map<string, ReadyMember>;
  /** Members signed in and not paused. */
  staffed: Set<string>;
}

export interface ReadyMember {
  agent: AcdAgent;
  penalty: number;
}

export interface AcdIndex {
  queues: Map<string, QueueRuntime>;
  agents: Map<string, AcdAgent>;
  /** Agents available now, in any queue: routing stops early when every one has been given a call. */
  readyCount: number;
}

export function createIndex(queues: readonly QueueConfig[], agents: readonly AcdAgent[]): AcdIndex {
  const index: AcdIndex = { queues: new Map(), agents: new Map(), readyCount: 0 };
  for (const q of queues) putQueue(index, q);
  for (const a of agents) putAgent(index, a);
  return index;
}

/** Adds or reconfigures a queue. Reconfiguring keeps members; adding picks up agents already listing it. */
export function putQueue(index: AcdIndex, config: QueueConfig): void {
  const existing = index.queues.get(config.id);
  if (existing) {
    existing.config = config;
    return;
  }
  const runtime: QueueRuntime = { config, members: new Map(), ready: new Map(), staffed: new Set() };
  index.queues.set(config.id, runtime);
  for (const a of index.agents.values()) {
    const penalty = a.queues[config.id];
    if (penalty !== undefined) join(runtime, a, penalty);
  }
}

export function removeQueue(index: AcdIndex, queueId: string): void {
  index.queues.delete(queueId);
}

/** Adds or replaces an agent (new status, skills or memberships). */
export function putAgent(index: AcdIndex, agent: AcdAgent): void {
  removeAgent(index, agent.id);
  index.agents.set(agent.id, agent);
  if (agent.available) index.readyCount++;
  for (const [queueId, penalty] of Object.entries(agent.queues)) {
    const q = index.queues.get(queueId);
    if (q) join(q, agent, penalty);
  }
}

export function removeAgent(index: AcdIndex, agentId: string): void {
  const old = index.agents.get(agentId);
  if (!old) return;
  index.agents.delete(agentId);
  if (old.available) index.readyCount--;
  for (const queueId of Object.keys(old.queues)) {
    const q = index.queues.get(queueId);
    if (!q) continue;
    q.members.delete(agentId);
    q.ready.delete(agentId);
    q.staffed.delete(agentId);
  }
}

function join(q: QueueRuntime, agent: AcdAgent, penalty: number): void {
  q.members.set(agent.id, penalty);
  if (agent.available) q.ready.set(agent.id, { agent, penalty });
  if (agent.staffed) q.staffed.add(agent.id);
}

/** A comparable, order-independent view of the index (for tests and debugging). */
export function describeIndex(index: AcdIndex): Record<string, { members: [string, number][]; ready: string[]; staffed: string[] }> {
  const out: Record<string, { members: [string, number][]; ready: string[]; staffed: string[] }> = {};
  for (const [id, q] of [...index.queues].sort(([a], [b]) => cmp(a, b))) {
    out[id] = { members: [...q.members].sort(([a], [b]) => cmp(a, b)), ready: [...q.ready.keys()].sort(cmp), staffed: [...q.staffed].sort(cmp) };
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
