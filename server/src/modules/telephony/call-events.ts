// socket.io pushes about a call to the agents on it (contracts/telephony.ts).
import type { CallStatus, CallUpdatePayload } from '../../contracts/telephony.ts';
import type { CallRecord } from '../../core/call/call-types.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

function statusOf(call: LiveCall): CallStatus {
  const s = call.state.status;
  if (call.consult?.conference) return 'conference';
  switch (s.kind) {
    case 'held':
      return 'held';
    case 'transferring':
      return 'consulting';
    case 'answered':
      return 'talking';
    case 'ended':
      return 'ended';
    case 'entered':
    case 'queued':
    case 'offering':
      return 'offering';
  }
}

export function callUpdatePayload(call: LiveCall): CallUpdatePayload {
  const parties: CallUpdatePayload['parties'] = [
    { kind: 'customer', label: call.pop.party?.name ?? call.callerNumber },
  ];
  if (call.consult)
    parties.push({ kind: call.consult.agentId ? 'agent' : 'external', label: call.consult.label });
  return { callId: call.id, status: statusOf(call), parties, recording: call.recording !== null };
}

export function emitCallUpdate(rt: TelephonyRuntime, call: LiveCall): void {
  const rooms = [call.agentId, call.consult?.agentId]
    .filter((a): a is string => Boolean(a))
    .map((a) => `user:${a}`);
  if (rooms.length) rt.deps.io.to(rooms).emit('call:update', callUpdatePayload(call));
}

export function emitCallEnded(rt: TelephonyRuntime, call: LiveCall, r: CallRecord): void {
  if (!r.agentId) return;
  const hangupSide = r.hangupSide === 'caller' ? 'caller' : r.hangupSide === 'agent' ? 'agent' : 'system';
  rt.deps.io.to(`user:${r.agentId}`).emit('call:ended', {
    callId: call.id,
    hangupSide,
    cause: r.cause ?? r.outcome,
    wrapUpRequired: r.answeredAt !== null,
  });
}

/** An agent left a call that goes on (transfer completed): their part ended, their wrap-up begins. */
export function emitAgentLeft(rt: TelephonyRuntime, callId: string, agentId: string): void {
  rt.deps.io
    .to(`user:${agentId}`)
    .emit('call:ended', { callId, hangupSide: 'agent', cause: 'transferred', wrapUpRequired: true });
}
