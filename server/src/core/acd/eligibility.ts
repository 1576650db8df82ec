// Who may take a caller's call, as a function of how long the caller has waited in the queue.
// Relaxation is step-wise: the latest step whose afterWaitMs has passed replaces the requirements
// (or the penalty cap). Steps are looked up by index so routing can tell two callers of one queue
// face the same rules (route.ts caches "nobody free" per queue and step).
import type { AcdAgent, QueueConfig, SkillRequirement } from './acd-types.ts';

const NONE: readonly SkillRequirement[] = [];

/** -1 before the first step. Steps are few (a handful), so a linear scan beats anything clever. */
export function stepIndex(steps: readonly { afterWaitMs: number }[] | undefined, waitMs: number): number {
  if (!steps) return -1;
  let found = -1;
  for (let i = 0; i < steps.length; i++) if (steps[i]!.afterWaitMs <= waitMs && (found < 0 || steps[i]!.afterWaitMs >= steps[found]!.afterWaitMs)) found = i;
  return found;
}

export function requirementsAt(config: QueueConfig, waitMs: number): readonly SkillRequirement[] {
  const i = stepIndex(config.relaxSteps, waitMs);
  return i < 0 ? (config.requirements ?? NONE) : config.relaxSteps![i]!.requirements;
}

export function maxPenaltyAt(config: QueueConfig, waitMs: number): number {
  if (!config.penaltySteps?.length) return Number.POSITIVE_INFINITY;
  const i = stepIndex(config.penaltySteps, waitMs);
  return i < 0 ? (config.basePenaltyCap ?? 0) : config.penaltySteps[i]!.maxPenalty;
}

export function meetsRequirements(agent: AcdAgent, reqs: readonly SkillRequirement[]): boolean {
  for (const r of reqs) if ((agent.skills[r.skill] ?? 0) < r.minLevel) return false;
  return true;
}

/**
 * Skills-based ranking: the sum of the agent's levels in the queue's own (unrelaxed) skills, so even
 * after relaxation the best-matched free agent is preferred.
 */
export function skillScore(agent: AcdAgent, config: QueueConfig): number {
  let score = 0;
  for (const r of config.requirements ?? NONE) score += agent.skills[r.skill] ?? 0;
  return score;
}
