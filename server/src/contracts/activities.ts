import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const NullableDateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const ACTIVITY_KINDS = ['call', 'visit', 'email', 'sms', 'meeting', 'task', 'note'] as const;
export const ActivityKindSchema = Type.Union([Type.Literal('call'), Type.Literal('visit'), Type.Literal('email'), Type.Literal('sms'), Type.Literal('meeting'), Type.Literal('task'), Type.Literal('note')]);

export const ActivityCreateBody = Type.Object(
  {
    kind: ActivityKindSchema,
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    body: Type.Optional(Type.Union([Type.String({ maxLength: 20000 }), Type.Null()])),
    occurredAt: Type.Optional(Type.String({ format: 'date-time' })),
    dueAt: Type.Optional(NullableDateTime),
    remindAt: Type.Optional(NullableDateTime),
    done: Type.Optional(Type.Boolean()),
    customerId: Type.Optional(NullableUuid),
    contactId: Type.Optional(NullableUuid),
    leadId: Type.Optional(NullableUuid),
    opportunityId: Type.Optional(NullableUuid),
    serviceRequestId: Type.Optional(NullableUuid),
    ownerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ActivityCreateBody = Static<typeof ActivityCreateBody>;

export const ActivityUpdateBody = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    body: Type.Optional(Type.Union([Type.String({ maxLength: 20000 }), Type.Null()])),
    occurredAt: Type.Optional(Type.String({ format: 'date-time' })),
    dueAt: Type.Optional(NullableDateTime),
    remindAt: Type.Optional(NullableDateTime),
    ownerId: Type.Optional(Uuid),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ActivityUpdateBody = Static<typeof ActivityUpdateBody>;

export const ActivityItemDto = Type.Object({
  id: Uuid,
  kind: Type.String(),
  subject: Type.String(),
  body: Type.Union([Type.String(), Type.Null()]),
  occurredAt: Type.String(),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  remindAt: Type.Union([Type.String(), Type.Null()]),
  doneAt: Type.Union([Type.String(), Type.Null()]),
  customerId: NullableUuid,
  contactId: NullableUuid,
  leadId: NullableUuid,
  opportunityId: NullableUuid,
  serviceRequestId: NullableUuid,
  callId: NullableUuid,
  details: Type.Record(Type.String(), Type.Unknown()),
  ownerId: NullableUuid,
  teamId: NullableUuid,
  createdAt: Type.String(),
});
export type ActivityItemDto = Static<typeof ActivityItemDto>;

export const ActivityListQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean()),
    kind: Type.Optional(ActivityKindSchema),
    customerId: Type.Optional(Uuid),
    contactId: Type.Optional(Uuid),
    leadId: Type.Optional(Uuid),
    opportunityId: Type.Optional(Uuid),
    serviceRequestId: Type.Optional(Uuid),
    open: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type ActivityListQuery = Static<typeof ActivityListQuery>;
export const ActivityPage = Type.Object({ items: Type.Array(ActivityItemDto), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

/** "My follow-ups": open activities with a due time, split around the caller's local day. */
export const FollowUpQuery = Type.Object(
  { dayStart: Type.Optional(Type.String({ format: 'date-time' })), ownerId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const FollowUpDto = Type.Object({ overdue: Type.Array(ActivityItemDto), today: Type.Array(ActivityItemDto), upcoming: Type.Array(ActivityItemDto) });
export type FollowUpDto = Static<typeof FollowUpDto>;

export interface ReminderEvent {
  kind: 'activity' | 'service_request';
  id: string;
  subject: string;
  remindAt: string;
  dueAt: string | null;
  customerId: string | null;
}
