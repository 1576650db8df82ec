import type { AgentStatePayload } from '../../contracts/telephony.ts';
import type { AgentState } from '../../core/agent/agent-types.ts';

/** The console's view of an agent state machine value (contracts/telephony.ts). */
export function toAgentStatePayload(s: AgentState): AgentStatePayload {
  const st = s.status;
  const callId =
    st.kind === 'ringing' ? st.offer.callId : st.kind === 'onCall' || st.kind === 'wrapUp' ? st.callId : null;
  return {
    state: st.kind,
    reason: st.kind === 'paused' ? st.reason : null,
    since: new Date(s.since).toISOString(),
    callId,
    until: st.kind === 'wrapUp' ? new Date(st.until).toISOString() : null,
  };
}
