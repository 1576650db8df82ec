// The terminal record of a call and its durations. Kept apart from the machine so reports and the
// service-level math read one definition of wait, talk and hold.
import type { CallOutcome, CallRecord, CallState, HangupSide, OverflowTarget } from './call-types.ts';

export function buildCallRecord(
  state: CallState,
  outcome: CallOutcome,
  hangupSide: HangupSide | null,
  cause: string | null,
  abandonedIn: CallRecord['abandonedIn'],
  overflowTarget: OverflowTarget | null,
  endedAt: number,
): CallRecord {
  return {
    callId: state.callId,
    did: state.did,
    callerNumber: state.callerNumber,
    outcome,
    hangupSide,
    cause,
    abandonedIn,
    overflowTarget,
    queuePath: [...state.queuePath],
    agentId: state.agentId,
    attempts: state.attempts,
    enteredAt: state.enteredAt,
    queuedAt: state.waitingSince,
    offeredAt: state.offeredAt,
    answeredAt: state.answeredAt,
    endedAt,
    waitMs: waitMs(state, endedAt),
    talkMs: state.answeredAt === null ? 0 : Math.max(0, endedAt - state.answeredAt - state.holdMs),
    holdMs: state.holdMs,
  };
}

/** First queued → first answered; a call never answered waited until it ended. */
export function waitMs(state: Pick<CallState, 'waitingSince' | 'answeredAt'>, endedAt: number): number {
  if (state.waitingSince === null) return 0;
  return Math.max(0, (state.answeredAt ?? endedAt) - state.waitingSince);
}
