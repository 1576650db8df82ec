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
export interface CampaignOfferInfo {
  id: string;
  name: string;
  recordId?: string;
  script?: string;
  dispositions?: { code: string; labelZh: string; labelEn: string; meaning: string }[];
}

export interface CallOfferPayload {
  callId: string;
  direction: 'inbound' | 'outbound';
  callerNumber: string;
  /** E.164 when the number parsed. */
  callerE164: string | null;
  did: string | null;
  queue: { id: string; name: string } | null;
  /** Outbound campaign calls: the campaign, the dialed record, its script and dispositions (modules/dialer). */
  campaign: CampaignOfferInfo | null;
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
      Type.Object(
        {
          subject: Type.String({ minLength: 1, maxLength: 200 }),
          dueAt: Type.String({ format: 'date-time' }),
        },
        { additionalProperties: false },
      ),
    ),
    /** When the caller was unknown: the lead or customer created from the pop. */
    partyId: Type.Optional(Type.String({ format: 'uuid' })),
    partyType: Type.Optional(
      Type.Union([Type.Literal('customer'), Type.Literal('contact'), Type.Literal('lead')]),
    ),
  },
  { additionalProperties: false },
);
export type WrapUpBody = Static<typeof WrapUpBody>;

export const DialBody = Type.Object(
  {
    number: Type.String({ minLength: 2, maxLength: 32 }),
    partyType: Type.Optional(Type.String()),
    partyId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type DialBody = Static<typeof DialBody>;

export const PauseBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 32 }) },
  { additionalProperties: false },
);
export type PauseBody = Static<typeof PauseBody>;

// --- Admin configuration (added by the telephony backend; additive) ---

