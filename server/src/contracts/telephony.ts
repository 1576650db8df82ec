// The contract between the telephony role and the agent console: REST shapes and socket.io payloads.
// The console imports these as types only. Change them together with both sides.
import { Type, type Static } from 'typebox';

export type AgentStateName = 'signedOut' | 'ready' | 'ringing' | 'onCall' | 'wrapUp' | 'paused';

export interface AgentStatePayload {
  state: AgentStateName;
  /** Pause reason code when paused (e.g. 'lunch', 'rona'). */
  reason: string | null;
  /** ISO time the state began. */
  since: string;
  /** The call the agent is ringing for, on, or wrapping up. */
  callId: string | null;
  /** For wrapUp: ISO time it ends by itself. */
  until: string | null;
}

export interface PartyRef {
  type: 'customer' | 'contact' | 'lead';
  id: string;
  name: string;
  customerId: string | null;
}

/**
 * Pushed to `user:<agentId>` BEFORE the agent's phone is rung, so the console renders who is calling
 * first. `customer360` is the same payload as GET /api/customers/:id/360 (null when unknown or not a customer).
 */
export interface CallOfferPayload {
  callId: string;
  direction: 'inbound' | 'outbound';
  callerNumber: string;
  /** E.164 when the number parsed. */
  callerE164: string | null;
  did: string | null;
  queue: { id: string; name: string } | null;
  campaign: { id: string; name: string } | null;
  ivrPath: string[];
  waitSec: number;
  /** Best match for the number, or null: the console then shows quick-create prefilled with the number. */
  party: PartyRef | null;
  otherMatches: PartyRef[];
  customer360: unknown;
  /** ISO time the offer was made (the server's clock). */
  offeredAt: string;
}

export type CallStatus = 'offering' | 'talking' | 'held' | 'consulting' | 'conference' | 'ended';

export interface CallUpdatePayload {
  callId: string;
  status: CallStatus;
  /** Consult / conference parties, e.g. the transfer target. */
  parties: { kind: 'customer' | 'agent' | 'external'; label: string }[];
  recording: boolean;
}

export interface CallEndedPayload {
  callId: string;
  hangupSide: 'caller' | 'agent' | 'system' | 'supervisor';
  cause: string;
  /** True when the agent must now submit a disposition (POST /api/calls/:id/wrap-up). */
  wrapUpRequired: boolean;
}

export interface SoftphoneConfig {
  /** sip:agent-<id>@<domain> */
  uri: string;
  wsUrl: string;
  authorizationUsername: string;
  authorizationPassword: string;
  displayName: string;
  iceServers: { urls: string | string[]; username?: string; credential?: string }[];
}

export const TransferBody = Type.Object(
  {
    mode: Type.Union([Type.Literal('blind'), Type.Literal('attended')]),
    target: Type.Object(
      {
        kind: Type.Union([Type.Literal('queue'), Type.Literal('agent'), Type.Literal('number')]),
        value: Type.String({ minLength: 1, maxLength: 64 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

export const WrapUpBody = Type.Object(
  {
    disposition: Type.String({ minLength: 1, maxLength: 64 }),
    note: Type.Optional(Type.String({ maxLength: 10_000 })),
    followUp: Type.Optional(
      Type.Object({ subject: Type.String({ minLength: 1, maxLength: 200 }), dueAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
    ),
    /** When the caller was unknown: the lead or customer created from the pop. */
    partyId: Type.Optional(Type.String({ format: 'uuid' })),
    partyType: Type.Optional(Type.Union([Type.Literal('customer'), Type.Literal('contact'), Type.Literal('lead')])),
  },
  { additionalProperties: false },
);
export type WrapUpBody = Static<typeof WrapUpBody>;

export const DialBody = Type.Object(
  { number: Type.String({ minLength: 2, maxLength: 32 }), partyType: Type.Optional(Type.String()), partyId: Type.Optional(Type.String({ format: 'uuid' })) },
  { additionalProperties: false },
);
export type DialBody = Static<typeof DialBody>;

export const PauseBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 32 }) }, { additionalProperties: false });
