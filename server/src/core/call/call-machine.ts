// The inbound call state machine as a reducer: (state, event) → step. Every path ends in `ended`, and
// reaching `ended` emits writeCallRecord exactly once; events after that are rejected (RS_CALL_ENDED),
// so a late ChannelDestroyed cannot write a second record.
//
//  entered ──queue──► queued ──offer──► offering ──answer──► answered ◄──hold/unhold──► held
//  (DID/IVR)           ▲ │ ▲  offerFailed │(last leg)          │  ▲ transferFailed       │
//                      │ │ └─────────────┘                    │  │                      │
//                      │ │ overflow(queue)         transfer ──▼  │                      │
//                      │ └──────► queued(next queue)      transferring ─transferCompleted─┘(new agent)
//                      └─────────────── blind transfer to a queue ┘
//   hangup while entered/queued/offering ─► ended(abandoned, wait time)
//   overflow to voicemail / message      ─► ended(overflowed)
//   hangup while answered/held/transferring, or transfer to an external number ─► ended(completed/transferred)
import { buildCallRecord } from './call-record.ts';
import type { CallCommand, CallEvent, CallOutcome, CallRejectionCode, CallState, CallStatus, CallStep, HangupSide, OverflowTarget } from './call-types.ts';

export interface NewCall {
  callId: string;
  did: string;
  callerNumber: string;
  now: number;
}

/** A call arrives on a DID: the caller channel is answered and the IVR (or the queue) follows. */
export function startCall(c: NewCall): { state: CallState; commands: CallCommand[] } {
  const state: CallState = {
    callId: c.callId, did: c.did, callerNumber: c.callerNumber, status: { kind: 'entered' }, enteredAt: c.now,
    waitingSince: null, offeredAt: null, answeredAt: null, endedAt: null, queuePath: [], agentId: null, attempts: 0, holdMs: 0, record: null,
  };
  return { state, commands: [{ type: 'answerChannel' }] };
}

export function reduceCall(state: CallState, e: CallEvent): CallStep {
  const s = state.status;
  switch (s.kind) {
    case 'ended':
      return reject(state, e, 'RS_CALL_ENDED');
    case 'entered':
      if (e.type === 'queue') return enqueue(state, e, e.queueId, e.priority, e.now);
      if (e.type === 'hangup') return end(state, e, 'abandoned', { side: e.side, cause: e.cause, abandonedIn: 'ivr' });
      return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
    case 'queued':
      return fromQueued(state, s, e);
    case 'offering':
      return fromOffering(state, s, e);
    case 'answered':
    case 'held':
    case 'transferring':
      return fromConnected(state, s, e);
  }
}

function fromQueued(state: CallState, s: Extract<CallStatus, { kind: 'queued' }>, e: CallEvent): CallStep {
  switch (e.type) {
    case 'offer': {
      if (e.agentIds.length === 0) return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
      const attempt = state.attempts + 1;
      const next: CallStatus = { kind: 'offering', queueId: s.queueId, queuedAt: s.queuedAt, priority: s.priority, agentIds: [...e.agentIds], attempt };
      const originate = e.agentIds.map((agentId): CallCommand => ({ type: 'originateAgent', agentId, attempt }));
      return move({ ...state, attempts: attempt, offeredAt: state.offeredAt ?? e.now }, e, next, originate);
    }
    case 'overflow':
      return overflow(state, e, e.target);
    case 'hangup':
      return end(state, e, 'abandoned', { side: e.side, cause: e.cause, abandonedIn: 'queue' });
    case 'queue':
      // Moved by a supervisor or re-prioritised: the queue's own wait restarts, the caller's does not.
      return enqueue(state, e, e.queueId, e.priority, e.now);
    case 'offerFailed':
    case 'answer':
    case 'hold':
    case 'unhold':
    case 'transfer':
    case 'transferCompleted':
    case 'transferFailed':
      return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
  }
}

function fromOffering(state: CallState, s: Extract<CallStatus, { kind: 'offering' }>, e: CallEvent): CallStep {
  const queued: CallStatus = { kind: 'queued', queueId: s.queueId, queuedAt: s.queuedAt, priority: s.priority };
  switch (e.type) {
    case 'answer': {
      if (!s.agentIds.includes(e.agentId)) return reject(state, e, 'RS_CALL_AGENT_MISMATCH');
      const losers = s.agentIds.filter((a) => a !== e.agentId).map((agentId): CallCommand => ({ type: 'cancelAgentLeg', agentId, reason: 'answered-elsewhere' }));
      const next = { ...state, agentId: e.agentId, answeredAt: state.answeredAt ?? e.now };
      return move(next, e, { kind: 'answered', queueId: s.queueId, agentId: e.agentId }, [...losers, { type: 'bridgeWithAgent', agentId: e.agentId }]);
    }
    case 'offerFailed': {
      if (!s.agentIds.includes(e.agentId)) return reject(state, e, 'RS_CALL_AGENT_MISMATCH');
      const rest = s.agentIds.filter((a) => a !== e.agentId);
      const cancel: CallCommand[] = e.reason === 'rona' ? [{ type: 'cancelAgentLeg', agentId: e.agentId, reason: 'timeout' }] : [];
      // Other ring-all legs still ringing: keep offering. The last one gone: back in the queue with its
      // original queuedAt, so the caller keeps their place and the next routing pass re-offers the call.
      if (rest.length) return { ok: true, state: { ...state, status: { ...s, agentIds: rest } }, commands: cancel, transition: null };
      return move(state, e, queued, cancel);
    }
    case 'hangup': {
      if (e.side === 'agent') return reject(state, e, 'RS_CALL_INVALID_TRANSITION'); // an agent leg failing is offerFailed
      const cancel = s.agentIds.map((agentId): CallCommand => ({ type: 'cancelAgentLeg', agentId, reason: 'caller-gone' }));
      return end(state, e, 'abandoned', { side: e.side, cause: e.cause, abandonedIn: 'offering' }, cancel);
    }
    case 'queue':
    case 'offer':
    case 'overflow':
    case 'hold':
    case 'unhold':
    case 'transfer':
    case 'transferCompleted':
    case 'transferFailed':
      return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
  }
}

