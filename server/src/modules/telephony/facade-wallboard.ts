// What the wallboard (modules/wallboard) may ask of telephony: the agents' states and the live calls as
// they stand, and every transition after that, with nothing missed or doubled in between.
import type { AgentState } from '../../core/agent/agent-types.ts';
import type { CallFacts, TelephonyListener } from './runtime-events.ts';
import type { TelephonyRuntime } from './runtime.ts';

export interface TelephonySnapshot {
  agents: { agentId: string; state: AgentState }[];
  /** Calls still held (ended ones are gone from the runtime). Read now: the objects move on. */
  calls: CallFacts[];
}

export class WallboardFacade {
  constructor(private readonly rt: TelephonyRuntime) {}

  /**
   * The snapshot, then the listener subscribed — synchronously, so no runtime step runs in between.
   * Returns the snapshot and the unsubscribe.
   */
  observe(listener: TelephonyListener): { snapshot: TelephonySnapshot; off: () => void } {
    const snapshot: TelephonySnapshot = {
      agents: [...this.rt.agents].map(([agentId, state]) => ({ agentId, state })),
      calls: [...this.rt.calls.values()],
    };
    return { snapshot, off: this.rt.events.on(listener) };
  }
}
