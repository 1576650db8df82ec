// The bridge from the agent state machine to the ACD: which agents may be offered a call now, and
// what the strategies rank them by. The profile (skills, queue memberships with penalties) comes from
// configuration; the rest from the agent's live state.
import type { AgentState } from '../agent/agent-types.ts';
import type { AcdAgent } from './acd-types.ts';

export interface AgentProfile {
  skills: Readonly<Record<string, number>>;
  /** queueId → penalty */
  queues: Readonly<Record<string, number>>;
}

export function acdAgentFromState(state: AgentState, profile: AgentProfile): AcdAgent {
  const kind = state.status.kind;
  return {
    id: state.agentId,
    // Only ready agents are offered calls: ringing, on a call, wrap-up and paused never are.
    available: kind === 'ready',
    staffed: kind !== 'signedOut' && kind !== 'paused',
    idleSince: state.idleSince ?? state.since,
    callsToday: state.callsToday,
    skills: profile.skills,
    queues: profile.queues,
  };
}
