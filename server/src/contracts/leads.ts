import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const Text = (max: number) => Type.String({ maxLength: max });

export const LeadStatusSchema = Type.Union([Type.Literal('new'), Type.Literal('contacted'), Type.Literal('qualified'), Type.Literal('converted'), Type.Literal('disqualified')]);
/** Sources (M2): manual, imported and website leads; free text beyond these is allowed for campaigns. */
export const LEAD_SOURCES = ['manual', 'import', 'website'] as const;

const leadFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  company: Type.Optional(Type.Union([Text(200), Type.Null()])),
  title: Type.Optional(Type.Union([Text(200), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
  source: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  industry: Type.Optional(Type.Union([Text(200), Type.Null()])),
  address: Type.Optional(Type.Union([Text(500), Type.Null()])),
  notes: Type.Optional(Type.Union([Text(5000), Type.Null()])),
  phones: Type.Optional(Type.Array(Type.String({ minLength: 3, maxLength: 40 }), { maxItems: 10 })),
  custom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};

export const LeadCreateBody = Type.Object({ ...leadFields, ownerId: Type.Optional(Uuid) }, { additionalProperties: false });
export type LeadCreateBody = Static<typeof LeadCreateBody>;

export const LeadUpdateBody = Type.Object(
  { ...leadFields, name: Type.Optional(leadFields.name), status: Type.Optional(LeadStatusSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type LeadUpdateBody = Static<typeof LeadUpdateBody>;

export const LeadAssignBody = Type.Object({ ownerId: Uuid, teamId: Type.Optional(NullableUuid) }, { additionalProperties: false });

export const LeadDto = Type.Object({
  id: Uuid,
  name: Type.String(),
  company: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  status: Type.String(),
  industry: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  phones: Type.Array(Type.Object({ e164: Type.String(), raw: Type.String(), kind: Type.String() })),
  custom: Type.Record(Type.String(), Type.Unknown()),
  ownerId: NullableUuid,
  teamId: NullableUuid,
  convertedCustomerId: NullableUuid,
  convertedContactId: NullableUuid,
  convertedOpportunityId: NullableUuid,
  convertedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type LeadDto = Static<typeof LeadDto>;

export const LeadListQuery = Type.Object(
  {
    status: Type.Optional(LeadStatusSchema),
    source: Type.Optional(Type.String({ maxLength: 64 })),
    ownerId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  },
  { additionalProperties: false },
);
export type LeadListQuery = Static<typeof LeadListQuery>;
export const LeadPage = Type.Object({ items: Type.Array(LeadDto), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const ActivityDto = Type.Object({
  id: Uuid,
  kind: Type.String(),
  subject: Type.String(),
  body: Type.Union([Type.String(), Type.Null()]),
  occurredAt: Type.String(),
  ownerId: NullableUuid,
});

// ---- import ----
export const DuplicatePolicySchema = Type.Union([Type.Literal('skip'), Type.Literal('update'), Type.Literal('create')]);
export const DedupeKeySchema = Type.Union([Type.Literal('phone'), Type.Literal('email'), Type.Literal('company')]);
/** Target fields an import column may map to; custom.<key> is also accepted. */
export const IMPORT_TARGETS = ['name', 'company', 'phone', 'email', 'title', 'source', 'industry', 'address', 'notes'] as const;

export const ImportUploadQuery = Type.Object({ filename: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false });
export const ImportPreview = Type.Object({
  batchId: Uuid,
  filename: Type.String(),
  encoding: Type.String(),
  headers: Type.Array(Type.String()),
  sampleRows: Type.Array(Type.Array(Type.String())),
  totalRows: Type.Integer(),
  /** Column index (as a string) → suggested target field. */
  suggestedMapping: Type.Record(Type.String(), Type.String()),
  /** A finished earlier import of the very same file, if any (re-importing it adds nothing). */
  previousBatchId: NullableUuid,
});
export type ImportPreview = Static<typeof ImportPreview>;

export const ImportCommitBody = Type.Object(
  {
    mapping: Type.Record(Type.String({ pattern: '^[0-9]+$' }), Type.String({ pattern: '^(name|company|phone|email|title|source|industry|address|notes|custom\\.[A-Za-z0-9_]+)$' })),
    policy: DuplicatePolicySchema,
    dedupeKeys: Type.Optional(Type.Array(DedupeKeySchema, { maxItems: 3 })),
  },
  { additionalProperties: false },
);
export type ImportCommitBody = Static<typeof ImportCommitBody>;

export const ImportBatchDto = Type.Object({
  id: Uuid,
  filename: Type.String(),
  status: Type.String(),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  importedRows: Type.Integer(),
  updatedRows: Type.Integer(),
  skippedRows: Type.Integer(),
  errorRows: Type.Integer(),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  failure: Type.Union([Type.String(), Type.Null()]),
});
export type ImportBatchDto = Static<typeof ImportBatchDto>;

export const ImportIssueDto = Type.Object({ rowNumber: Type.Integer(), kind: Type.String(), field: Type.Union([Type.String(), Type.Null()]), reason: Type.String() });

// ---- web forms ----
export const WebformFieldSchema = Type.Object(
  {
    key: Type.String({ pattern: '^(name|company|phone|email|title|address|notes|custom\\.[A-Za-z0-9_]+)$' }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    required: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const WebformBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    fields: Type.Array(WebformFieldSchema, { minItems: 1, maxItems: 20 }),
    targetOwnerId: Type.Optional(NullableUuid),
    targetTeamId: Type.Optional(NullableUuid),
    thankYouMessage: Type.String({ minLength: 1, maxLength: 500 }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type WebformBody = Static<typeof WebformBody>;
export const WebformDto = Type.Object({
  id: Uuid,
  name: Type.String(),
  fields: Type.Array(WebformFieldSchema),
  targetOwnerId: NullableUuid,
  targetTeamId: NullableUuid,
  thankYouMessage: Type.String(),
  active: Type.Boolean(),
});
export type WebformDto = Static<typeof WebformDto>;
export const WebformSnippet = Type.Object({ html: Type.String(), endpoint: Type.String() });

// ---- conversion ----
export const ConvertBody = Type.Object(
  {
    /** Attach the contact to an existing customer instead of creating one. */
    customerId: Type.Optional(Uuid),
    createOpportunity: Type.Boolean({ default: false }),
    opportunityName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** Integer cents (fen), as opportunities store money. */
    opportunityAmountCents: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Values for required custom fields of the new records the mapping does not fill. */
    customerCustom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    contactCustom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    opportunityCustom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export type ConvertBody = Static<typeof ConvertBody>;
export const ConvertResult = Type.Object({ leadId: Uuid, customerId: Uuid, contactId: Uuid, opportunityId: NullableUuid });

export const ConversionMappingItem = Type.Object(
  {
    leadKey: Type.String({ pattern: '^[A-Za-z0-9_]+$', maxLength: 64 }),
    target: Type.Union([Type.Literal('customer'), Type.Literal('contact'), Type.Literal('opportunity')]),
    targetKey: Type.String({ pattern: '^[A-Za-z0-9_]+$', maxLength: 64 }),
  },
  { additionalProperties: false },
);
export const ConversionMappingBody = Type.Object({ items: Type.Array(ConversionMappingItem, { maxItems: 200 }) }, { additionalProperties: false });
export type ConversionMappingBody = Static<typeof ConversionMappingBody>;
