// Console commands on the signed-in agent's own state machine (sign in/out, ready, pause) and reads,
// through the telephony facade's `agents` (the machine and its commands are telephony's).
import type { AgentStatePayload } from '../../contracts/telephony.ts';
import { AppError } from '../../errors/catalog.ts';
import type { TelephonyFacade } from '../telephony/facade.ts';
import type { ConsoleAgentEvent } from '../telephony/facade-agents.ts';

export async function agentCommand(
  tel: TelephonyFacade,
  agentId: string,
  event: ConsoleAgentEvent,
): Promise<AgentStatePayload> {
  const r = await tel.agents.command(agentId, event);
  if (!r.ok) {
    const path = event.type === 'pause' ? 'reason' : 'state';
    throw new AppError(
      r.rejection.code === 'RS_AGENT_BAD_REASON' ? 'RS_VALIDATION' : 'RS_CONFLICT',
      `Not allowed while ${r.rejection.status}`,
      [{ path, message: r.rejection.code }],
    );
  }
  return r.state;
}

export function agentStateOf(tel: TelephonyFacade, agentId: string): AgentStatePayload {
  return tel.agents.state(agentId);
}
