// Values the ACD engine decides on. Queue configuration comes from the database, agents from the
// agent state machines (see agent-view.ts), callers from the call state machines in `queued`.
import type { OverflowTarget } from '../call/call-types.ts';

export type { OverflowTarget };

export type Strategy = 'ringAll' | 'longestIdle' | 'fewestCalls' | 'roundRobin' | 'skillsBased';

export interface SkillRequirement {
  skill: string;
  minLevel: number;
}

/** From afterWaitMs in the queue on, `requirements` replaces the queue's own list (relaxation). */
export interface RelaxStep {
  afterWaitMs: number;
  requirements: SkillRequirement[];
}

/** From afterWaitMs in the queue on, members with a penalty up to maxPenalty may be offered the call. */
export interface PenaltyStep {
  afterWaitMs: number;
  maxPenalty: number;
}

export interface AnnouncementPolicy {
  firstAfterMs: number;
  everyMs: number;
  position: boolean;
  estimatedWait: boolean;
}

export interface QueueConfig {
  id: string;
  strategy: Strategy;
  /** Skills an agent needs (level ≥ minLevel) before relaxation; any strategy honours them. */
  requirements?: readonly SkillRequirement[];
  /** Must be relaxations: each later step asks no more than the one before it (see requirementsAt). */
  relaxSteps?: readonly RelaxStep[];
  /** Without steps every penalty tier may be used (lowest available tier first). With steps, the
   * cap before the first step is `basePenaltyCap` (default 0: only the best tier). */
  penaltySteps?: readonly PenaltyStep[];
  basePenaltyCap?: number;
  maxWaitMs?: number | null;
  overflow?: OverflowTarget | null;
  /** Overflow at once when no member is signed in and available for work (no point waiting). */
  overflowWhenUnstaffed?: boolean;
  ringTimeoutMs: number;
  wrapUpMs: number;
  serviceLevelMs: number;
  musicClass?: string;
  announcements?: AnnouncementPolicy | null;
}

/** What the ACD needs of an agent. Kept flat so the index can compare agents without lookups. */
export interface AcdAgent {
  id: string;
  /** Ready: may be offered a call now. */
  available: boolean;
  /** Signed in and not paused (ready, ringing, on a call, wrapping up): counts for EWT and "unstaffed". */
  staffed: boolean;
  idleSince: number;
  callsToday: number;
  skills: Readonly<Record<string, number>>;
  /** queueId → penalty (lower is offered first). */
  queues: Readonly<Record<string, number>>;
}

export interface WaitingCaller {
  callId: string;
  queueId: string;
  /** Higher is served first. */
  priority: number;
  /** First queued (kept across RONA and overflow): orders callers across queues. */
  waitingSince: number;
  /** Entered this queue: drives relaxation, max wait and announcements. */
  queuedAt: number;
  lastAnnouncedAt?: number | null;
}

export type RoutingDecision =
  | { kind: 'offer'; callId: string; queueId: string; agentIds: string[]; ringTimeoutMs: number; wrapUpMs: number }
  | { kind: 'overflow'; callId: string; queueId: string; target: OverflowTarget; waitedMs: number; reason: 'maxWait' | 'unstaffed' };

export interface Announcement {
  callId: string;
  queueId: string;
  /** 1-based place among callers still waiting in the queue, or null when the queue does not announce it. */
  position: number | null;
  estimatedWaitMs: number | null;
}