type Connected = Extract<CallStatus, { kind: 'answered' | 'held' | 'transferring' }>;

function fromConnected(state: CallState, s: Connected, e: CallEvent): CallStep {
  const { queueId, agentId } = s;
  const answered: CallStatus = { kind: 'answered', queueId, agentId };
  switch (e.type) {
    case 'hold':
      if (s.kind !== 'answered') return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
      return move(state, e, { kind: 'held', queueId, agentId, since: e.now }, [{ type: 'holdCaller' }]);
    case 'unhold':
      if (s.kind !== 'held') return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
      return move(closeHold(state, e.now), e, answered, [{ type: 'resumeCaller' }]);
    case 'transfer': {
      if (s.kind === 'transferring') return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
      const base = closeHold(state, e.now);
      const cmd: CallCommand = { type: 'startTransfer', mode: e.mode, target: e.target };
      // A blind transfer to a queue needs nobody's consent: the caller goes straight back to waiting.
      if (e.mode === 'blind' && e.target.kind === 'queue') return enqueue(base, e, e.target.queueId, 0, e.now, [cmd]);
      return move(base, e, { kind: 'transferring', mode: e.mode, target: e.target, queueId, agentId, since: e.now }, [cmd]);
    }
    case 'transferCompleted': {
      if (s.kind !== 'transferring') return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
      const base = closeHold(state, e.now);
      if (s.target.kind === 'external' || !e.agentId) return end(base, e, 'transferred', { side: null, cause: null, abandonedIn: null });
      return move({ ...base, agentId: e.agentId }, e, { kind: 'answered', queueId, agentId: e.agentId });
    }
    case 'transferFailed': {
      if (s.kind !== 'transferring') return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
      const base = closeHold(state, e.now);
      // Attended: the transferring agent is still on the line. Blind: they have left, so the caller
      // goes back to the queue rather than into silence.
      if (s.mode === 'attended') return move(base, e, answered, [{ type: 'resumeCaller' }]);
      return enqueue(base, e, queueId, 0, e.now);
    }
    case 'hangup': {
      // During a blind transfer the transferring agent leaving is expected, not the end of the call.
      if (s.kind === 'transferring' && e.side === 'agent') return { ok: true, state, commands: [], transition: null };
      const other: CallCommand = e.side === 'caller' ? { type: 'hangupAgent', agentId } : { type: 'hangupCaller' };
      return end(closeHold(state, e.now), e, 'completed', { side: e.side, cause: e.cause, abandonedIn: null }, [other]);
    }
    case 'queue':
    case 'offer':
    case 'offerFailed':
    case 'answer':
    case 'overflow':
      return reject(state, e, 'RS_CALL_INVALID_TRANSITION');
  }
}

function enqueue(state: CallState, e: CallEvent, queueId: string, priority: number, now: number, extra: CallCommand[] = []): CallStep {
  const next = { ...state, waitingSince: state.waitingSince ?? now, queuePath: [...state.queuePath, queueId] };
  return move(next, e, { kind: 'queued', queueId, queuedAt: now, priority }, [...extra, { type: 'startMusicOnHold', queueId }]);
}

function overflow(state: CallState, e: CallEvent & { now: number }, target: OverflowTarget): CallStep {
  const priority = state.status.kind === 'queued' ? state.status.priority : 0;
  if (target.kind === 'queue') return enqueue(state, e, target.queueId, priority, e.now);
  const cmd: CallCommand = target.kind === 'voicemail' ? { type: 'sendToVoicemail', mailbox: target.mailbox } : { type: 'playMessageAndHangup', promptId: target.promptId };
  return end(state, e, 'overflowed', { side: null, cause: null, abandonedIn: null, overflowTarget: target }, [cmd]);
}

/** Adds the running hold (or transfer) interval to holdMs: the caller was not talking to an agent. */
function closeHold(state: CallState, now: number): CallState {
  const s = state.status;
  if (s.kind !== 'held' && s.kind !== 'transferring') return state;
  return { ...state, holdMs: state.holdMs + Math.max(0, now - s.since) };
}

interface Ending {
  side: HangupSide | null;
  cause: string | null;
  abandonedIn: 'ivr' | 'queue' | 'offering' | null;
  overflowTarget?: OverflowTarget;
}

function end(state: CallState, e: CallEvent & { now: number }, outcome: CallOutcome, how: Ending, extra: CallCommand[] = []): CallStep {
  const ended: CallState = { ...state, endedAt: e.now };
  const record = buildCallRecord(ended, outcome, how.side, how.cause, how.abandonedIn, how.overflowTarget ?? null, e.now);
  return move({ ...ended, record }, e, { kind: 'ended', outcome }, [...extra, { type: 'writeCallRecord', record }]);
}

function move(state: CallState, e: CallEvent & { now: number }, status: CallStatus, commands: CallCommand[] = []): CallStep {
  return {
    ok: true,
    state: { ...state, status },
    commands,
    transition: { callId: state.callId, from: state.status.kind, to: status.kind, event: e.type, at: e.now },
  };
}

function reject(state: CallState, e: CallEvent, code: CallRejectionCode): CallStep {
  return { ok: false, state, rejection: { code, event: e.type, status: state.status.kind } };
}
