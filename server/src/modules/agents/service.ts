// Console commands on the signed-in agent's own state machine (sign in/out, ready, pause) and reads.
import type { AgentStatePayload } from '../../contracts/telephony.ts';
import type { AgentEvent } from '../../core/agent/agent-types.ts';
import { AppError } from '../../errors/catalog.ts';
import { applyAgent } from '../telephony/agent-ops.ts';
import type { TelephonyRuntime } from '../telephony/runtime.ts';
import { toAgentStatePayload } from '../telephony/state-payload.ts';

export async function agentCommand(rt: TelephonyRuntime, agentId: string, event: AgentEvent): Promise<AgentStatePayload> {
  return rt.run(async () => {
    const step = await applyAgent(rt, agentId, event);
    if (!step.ok) {
      const path = event.type === 'pause' ? 'reason' : 'state';
      throw new AppError(step.rejection.code === 'RS_AGENT_BAD_REASON' ? 'RS_VALIDATION' : 'RS_CONFLICT', `Not allowed while ${step.rejection.status}`, [
        { path, message: step.rejection.code },
      ]);
    }
    return toAgentStatePayload(step.state);
  });
}

export function agentStateOf(rt: TelephonyRuntime, agentId: string): AgentStatePayload {
  return toAgentStatePayload(rt.agentState(agentId));
}
