import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const NullableText = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);
const NullableDateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const SERVICE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const SERVICE_STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed', 'cancelled'] as const;
const PrioritySchema = Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high'), Type.Literal('urgent')]);
const StatusSchema = Type.Union([Type.Literal('new'), Type.Literal('assigned'), Type.Literal('in_progress'), Type.Literal('waiting'), Type.Literal('resolved'), Type.Literal('closed'), Type.Literal('cancelled')]);

export const ServiceCreateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(NullableText(10000)),
    customerId: Uuid,
    contactId: Type.Optional(NullableUuid),
    category: Type.Optional(NullableText(64)),
    priority: Type.Optional(PrioritySchema),
    dueAt: Type.Optional(NullableDateTime),
    remindAt: Type.Optional(NullableDateTime),
    ownerId: Type.Optional(Uuid),
    teamId: Type.Optional(NullableUuid),
    custom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export type ServiceCreateBody = Static<typeof ServiceCreateBody>;
export const ServiceUpdateBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(NullableText(10000)),
    contactId: Type.Optional(NullableUuid),
    category: Type.Optional(NullableText(64)),
    priority: Type.Optional(PrioritySchema),
    dueAt: Type.Optional(NullableDateTime),
    remindAt: Type.Optional(NullableDateTime),
    custom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ServiceUpdateBody = Static<typeof ServiceUpdateBody>;
export const ServiceStatusBody = Type.Object({ status: StatusSchema, note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type ServiceStatusBody = Static<typeof ServiceStatusBody>;
export const ServiceAssignBody = Type.Object(
  { ownerId: Type.Optional(NullableUuid), teamId: Type.Optional(NullableUuid), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type ServiceAssignBody = Static<typeof ServiceAssignBody>;
export const DispatchBody = Type.Object(
  {
    technicianId: Type.Optional(NullableUuid),
    scheduledAt: Type.Optional(NullableDateTime),
    completedAt: Type.Optional(NullableDateTime),
    parts: Type.Optional(
      Type.Array(Type.Object({ partNo: Type.Optional(Type.String({ maxLength: 64 })), name: Type.String({ minLength: 1, maxLength: 200 }), quantity: Type.Number({ exclusiveMinimum: 0, maximum: 100000 }) }, { additionalProperties: false }), { maxItems: 100 }),
    ),
    labourHours: Type.Optional(Type.Number({ minimum: 0, maximum: 10000, multipleOf: 0.01 })),
    notes: Type.Optional(NullableText(5000)),
  },
  { additionalProperties: false },
);
export type DispatchBody = Static<typeof DispatchBody>;
export const FeedbackBody = Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type FeedbackBody = Static<typeof FeedbackBody>;

export const ServiceRequestDto = Type.Object({
  id: Uuid, number: Type.String(), title: Type.String(), description: Type.Union([Type.String(), Type.Null()]), customerId: Uuid,
  customerName: Type.Union([Type.String(), Type.Null()]), contactId: NullableUuid, category: Type.Union([Type.String(), Type.Null()]),
  priority: Type.String(), status: Type.String(), isOpen: Type.Boolean(), dueAt: Type.Union([Type.String(), Type.Null()]),
  remindAt: Type.Union([Type.String(), Type.Null()]), resolvedAt: Type.Union([Type.String(), Type.Null()]), closedAt: Type.Union([Type.String(), Type.Null()]),
  custom: Type.Record(Type.String(), Type.Unknown()), ownerId: NullableUuid, teamId: NullableUuid, version: Type.Integer(),
  createdAt: Type.String(), updatedAt: Type.String(),
});
export type ServiceRequestDto = Static<typeof ServiceRequestDto>;
export const ServiceHistoryDto = Type.Object({
  fromStatus: Type.Union([Type.String(), Type.Null()]), toStatus: Type.String(), fromOwnerId: NullableUuid, toOwnerId: NullableUuid,
  note: Type.Union([Type.String(), Type.Null()]), changedBy: NullableUuid, changedAt: Type.String(),
});
export const DispatchDto = Type.Object({
  id: Uuid, technicianId: NullableUuid, scheduledAt: Type.Union([Type.String(), Type.Null()]), completedAt: Type.Union([Type.String(), Type.Null()]),
  parts: Type.Array(Type.Object({ partNo: Type.Optional(Type.String()), name: Type.String(), quantity: Type.Number() })), labourHours: Type.String(),
  notes: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(),
});
export const FeedbackDto = Type.Object({ score: Type.Integer(), comment: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String() });
export const ServiceDetailDto = Type.Object({
  request: ServiceRequestDto, history: Type.Array(ServiceHistoryDto), dispatches: Type.Array(DispatchDto), feedback: Type.Union([FeedbackDto, Type.Null()]),
});
export type ServiceDetailDto = Static<typeof ServiceDetailDto>;
export const ServiceListQuery = Type.Object(
  {
    status: Type.Optional(StatusSchema), open: Type.Optional(Type.Boolean()), priority: Type.Optional(PrioritySchema), customerId: Type.Optional(Uuid),
    ownerId: Type.Optional(Uuid), q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type ServiceListQuery = Static<typeof ServiceListQuery>;
export const ServicePage = Type.Object({ items: Type.Array(ServiceRequestDto), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
