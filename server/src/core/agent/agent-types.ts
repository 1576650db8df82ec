// Values of the agent state machine (see agent-machine.ts for the diagram). Everything here is plain
// JSON so a state can be stored as-is and restored after a console reload or a server restart.

export type PauseReason = string; // configurable codes: 'lunch', 'training', 'meeting'…; 'rona' is reserved

/** The reason the machine itself uses when an offer rings out (Ring-No-Answer). */
export const RONA_REASON = 'rona';
/** The reason used when the agent's phone rejects an offer. */
export const DECLINED_REASON = 'declined';

export interface Offer {
  callId: string;
  queueId: string;
  offeredAt: number;
  ringTimeoutAt: number;
  /** Wrap-up of the offering queue, carried so the agent knows it when the call ends. */
  wrapUpMs: number;
}

export type AgentStatus =
  | { kind: 'signedOut' }
  | { kind: 'ready' }
  | { kind: 'ringing'; offer: Offer }
  | { kind: 'onCall'; callId: string; queueId: string; since: number; wrapUpMs: number }
  | { kind: 'wrapUp'; callId: string; until: number }
  | { kind: 'paused'; reason: PauseReason };

export type AgentStatusKind = AgentStatus['kind'];

export interface AgentState {
  agentId: string;
  status: AgentStatus;
  /** When the current status began (for the console's timer and reports). */
  since: number;
  /** When the agent last became free to take a call; longest-idle orders by it. Null while signed out. */
  idleSince: number | null;
  lastCallEndedAt: number | null;
  /** Calls answered since the last resetDailyCounters; fewest-calls orders by it. */
  callsToday: number;
  /** A pause asked for during a call: applied when the call (and its wrap-up) ends. */
  pendingPause: PauseReason | null;
}

export type AgentEvent =
  | { type: 'signIn'; now: number }
  | { type: 'signOut'; now: number }
  | { type: 'goReady'; now: number }
  | { type: 'pause'; reason: PauseReason; now: number }
  | { type: 'offer'; callId: string; queueId: string; ringTimeoutMs: number; wrapUpMs: number; now: number }
  | { type: 'answer'; callId: string; now: number }
  /** The ring timer fired (RONA). */
  | { type: 'ringTimeout'; callId: string; now: number }
  /** The agent's own leg hung up: while ringing that is a decline, on a call it ends the call. */
  | { type: 'hangup'; callId: string; now: number }
  /** The call ended elsewhere (caller hung up, another agent won a ring-all, transfer completed). */
  | { type: 'callEnded'; callId: string; now: number }
  | { type: 'wrapUpDone'; now: number }
  /** Time passing: fires an overdue ring timeout or wrap-up end; harmless otherwise. */
  | { type: 'tick'; now: number }
  | { type: 'resetDailyCounters'; now: number };

export type AgentEventType = AgentEvent['type'];

export type AgentCommand =
  | { type: 'startRingTimer'; callId: string; at: number }
  | { type: 'cancelRingTimer'; callId: string }
  | { type: 'startWrapUpTimer'; at: number }
  | { type: 'cancelWrapUpTimer' }
  /** Give the call back to the ACD so the next agent is offered it. */
  | { type: 'reofferCall'; callId: string; reason: 'rona' | 'declined' | 'signedOut' | 'paused' }
  | { type: 'notifyConsole'; status: AgentStatusKind; reason?: PauseReason };

export type AgentRejectionCode =
  | 'RS_AGENT_NOT_SIGNED_IN'
  | 'RS_AGENT_ALREADY_SIGNED_IN'
  | 'RS_AGENT_ON_CALL'
  | 'RS_AGENT_NOT_READY'
  | 'RS_AGENT_CALL_MISMATCH'
  | 'RS_AGENT_INVALID_TRANSITION'
  | 'RS_AGENT_BAD_REASON';

export interface AgentTransition {
  agentId: string;
  from: AgentStatusKind;
  to: AgentStatusKind;
  event: AgentEventType;
  at: number;
}

export type AgentStep =
  | { ok: true; state: AgentState; commands: AgentCommand[]; transition: AgentTransition | null }
  | { ok: false; state: AgentState; rejection: { code: AgentRejectionCode; event: AgentEventType; status: AgentStatusKind } };
