// What the agent routes (modules/agents) may ask of telephony: the console's commands on the signed-in
// agent's own state machine, and agents' states as the console shows them.
import type { AgentStatePayload } from '../../contracts/telephony.ts';
import type { AgentEvent, AgentStep } from '../../core/agent/agent-types.ts';
import type { TelephonyRuntime } from './runtime.ts';
import { toAgentStatePayload } from './state-payload.ts';

/** The events a console may send for its own agent; the others come from calls and time. */
export type ConsoleAgentEvent = Extract<AgentEvent, { type: 'signIn' | 'signOut' | 'goReady' | 'pause' }>;

export type AgentCommandResult =
  | { ok: true; state: AgentStatePayload }
  | { ok: false; rejection: Extract<AgentStep, { ok: false }>['rejection'] };

export class AgentsFacade {
  constructor(private readonly rt: TelephonyRuntime) {}

  /** One step of the runtime's chain: the agent's machine takes the event or says why not. */
  command(agentId: string, event: ConsoleAgentEvent): Promise<AgentCommandResult> {
    return this.rt.run(async () => {
      const step = await this.rt.ops.applyAgent(agentId, event);
      return step.ok
        ? { ok: true as const, state: toAgentStatePayload(step.state) }
        : { ok: false as const, rejection: step.rejection };
    });
  }

  /** The agent's state as the console shows it (signed out when the runtime never saw them). */
  state(agentId: string): AgentStatePayload {
    return toAgentStatePayload(this.rt.agentState(agentId));
  }
}
