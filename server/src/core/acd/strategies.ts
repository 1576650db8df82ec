// How each strategy ranks two eligible agents of the same penalty tier. Every comparison ends on the
// agent id, so the choice never depends on Set or Map iteration order: same input, same decision.
import type { AcdAgent, QueueConfig, Strategy } from './acd-types.ts';
import { skillScore } from './eligibility.ts';

export interface RankContext {
  config: QueueConfig;
  /** Round-robin: the member offered last in this queue (the cursor), or undefined at the start. */
  cursor: string | undefined;
}

/** True when `a` should be chosen over `b`. Ring-all does not rank (it offers the whole tier). */
export function ranksBefore(strategy: Strategy, a: AcdAgent, b: AcdAgent, ctx: RankContext): boolean {
  switch (strategy) {
    case 'longestIdle':
    case 'ringAll':
      return byIdle(a, b);
    case 'fewestCalls':
      if (a.callsToday !== b.callsToday) return a.callsToday < b.callsToday;
      return byIdle(a, b);
    case 'skillsBased': {
      const sa = skillScore(a, ctx.config);
      const sb = skillScore(b, ctx.config);
      if (sa !== sb) return sa > sb;
      return byIdle(a, b);
    }
    case 'roundRobin':
      return rrRank(a.id, ctx.cursor) < rrRank(b.id, ctx.cursor) || (rrRank(a.id, ctx.cursor) === rrRank(b.id, ctx.cursor) && a.id < b.id);
  }
}

/**
 * Round-robin over members in id order, starting after the cursor and wrapping: ids after the cursor
 * come first (rank 0), then the rest from the beginning (rank 1). Comparing against the cursor keeps
 * this O(eligible) without a sorted member list, and is stable across restarts (ids, not positions).
 */
function rrRank(id: string, cursor: string | undefined): number {
  return cursor === undefined || id > cursor ? 0 : 1;
}

function byIdle(a: AcdAgent, b: AcdAgent): boolean {
  if (a.idleSince !== b.idleSince) return a.idleSince < b.idleSince;
  return a.id < b.id;
}
