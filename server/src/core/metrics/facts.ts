// The facts reports are computed from: plain values gathered by the SQL layer
// (modules/reports/facts-sql.ts). Times are epoch ms; durations ms.

/** One call (one row of `calls`), with what the SQL layer joined to it. */
export interface CallFact {
  callId: string;
  direction: 'inbound' | 'outbound';
  /** When the call entered the system: the call belongs to the period of this instant. */
  enteredAt: number;
  /** First time it waited in a queue; null = never reached a queue (IVR hang-up, direct outbound). */
  queuedAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  outcome: string;
  waitMs: number;
  talkMs: number;
  holdMs: number;
  /** Every agent's wrap-up time for this call (from agent_state_events), summed. */
  wrapMs: number;
  /** The queue's service-level threshold (acd_queues.service_level_sec), ms. */
  thresholdMs: number;
  transfers: number;
  queueId: string | null;
  /** The agent who handled it last (after a transfer: the target). */
  agentId: string | null;
  teamId: string | null;
  campaignId: string | null;
  disposition: string | null;
  /** ms from this call's entry to the same caller's next inbound call, null when there is none yet. */
  nextContactAfterMs: number | null;
}

export type AgentStateKind = 'signedOut' | 'ready' | 'ringing' | 'onCall' | 'wrapUp' | 'paused';

/** One row of agent_state_events: the agent entered `state` at `at`. */
export interface AgentStateFact {
  agentId: string;
  state: AgentStateKind;
  reason: string | null;
  callId: string | null;
  at: number;
}

/** One outbound dial attempt (campaign_attempts). */
export interface AttemptFact {
  campaignId: string;
  startedAt: number;
  outcome: string;
  disposition: string | null;
}
