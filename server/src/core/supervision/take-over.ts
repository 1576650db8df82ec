// Take-over: the supervisor becomes the party talking to the caller. The call machine's state keeps its
// queue and timings; only the agent on it changes (so talk time and the record run on, agent = supervisor).
import type { CallState } from '../call/call-types.ts';

export type TakeOverStep = { ok: true; state: CallState; previousAgentId: string } | { ok: false; reason: 'not-talking' };

export function takeOverCall(state: CallState, supervisorId: string): TakeOverStep {
  const s = state.status;
  if (s.kind !== 'answered' && s.kind !== 'held') return { ok: false, reason: 'not-talking' };
  return { ok: true, previousAgentId: s.agentId, state: { ...state, agentId: supervisorId, status: { ...s, agentId: supervisorId } } };
}
