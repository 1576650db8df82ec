// Selection for one caller: scan the queue's ready members once, keep the lowest penalty tier seen,
// and within it the best agent by the queue's strategy (or every agent, for ring-all).
import type { AcdAgent, QueueConfig, WaitingCaller } from './acd-types.ts';
import type { AcdIndex } from './agent-index.ts';
import { maxPenaltyAt, meetsRequirements, requirementsAt } from './eligibility.ts';
import { ranksBefore } from './strategies.ts';

export interface SelectOptions {
  /** Agents already given a call in this routing pass. */
  taken?: ReadonlySet<string>;
  /** Round-robin cursor of the caller's queue. */
  cursor?: string | undefined;
}

/**
 * The agents to offer the caller's call to now: one id, every id of the best tier for ring-all, or
 * none. Cost: O(ready members of the queue × required skills).
 */
export function selectAgent(index: AcdIndex, caller: WaitingCaller, now: number, opts: SelectOptions = {}): string[] {
  const q = index.queues.get(caller.queueId);
  if (!q || q.ready.size === 0) return [];
  const config: QueueConfig = q.config;
  const waitMs = now - caller.queuedAt;
  const reqs = requirementsAt(config, waitMs);
  const cap = maxPenaltyAt(config, waitMs);
  const taken = opts.taken;
  const ctx = { config, cursor: opts.cursor };
  const ringAll = config.strategy === 'ringAll';

  let tier = Number.POSITIVE_INFINITY;
  let best: AcdAgent | undefined;
  let all: AcdAgent[] = [];
  for (const { agent, penalty } of q.ready.values()) {
    if (penalty > cap || penalty > tier) continue;
    if (taken?.has(agent.id)) continue;
    if (!meetsRequirements(agent, reqs)) continue;
    if (penalty < tier) {
      tier = penalty;
      best = undefined;
      all = [];
    }
    if (ringAll) all.push(agent);
    else if (!best || ranksBefore(config.strategy, agent, best, ctx)) best = agent;
  }
  if (ringAll) return all.map((a) => a.id).sort();
  return best ? [best.id] : [];
}
