// What happened inside the telephony runtime, for in-process observers (the wallboard, the dialer,
// supervision; through the facade's onEvents). Emitted after
// the runtime applied a transition, synchronously and inside its chain, so observers see events in the
// runtime's order. Observers must be cheap and must not throw into the runtime: a failing listener is
// logged and the call goes on.
import type { AgentState } from '../../core/agent/agent-types.ts';
import type { CallState, CallTransition } from '../../core/call/call-types.ts';
import type { CampaignOfferInfo } from '../../contracts/telephony.ts';

/**
 * What observers may read of a call: a read-only view of the runtime's own object, as it stands when
 * the event is emitted (it moves on afterwards: read what you need then, keep nothing).
 */
export interface CallFacts {
  readonly id: string;
  readonly state: CallState;
  readonly callerNumber: string;
  readonly pop: { readonly party: { readonly name: string } | null };
  /** Campaign calls handed over by the dialer. */
  readonly campaign?: CampaignOfferInfo | null;
}

export type TelephonyEvent =
  /** An agent's state machine changed status (or its pending pause). */
  | { kind: 'agentState'; agentId: string; state: AgentState; at: number }
  /** A call's machine made a transition; call.state is the state after it (record set once ended). */
  | { kind: 'callTransition'; call: CallFacts; transition: CallTransition; at: number }
  /** An agent's click-to-dial call ended (outside the call machine, so no callTransition tells it). */
  | { kind: 'dialEnded'; callId: string; at: number }
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
