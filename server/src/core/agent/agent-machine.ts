// The agent state machine as a reducer: (state, event) → step. No timers, no I/O: timers are commands
// out, their firing is an event in (ringTimeout, wrapUpDone, or a tick with the current time).
//
//               signIn               offer                answer
//  signedOut ──────────► ready ──────────────► ringing ───────────► onCall
//      ▲                 ▲  ▲ callEnded (offer     │                  │ hangup / callEnded
//      │ signOut         │  └── withdrawn) ───────┤                  ▼
//      │ (not on call)   │                        │ ringTimeout     wrapUp(until)
//      │                 │ goReady                ▼ (RONA), hangup    │ tick ≥ until, wrapUpDone,
//      │                 └──────────────── paused(reason) ◄───────────┤ goReady; pause
//      │                                      ▲  pause                │
//      └──────────────────────────────────────┴───────────────────────┘
//
// RONA and a declined offer pause the agent (reason 'rona' / 'declined') and emit reofferCall so the
// ACD offers the call to the next agent. A pause asked for on a call is kept as pendingPause and
// applied when wrap-up ends, so an agent can book lunch without dropping the caller.
import {
  DECLINED_REASON,
  RONA_REASON,
  type AgentCommand,
  type AgentEvent,
  type AgentRejectionCode,
  type AgentState,
  type AgentStatus,
  type AgentStep,
  type PauseReason,
} from './agent-types.ts';

export interface AgentMachineConfig {
  /** Pause codes an agent may choose; when absent any non-empty code is accepted. */
  pauseReasons?: readonly string[];
}

/** Events that can change status; resetDailyCounters is handled before dispatch. */
type StatusEvent = Exclude<AgentEvent, { type: 'resetDailyCounters' }>;

export function initialAgentState(agentId: string, now: number): AgentState {
  return { agentId, status: { kind: 'signedOut' }, since: now, idleSince: null, lastCallEndedAt: null, callsToday: 0, pendingPause: null };
}

export function reduceAgent(state: AgentState, event: AgentEvent, config: AgentMachineConfig = {}): AgentStep {
  if (event.type === 'resetDailyCounters') return stay({ ...state, callsToday: 0 });
  if (event.type === 'pause' && !validReason(event.reason, config)) return reject(state, event, 'RS_AGENT_BAD_REASON');
  const s = state.status;
  switch (s.kind) {
    case 'signedOut':
      return fromSignedOut(state, event);
    case 'ready':
      return fromReady(state, event);
    case 'ringing':
      return fromRinging(state, s, event);
    case 'onCall':
      return fromOnCall(state, s, event);
    case 'wrapUp':
      return fromWrapUp(state, s, event);
    case 'paused':
      return fromPaused(state, event);
  }
}

function fromSignedOut(state: AgentState, e: StatusEvent): AgentStep {
  if (e.type === 'signIn') return move(state, e, { kind: 'ready' }, { idleSince: e.now });
  if (e.type === 'tick') return stay(state);
  return reject(state, e, 'RS_AGENT_NOT_SIGNED_IN');
}

function fromReady(state: AgentState, e: StatusEvent): AgentStep {
  switch (e.type) {
    case 'signOut':
      return move(state, e, { kind: 'signedOut' }, { idleSince: null, pendingPause: null });
    case 'pause':
      return move(state, e, { kind: 'paused', reason: e.reason });
    case 'offer': {
      const offer = { callId: e.callId, queueId: e.queueId, offeredAt: e.now, ringTimeoutAt: e.now + e.ringTimeoutMs, wrapUpMs: e.wrapUpMs };
      return move(state, e, { kind: 'ringing', offer }, {}, [{ type: 'startRingTimer', callId: e.callId, at: offer.ringTimeoutAt }]);
    }
    case 'goReady':
    case 'tick':
      return stay(state);
    case 'signIn':
      return reject(state, e, 'RS_AGENT_ALREADY_SIGNED_IN');
    case 'wrapUpDone':
      return reject(state, e, 'RS_AGENT_INVALID_TRANSITION');
    case 'answer':
    case 'ringTimeout':
    case 'hangup':
    case 'callEnded':
      return reject(state, e, 'RS_AGENT_CALL_MISMATCH');
  }
}

