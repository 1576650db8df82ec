// Values of the inbound call state machine (see call-machine.ts for the diagram). Plain JSON throughout.

export type TransferTarget = { kind: 'queue'; queueId: string } | { kind: 'agent'; agentId: string } | { kind: 'external'; number: string };
export type OverflowTarget = { kind: 'queue'; queueId: string } | { kind: 'voicemail'; mailbox: string } | { kind: 'message'; promptId: string };
export type HangupSide = 'caller' | 'agent' | 'system';

export type CallStatus =
  | { kind: 'entered' }
  | { kind: 'queued'; queueId: string; queuedAt: number; priority: number }
  /** agentIds: every leg still ringing (several for ring-all). */
  | { kind: 'offering'; queueId: string; queuedAt: number; priority: number; agentIds: string[]; attempt: number }
  | { kind: 'answered'; queueId: string; agentId: string }
  | { kind: 'held'; queueId: string; agentId: string; since: number }
  | { kind: 'transferring'; mode: 'blind' | 'attended'; target: TransferTarget; queueId: string; agentId: string; since: number }
  | { kind: 'ended'; outcome: CallOutcome };

export type CallStatusKind = CallStatus['kind'];

/**
 * completed: talked to an agent. abandoned: the caller hung up before an agent answered (in the IVR,
 * queued, or while an agent rang). overflowed: max wait sent the call to voicemail or a message.
 * transferred: blind or attended transfer to an external number took the call out of Ringside.
 * failed: the system ended it (trunk failure, no route).
 */
export type CallOutcome = 'completed' | 'abandoned' | 'overflowed' | 'transferred' | 'failed';

/** The one terminal record of a call; written exactly once, when the machine reaches ended. */
export interface CallRecord {
  callId: string;
  did: string;
  callerNumber: string;
  outcome: CallOutcome;
  hangupSide: HangupSide | null;
  cause: string | null;
  abandonedIn: 'ivr' | 'queue' | 'offering' | null;
  overflowTarget: OverflowTarget | null;
  /** Queues the call waited in, in order (overflow and transfers to a queue add to it). */
  queuePath: string[];
  agentId: string | null;
  attempts: number;
  enteredAt: number;
  queuedAt: number | null;
  offeredAt: number | null;
  answeredAt: number | null;
  endedAt: number;
  /** First queued → first answered, or → end for calls never answered. 0 if never queued. */
  waitMs: number;
  /** First answered → end, less time on hold. */
  talkMs: number;
  holdMs: number;
}

export interface CallState {
  callId: string;
  did: string;
  callerNumber: string;
  status: CallStatus;
  enteredAt: number;
  /** First time queued; kept across RONA, overflow to a queue and transfers, so wait is end to end. */
  waitingSince: number | null;
  offeredAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  queuePath: string[];
  agentId: string | null;
  attempts: number;
  holdMs: number;
  record: CallRecord | null;
}

export type CallEvent =
  | { type: 'queue'; queueId: string; priority: number; now: number }
  | { type: 'offer'; agentIds: string[]; now: number }
  | { type: 'offerFailed'; agentId: string; reason: 'rona' | 'declined' | 'unreachable'; now: number }
  | { type: 'answer'; agentId: string; now: number }
  | { type: 'hold'; now: number }
  | { type: 'unhold'; now: number }
  | { type: 'transfer'; mode: 'blind' | 'attended'; target: TransferTarget; now: number }
  /** agentId: the agent now talking to the caller (absent for an external target). */
  | { type: 'transferCompleted'; agentId?: string; now: number }
  | { type: 'transferFailed'; now: number }
  | { type: 'overflow'; target: OverflowTarget; now: number }
  | { type: 'hangup'; side: HangupSide; cause: string; now: number };

export type CallEventType = CallEvent['type'];

/** What the telephony role turns into ARI: answer, holding bridge + MOH, originate, mixing bridge, hang-up. */
export type CallCommand =
  | { type: 'answerChannel' }
  | { type: 'startMusicOnHold'; queueId: string }
  | { type: 'originateAgent'; agentId: string; attempt: number }
  | { type: 'cancelAgentLeg'; agentId: string; reason: 'answered-elsewhere' | 'timeout' | 'caller-gone' }
  | { type: 'bridgeWithAgent'; agentId: string }
  | { type: 'holdCaller' }
  | { type: 'resumeCaller' }
  | { type: 'startTransfer'; mode: 'blind' | 'attended'; target: TransferTarget }
  | { type: 'sendToVoicemail'; mailbox: string }
  | { type: 'playMessageAndHangup'; promptId: string }
  | { type: 'hangupCaller' }
  | { type: 'hangupAgent'; agentId: string }
  | { type: 'writeCallRecord'; record: CallRecord };

export type CallRejectionCode = 'RS_CALL_ENDED' | 'RS_CALL_INVALID_TRANSITION' | 'RS_CALL_AGENT_MISMATCH';

export interface CallTransition {
  callId: string;
  from: CallStatusKind;
  to: CallStatusKind;
  event: CallEventType;
  at: number;
}

export type CallStep =
  | { ok: true; state: CallState; commands: CallCommand[]; transition: CallTransition | null }
  | { ok: false; state: CallState; rejection: { code: CallRejectionCode; event: CallEventType; status: CallStatusKind } };
