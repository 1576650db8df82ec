// What happened inside the telephony runtime, for in-process observers (the wallboard). Emitted after
// the runtime applied a transition, synchronously and inside its chain, so observers see events in the
// runtime's order. Observers must be cheap and must not throw into the runtime: a failing listener is
// logged and the call goes on.
import type { AgentState } from '../../core/agent/agent-types.ts';
import type { CallTransition } from '../../core/call/call-types.ts';
import type { LiveCall } from './types.ts';

export type TelephonyEvent =
  /** An agent's state machine changed status (or its pending pause). */
  | { kind: 'agentState'; agentId: string; state: AgentState; at: number }
  /** A call's machine made a transition; call.state is the state after it (record set once ended). */
  | { kind: 'callTransition'; call: LiveCall; transition: CallTransition; at: number }
  /** Queues, members or profiles were re-read (an admin changed them). */
  | { kind: 'configReloaded'; at: number };

export type TelephonyListener = (e: TelephonyEvent) => void;

export class TelephonyEvents {
  private readonly listeners = new Set<TelephonyListener>();

  constructor(private readonly onError: (err: unknown) => void) {}

  on(listener: TelephonyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: TelephonyEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        this.onError(err);
      }
    }
  }
}