const Skill = Type.Object(
  {
    skill: Type.String({ minLength: 1, maxLength: 40 }),
    minLevel: Type.Integer({ minimum: 0, maximum: 10 }),
  },
  { additionalProperties: false },
);
const Overflow = Type.Union([
  Type.Object(
    { kind: Type.Literal('queue'), queueId: Type.String({ format: 'uuid' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('voicemail'), mailbox: Type.String({ minLength: 1, maxLength: 80 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('message'),
      promptId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9-]+$' }),
    },
    { additionalProperties: false },
  ),
]);

const queueFields = {
  name: Type.String({ minLength: 1, maxLength: 80 }),
  strategy: Type.Union(
    ['ringAll', 'longestIdle', 'fewestCalls', 'roundRobin', 'skillsBased'].map((s) => Type.Literal(s)),
  ),
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  ringTimeoutSec: Type.Integer({ minimum: 5, maximum: 120 }),
  wrapUpSec: Type.Integer({ minimum: 0, maximum: 600 }),
  serviceLevelSec: Type.Integer({ minimum: 1, maximum: 600 }),
  maxWaitSec: Type.Union([Type.Integer({ minimum: 1, maximum: 7200 }), Type.Null()]),
  overflow: Type.Union([Overflow, Type.Null()]),
  overflowWhenUnstaffed: Type.Boolean(),
  musicClass: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  announcements: Type.Union([
    Type.Object(
      {
        firstAfterSec: Type.Integer({ minimum: 0 }),
        everySec: Type.Integer({ minimum: 0 }),
        position: Type.Boolean(),
        estimatedWait: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    Type.Null(),
  ]),
  requirements: Type.Array(Skill, { maxItems: 20 }),
  relaxSteps: Type.Array(
    Type.Object(
      { afterSec: Type.Integer({ minimum: 0 }), requirements: Type.Array(Skill, { maxItems: 20 }) },
      { additionalProperties: false },
    ),
    { maxItems: 10 },
  ),
  penaltySteps: Type.Array(
    Type.Object(
      { afterSec: Type.Integer({ minimum: 0 }), maxPenalty: Type.Integer({ minimum: 0, maximum: 100 }) },
      { additionalProperties: false },
    ),
    { maxItems: 10 },
  ),
  recordCalls: Type.Boolean(),
  languages: Type.String({ pattern: '^[a-z]{2}(&[a-z]{2})*$' }),
  members: Type.Array(
    Type.Object(
      { userId: Type.String({ format: 'uuid' }), penalty: Type.Integer({ minimum: 0, maximum: 100 }) },
      { additionalProperties: false },
    ),
    { maxItems: 1000 },
  ),
};
export const QueueCreateBody = Type.Object(
  {
    name: queueFields.name,
    ...Object.fromEntries(
      Object.entries(queueFields)
        .filter(([k]) => k !== 'name')
        .map(([k, v]) => [k, Type.Optional(v)]),
    ),
  } as typeof queueFields,
  { additionalProperties: false },
);
export type QueueCreateBody = { name: string } & Partial<Static<Type.TObject<typeof queueFields>>>;
export const QueueUpdateBody = Type.Partial(Type.Object(queueFields), { additionalProperties: false });
export type QueueUpdateBody = Partial<Static<Type.TObject<typeof queueFields>>>;

export const DidBody = Type.Object(
  {
    number: Type.String({ minLength: 2, maxLength: 32, pattern: '^\\+?[0-9]+$' }),
    name: Type.Optional(Type.String({ maxLength: 80 })),
    targetKind: Type.Union([
      Type.Literal('queue'),
      Type.Literal('ivr'),
      Type.Literal('user'),
      Type.Literal('voicemail'),
    ]),
    targetId: Type.String({ minLength: 1, maxLength: 80 }),
    languages: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z]{2}(&[a-z]{2})*$' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type DidBody = Static<typeof DidBody>;

const IvrTargetKind = Type.Union([
  Type.Literal('queue'),
  Type.Literal('menu'),
  Type.Literal('voicemail'),
  Type.Literal('user'),
]);
export const IvrMenuBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    promptId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9-]+$' }),
    options: Type.Array(
      Type.Object(
        {
          digit: Type.String({ pattern: '^[0-9*#]$' }),
          kind: IvrTargetKind,
          target: Type.String({ minLength: 1, maxLength: 80 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 12 },
    ),
    timeoutSec: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    maxRetries: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
    fallback: Type.Optional(
      Type.Union([
        Type.Object(
          { kind: IvrTargetKind, target: Type.String({ minLength: 1, maxLength: 80 }) },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type IvrMenuBody = Static<typeof IvrMenuBody>;

/** Pause codes and dispositions. */
export const CodeBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z0-9_-]+$' }),
    label: Type.String({ minLength: 1, maxLength: 80 }),
    labelEn: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CodeBody = Static<typeof CodeBody>;

/**
 * PUT /api/agents/:id/profile (admin): skills with levels, and the dial-target seam used by tests. The
 * dial target is in the PBX's own address syntax (tests aim it at Local channels); the route checks it
 * with the PBX adapter's isDialAddress (RS_VALIDATION on dialTarget when refused). null = the user's own
 * softphone.
 */
export const AgentProfileBody = Type.Object(
  {
    skills: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }), Type.Integer({ minimum: 0, maximum: 10 })),
    ),
    // Null first: with type coercion on, null would otherwise be taken as the string "".
    dialTarget: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 120 })])),
  },
  { additionalProperties: false },
);
export type AgentProfileBody = Static<typeof AgentProfileBody>;

export const CallLogQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    agentId: Type.Optional(Type.String({ format: 'uuid' })),
    queueId: Type.Optional(Type.String({ format: 'uuid' })),
    customerId: Type.Optional(Type.String({ format: 'uuid' })),
    outcome: Type.Optional(
      Type.Union(
        ['live', 'completed', 'abandoned', 'overflowed', 'transferred', 'failed'].map((s) => Type.Literal(s)),
      ),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export type CallLogQuery = Static<typeof CallLogQuery>;
