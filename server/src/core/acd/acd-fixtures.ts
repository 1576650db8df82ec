// Small builders for ACD values with sensible defaults, shared by the unit tests and the benchmark so
// both describe agents, queues and callers the same way.
import type { AcdAgent, QueueConfig, WaitingCaller } from './acd-types.ts';

export function agent(id: string, over: Partial<AcdAgent> = {}): AcdAgent {
  return { id, available: true, staffed: true, idleSince: 0, callsToday: 0, skills: {}, queues: { q1: 0 }, ...over };
}

export function queue(id: string, over: Partial<QueueConfig> = {}): QueueConfig {
  return { id, strategy: 'longestIdle', ringTimeoutMs: 15_000, wrapUpMs: 10_000, serviceLevelMs: 20_000, ...over };
}

export function caller(callId: string, over: Partial<WaitingCaller> = {}): WaitingCaller {
  return { callId, queueId: 'q1', priority: 0, waitingSince: 0, queuedAt: over.waitingSince ?? 0, ...over };
}