function fromRinging(state: AgentState, s: Extract<AgentStatus, { kind: 'ringing' }>, e: StatusEvent): AgentStep {
  const { callId } = s.offer;
  if ('callId' in e && e.type !== 'offer' && e.callId !== callId) return reject(state, e, 'RS_AGENT_CALL_MISMATCH');
  const cancel: AgentCommand = { type: 'cancelRingTimer', callId };
  switch (e.type) {
    case 'answer':
      return move(state, e, { kind: 'onCall', callId, queueId: s.offer.queueId, since: e.now, wrapUpMs: s.offer.wrapUpMs }, { callsToday: state.callsToday + 1 }, [cancel]);
    case 'ringTimeout':
      return move(state, e, { kind: 'paused', reason: RONA_REASON }, {}, [{ type: 'reofferCall', callId, reason: 'rona' }]);
    case 'tick':
      if (e.now < s.offer.ringTimeoutAt) return stay(state);
      return move(state, e, { kind: 'paused', reason: RONA_REASON }, {}, [{ type: 'reofferCall', callId, reason: 'rona' }]);
    case 'hangup':
      return move(state, e, { kind: 'paused', reason: DECLINED_REASON }, {}, [cancel, { type: 'reofferCall', callId, reason: 'declined' }]);
    case 'callEnded':
      // The offer was withdrawn (caller gone, or another agent won a ring-all): no fault of the agent,
      // so idleSince is kept and the agent keeps their place for longest-idle.
      return move(state, e, { kind: 'ready' }, {}, [cancel]);
    case 'signOut':
      return move(state, e, { kind: 'signedOut' }, { idleSince: null, pendingPause: null }, [cancel, { type: 'reofferCall', callId, reason: 'signedOut' }]);
    case 'pause':
      return move(state, e, { kind: 'paused', reason: e.reason }, {}, [cancel, { type: 'reofferCall', callId, reason: 'paused' }]);
    case 'offer':
      return reject(state, e, 'RS_AGENT_NOT_READY');
    case 'signIn':
      return reject(state, e, 'RS_AGENT_ALREADY_SIGNED_IN');
    case 'goReady':
    case 'wrapUpDone':
      return reject(state, e, 'RS_AGENT_INVALID_TRANSITION');
  }
}

function fromOnCall(state: AgentState, s: Extract<AgentStatus, { kind: 'onCall' }>, e: StatusEvent): AgentStep {
  if ('callId' in e && e.type !== 'offer' && e.callId !== s.callId) return reject(state, e, 'RS_AGENT_CALL_MISMATCH');
  switch (e.type) {
    case 'hangup':
    case 'callEnded': {
      const ended = { ...state, lastCallEndedAt: e.now };
      if (s.wrapUpMs <= 0) return leaveWork(ended, e);
      const until = e.now + s.wrapUpMs;
      return move(ended, e, { kind: 'wrapUp', callId: s.callId, until }, {}, [{ type: 'startWrapUpTimer', at: until }]);
    }
    case 'pause':
      return stay({ ...state, pendingPause: e.reason }, [{ type: 'notifyConsole', status: 'onCall', reason: e.reason }]);
    case 'goReady':
      // Cancels a pending pause: the agent changed their mind before the call ended.
      return stay({ ...state, pendingPause: null }, state.pendingPause ? [{ type: 'notifyConsole', status: 'onCall' }] : []);
    case 'tick':
      return stay(state);
    case 'signOut':
      return reject(state, e, 'RS_AGENT_ON_CALL');
    case 'offer':
      return reject(state, e, 'RS_AGENT_NOT_READY');
    case 'signIn':
      return reject(state, e, 'RS_AGENT_ALREADY_SIGNED_IN');
    case 'answer':
    case 'ringTimeout':
    case 'wrapUpDone':
      return reject(state, e, 'RS_AGENT_INVALID_TRANSITION');
  }
}

