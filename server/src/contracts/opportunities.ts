import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const NullableText = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);
const DateOnly = Type.String({ format: 'date' });
/** Integer cents (fen); never floats. */
const Cents = Type.Integer({ minimum: 0, maximum: 9_000_000_000_000 });

export const StageKindSchema = Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]);
const stageFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  winRate: Type.Integer({ minimum: 0, maximum: 100 }),
  kind: Type.Optional(StageKindSchema),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
};
export const StageCreateBody = Type.Object(stageFields, { additionalProperties: false });
export type StageCreateBody = Static<typeof StageCreateBody>;
export const StageUpdateBody = Type.Object(
  { name: Type.Optional(stageFields.name), winRate: Type.Optional(stageFields.winRate), kind: stageFields.kind, position: stageFields.position },
  { additionalProperties: false, minProperties: 1 },
);
export type StageUpdateBody = Static<typeof StageUpdateBody>;

export const PipelineCreateBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), isDefault: Type.Optional(Type.Boolean()), stages: Type.Array(StageCreateBody, { minItems: 1, maxItems: 30 }) },
  { additionalProperties: false },
);
export type PipelineCreateBody = Static<typeof PipelineCreateBody>;
export const PipelineUpdateBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), isDefault: Type.Optional(Type.Boolean()), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type PipelineUpdateBody = Static<typeof PipelineUpdateBody>;

export const StageDto = Type.Object({ id: Uuid, pipelineId: Uuid, name: Type.String(), position: Type.Integer(), winRate: Type.Integer(), kind: Type.String() });
export type StageDto = Static<typeof StageDto>;
export const PipelineDto = Type.Object({ id: Uuid, name: Type.String(), isDefault: Type.Boolean(), active: Type.Boolean(), stages: Type.Array(StageDto) });
export type PipelineDto = Static<typeof PipelineDto>;

const opportunityFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  customerId: Uuid,
  contactId: Type.Optional(NullableUuid),
  pipelineId: Type.Optional(Uuid),
  stageId: Type.Optional(Uuid),
  amountCents: Type.Optional(Cents),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  expectedCloseDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  sourceLeadId: Type.Optional(NullableUuid),
  description: Type.Optional(NullableText(5000)),
  ownerId: Type.Optional(Uuid),
  custom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};
export const OpportunityCreateBody = Type.Object(opportunityFields, { additionalProperties: false });
export type OpportunityCreateBody = Static<typeof OpportunityCreateBody>;
export const OpportunityUpdateBody = Type.Object(
  {
    name: Type.Optional(opportunityFields.name),
    contactId: opportunityFields.contactId,
    amountCents: opportunityFields.amountCents,
    currency: opportunityFields.currency,
    expectedCloseDate: opportunityFields.expectedCloseDate,
    description: opportunityFields.description,
    ownerId: opportunityFields.ownerId,
    custom: opportunityFields.custom,
    /** Optimistic concurrency: when given, a stale version answers 409. */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OpportunityUpdateBody = Static<typeof OpportunityUpdateBody>;
/** Kanban move: the version the client saw is required, so a stale card answers 409 RS_CONFLICT. */
export const OpportunityMoveBody = Type.Object({ stageId: Uuid, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type OpportunityMoveBody = Static<typeof OpportunityMoveBody>;

export const OpportunityDto = Type.Object({
  id: Uuid,
  name: Type.String(),
  customerId: Uuid,
  customerName: Type.Union([Type.String(), Type.Null()]),
  contactId: NullableUuid,
  pipelineId: Uuid,
  stageId: Uuid,
  stageName: Type.String(),
  winRate: Type.Integer(),
  status: Type.String(),
  amountCents: Type.Integer(),
  weightedCents: Type.Integer(),
  currency: Type.String(),
  expectedCloseDate: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  sourceLeadId: NullableUuid,
  description: Type.Union([Type.String(), Type.Null()]),
  custom: Type.Record(Type.String(), Type.Unknown()),
  ownerId: NullableUuid,
  ownerName: Type.Union([Type.String(), Type.Null()]),
  teamId: NullableUuid,
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type OpportunityDto = Static<typeof OpportunityDto>;

export const StageHistoryDto = Type.Object({
  id: Uuid,
  fromStageId: NullableUuid,
  fromStageName: Type.Union([Type.String(), Type.Null()]),
  toStageId: Uuid,
  toStageName: Type.String(),
  amountCents: Type.Integer(),
  winRate: Type.Integer(),
  changedBy: NullableUuid,
  changedByName: Type.Union([Type.String(), Type.Null()]),
  changedAt: Type.String(),
});
export type StageHistoryDto = Static<typeof StageHistoryDto>;

export const OpportunityListQuery = Type.Object(
  {
    pipelineId: Type.Optional(Uuid),
    stageId: Type.Optional(Uuid),
    customerId: Type.Optional(Uuid),
    ownerId: Type.Optional(Uuid),
    status: Type.Optional(StageKindSchema),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  },
  { additionalProperties: false },
);
export type OpportunityListQuery = Static<typeof OpportunityListQuery>;
export const OpportunityPage = Type.Object({ items: Type.Array(OpportunityDto), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const OpportunityDetail = Type.Object({ opportunity: OpportunityDto, history: Type.Array(StageHistoryDto) });

export const ForecastQuery = Type.Object(
  {
    period: Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('quarter')], { default: 'month' }),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    groupBy: Type.Union([Type.Literal('owner'), Type.Literal('team')], { default: 'owner' }),
    pipelineId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ForecastQuery = Static<typeof ForecastQuery>;
export const ForecastRow = Type.Object({
  periodStart: Type.String(),
  groupId: NullableUuid,
  groupName: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  amountCents: Type.Integer(),
  weightedCents: Type.Integer(),
});
export type ForecastRow = Static<typeof ForecastRow>;
export const ForecastTotal = Type.Object({ periodStart: Type.String(), count: Type.Integer(), amountCents: Type.Integer(), weightedCents: Type.Integer() });
export const ForecastDto = Type.Object({ period: Type.String(), groupBy: Type.String(), rows: Type.Array(ForecastRow), totals: Type.Array(ForecastTotal) });
export type ForecastDto = Static<typeof ForecastDto>;

export const FunnelQuery = Type.Object(
  { pipelineId: Type.Optional(Uuid), from: Type.Optional(DateOnly), to: Type.Optional(DateOnly), ownerId: Type.Optional(Uuid), teamId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type FunnelQuery = Static<typeof FunnelQuery>;
export const FunnelStage = Type.Object({
  stageId: Uuid,
  name: Type.String(),
  position: Type.Integer(),
  winRate: Type.Integer(),
  kind: Type.String(),
  count: Type.Integer(),
  amountCents: Type.Integer(),
  weightedCents: Type.Integer(),
});
export const FunnelDto = Type.Object({ pipelineId: Uuid, stages: Type.Array(FunnelStage), totalWeightedCents: Type.Integer() });
export type FunnelDto = Static<typeof FunnelDto>;