function fromWrapUp(state: AgentState, s: Extract<AgentStatus, { kind: 'wrapUp' }>, e: StatusEvent): AgentStep {
  const cancel: AgentCommand = { type: 'cancelWrapUpTimer' };
  switch (e.type) {
    case 'tick':
      return e.now < s.until ? stay(state) : leaveWork(state, e);
    case 'wrapUpDone':
      return leaveWork(state, e);
    case 'goReady':
      return move(state, e, { kind: 'ready' }, { idleSince: e.now, pendingPause: null }, [cancel]);
    case 'pause':
      return move(state, e, { kind: 'paused', reason: e.reason }, { pendingPause: null }, [cancel]);
    case 'signOut':
      return move(state, e, { kind: 'signedOut' }, { idleSince: null, pendingPause: null }, [cancel]);
    case 'offer':
      return reject(state, e, 'RS_AGENT_NOT_READY');
    case 'signIn':
      return reject(state, e, 'RS_AGENT_ALREADY_SIGNED_IN');
    case 'answer':
    case 'ringTimeout':
    case 'hangup':
    case 'callEnded':
      return reject(state, e, 'RS_AGENT_CALL_MISMATCH');
  }
}

function fromPaused(state: AgentState, e: StatusEvent): AgentStep {
  switch (e.type) {
    case 'goReady':
      return move(state, e, { kind: 'ready' }, { idleSince: e.now });
    case 'pause':
      return move(state, e, { kind: 'paused', reason: e.reason });
    case 'signOut':
      return move(state, e, { kind: 'signedOut' }, { idleSince: null, pendingPause: null });
    case 'tick':
      return stay(state);
    case 'offer':
      return reject(state, e, 'RS_AGENT_NOT_READY');
    case 'signIn':
      return reject(state, e, 'RS_AGENT_ALREADY_SIGNED_IN');
    case 'wrapUpDone':
      return reject(state, e, 'RS_AGENT_INVALID_TRANSITION');
    case 'answer':
    case 'ringTimeout':
    case 'hangup':
    case 'callEnded':
      return reject(state, e, 'RS_AGENT_CALL_MISMATCH');
  }
}

/** End of wrap-up (or of a call without wrap-up): a booked pause wins over ready. */
function leaveWork(state: AgentState, e: AgentEvent & { now: number }): AgentStep {
  if (state.pendingPause) return move(state, e, { kind: 'paused', reason: state.pendingPause }, { pendingPause: null });
  return move(state, e, { kind: 'ready' }, { idleSince: e.now });
}

function move(state: AgentState, e: AgentEvent, status: AgentStatus, patch: Partial<AgentState> = {}, commands: AgentCommand[] = []): AgentStep {
  const next: AgentState = { ...state, ...patch, status, since: e.now };
  const reason = status.kind === 'paused' ? status.reason : undefined;
  const notify: AgentCommand = reason === undefined ? { type: 'notifyConsole', status: status.kind } : { type: 'notifyConsole', status: status.kind, reason };
  return {
    ok: true,
    state: next,
    commands: [...commands, notify],
    transition: { agentId: state.agentId, from: state.status.kind, to: status.kind, event: e.type, at: e.now },
  };
}

function stay(state: AgentState, commands: AgentCommand[] = []): AgentStep {
  return { ok: true, state, commands, transition: null };
}

function reject(state: AgentState, e: AgentEvent, code: AgentRejectionCode): AgentStep {
  return { ok: false, state, rejection: { code, event: e.type, status: state.status.kind } };
}

function validReason(reason: PauseReason, config: AgentMachineConfig): boolean {
  if (typeof reason !== 'string' || reason.trim() === '') return false;
  return !config.pauseReasons || config.pauseReasons.includes(reason) || reason === RONA_REASON || reason === DECLINED_REASON;
}
