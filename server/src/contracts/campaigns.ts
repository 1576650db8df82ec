import { Type, type Static, type TLiteral, type TUnion } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
const lit = <const T extends readonly string[]>(...xs: T) => Type.Union(xs.map((x) => Type.Literal(x)) as Literals<T>) as TUnion<Literals<T>>;

export const CampaignModeSchema = lit('preview', 'progressive', 'power', 'predictive');
export const CampaignStatusSchema = lit('draft', 'running', 'paused', 'stopped', 'completed');
export const DispositionMeaningSchema = lit('final', 'retry', 'callback', 'dnc', 'recycle');
export const RecordStatusSchema = lit('pending', 'dialing', 'scheduled', 'callback', 'done', 'invalid', 'unreachable', 'dnc', 'max_attempts');

const Clock = Type.String({ pattern: '^([01]?\\d|2[0-3]):[0-5]\\d$|^24:00$' });
const Range = Type.Object({ from: Clock, to: Clock }, { additionalProperties: false });
/** Keys "0"–"6", 0 = Sunday; local time of the called party. */
const DayRanges = Type.Optional(Type.Array(Range, { maxItems: 8 }));
export const CallingWindowsSchema = Type.Object({ '0': DayRanges, '1': DayRanges, '2': DayRanges, '3': DayRanges, '4': DayRanges, '5': DayRanges, '6': DayRanges }, { additionalProperties: false });

const RetryRule = Type.Object({ delaySec: Type.Integer({ minimum: 0, maximum: 30 * 86400 }), maxAttempts: Type.Integer({ minimum: 1, maximum: 100 }) }, { additionalProperties: false });
/** core/dialer/rules RetryRules. */
export const RetryRulesSchema = Type.Object(
  {
    perOutcome: Type.Object({ busy: RetryRule, noAnswer: RetryRule, failed: RetryRule, abandoned: RetryRule, machine: RetryRule }, { additionalProperties: false }),
    maxAttempts: Type.Integer({ minimum: 1, maximum: 100 }),
    unreachableAfterNoAnswerDays: Type.Integer({ minimum: 1, maximum: 30 }),
    abandonedNoRedialSec: Type.Integer({ minimum: 72 * 3600, maximum: 30 * 86400 }),
  },
  { additionalProperties: false },
);

const campaignFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  mode: CampaignModeSchema,
  callerId: Type.String({ maxLength: 40 }),
  trunk: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  script: Type.String({ maxLength: 20000 }),
  maxLinesPerAgent: Type.Integer({ minimum: 1, maximum: 10 }),
  powerLinesPerAgent: Type.Integer({ minimum: 1, maximum: 10 }),
  abandonTarget: Type.Number({ minimum: 0, maximum: 0.2 }),
  abandonWindow: lit('uk24h', 'us30d'),
  amdEnabled: Type.Boolean(),
  amdAction: lit('hangup', 'message'),
  recordCalls: Type.Boolean(),
  ringTimeoutSec: Type.Integer({ minimum: 15, maximum: 120 }),
  callingWindows: CallingWindowsSchema,
  retryRules: Nullable(RetryRulesSchema),
  unreachableAfterNoAnswers: Type.Integer({ minimum: 1, maximum: 30 }),
  teamId: NullableUuid,
  /** Users assigned directly; members of teamIds are assigned too. */
  agentIds: Type.Array(Uuid, { maxItems: 500 }),
  teamIds: Type.Array(Uuid, { maxItems: 50 }),
};
const optional = Type.Partial(Type.Object(campaignFields)).properties;

export const CampaignCreateBody = Type.Object({ ...optional, name: campaignFields.name }, { additionalProperties: false });
export type CampaignCreateBody = Static<typeof CampaignCreateBody>;
export const CampaignUpdateBody = Type.Object(optional, { additionalProperties: false, minProperties: 1 });
export type CampaignUpdateBody = Static<typeof CampaignUpdateBody>;

export const CampaignDto = Type.Object({
  id: Uuid,
  /** Only on GET /api/campaigns/:id. */
  dispositions: Type.Optional(Type.Array(Type.Object({ code: Type.String(), labelZh: Type.String(), labelEn: Type.String(), meaning: Type.String(), retryDelaySec: Nullable(Type.Integer()) }))),
  name: Type.String(),
  status: Type.String(),
  mode: Type.String(),
  callerId: Type.String(),
  trunk: Type.String(),
  script: Type.String(),
  maxLinesPerAgent: Type.Integer(),
  powerLinesPerAgent: Type.Integer(),
  abandonTarget: Type.Number(),
  abandonWindow: Type.String(),
  amdEnabled: Type.Boolean(),
  amdAction: Type.String(),
  recordCalls: Type.Boolean(),
  ringTimeoutSec: Type.Integer(),
  callingWindows: Type.Record(Type.String(), Type.Array(Type.Object({ from: Type.String(), to: Type.String() }))),
  retryRules: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  unreachableAfterNoAnswers: Type.Integer(),
  ownerId: NullableUuid,
  teamId: NullableUuid,
  agentIds: Type.Array(Uuid),
  teamIds: Type.Array(Uuid),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type CampaignDto = Static<typeof CampaignDto>;

export const CampaignListQuery = Type.Object(
  {
    status: Type.Optional(CampaignStatusSchema),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type CampaignListQuery = Static<typeof CampaignListQuery>;
export const CampaignPage = Type.Object({ items: Type.Array(CampaignDto), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const DispositionItem = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^\\S+$' }),
    labelZh: Type.String({ minLength: 1, maxLength: 100 }),
    labelEn: Type.String({ minLength: 1, maxLength: 100 }),
    meaning: DispositionMeaningSchema,
    retryDelaySec: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 30 * 86400 }))),
  },
  { additionalProperties: false },
);
export type DispositionItem = Static<typeof DispositionItem>;
export const DispositionsBody = Type.Object({ items: Type.Array(DispositionItem, { maxItems: 50 }) }, { additionalProperties: false });
export const DispositionsDto = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), labelZh: Type.String(), labelEn: Type.String(), meaning: Type.String(), retryDelaySec: Nullable(Type.Integer()) })),
});

export const RecordListQuery = Type.Object(
  {
    status: Type.Optional(RecordStatusSchema),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  },
  { additionalProperties: false },
);
export type RecordListQuery = Static<typeof RecordListQuery>;

export const CampaignRecordDto = Type.Object({
  id: Uuid,
  campaignId: Uuid,
  phoneRaw: Type.String(),
  phoneE164: Type.String(),
  timezone: Type.String(),
  priority: Type.Integer(),
  name: Nullable(Type.String()),
  leadId: NullableUuid,
  customerId: NullableUuid,
  contactId: NullableUuid,
  status: Type.String(),
  attempts: Type.Integer(),
  consecutiveNoAnswers: Type.Integer(),
  lastOutcome: Nullable(Type.String()),
  lastDisposition: Nullable(Type.String()),
  nextAttemptAt: Nullable(Type.String()),
  callbackAt: Nullable(Type.String()),
  callbackAgentId: NullableUuid,
  abandonedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type CampaignRecordDto = Static<typeof CampaignRecordDto>;
export const CampaignRecordPage = Type.Object({ items: Type.Array(CampaignRecordDto), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const CampaignProgressDto = Type.Object({
  total: Type.Integer(),
  dialed: Type.Integer(),
  connected: Type.Integer(),
  abandoned: Type.Integer(),
  remaining: Type.Integer(),
  /** Percentage 0–100 over the campaign's abandon window. */
  abandonPctWindow: Type.Number(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
});

export const DispositionBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    callbackAt: Type.Optional(Type.String({ format: 'date-time' })),
    callbackTo: Type.Optional(lit('me', 'campaign')),
  },
  { additionalProperties: false },
);
export type DispositionBody = Static<typeof DispositionBody>;

export const MyCampaignDto = Type.Object({
  id: Uuid,
  name: Type.String(),
  mode: Type.String(),
  status: Type.String(),
  script: Type.String(),
  dispositions: DispositionsDto.properties.items,
});
export const MyCampaignsDto = Type.Object({ items: Type.Array(MyCampaignDto) });

// ---- DNC ----
export const DncAddBody = Type.Object(
  { phone: Type.String({ minLength: 3, maxLength: 40 }), reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const DncDeleteQuery = Type.Object({ phone: Type.String({ minLength: 3, maxLength: 40 }) }, { additionalProperties: false });
export const DncListQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 40 })), page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) },
  { additionalProperties: false },
);
export const DncDto = Type.Object({ id: Uuid, campaignId: NullableUuid, phoneE164: Type.String(), reason: Nullable(Type.String()), addedBy: NullableUuid, createdAt: Type.String() });
export const DncPage = Type.Object({ items: Type.Array(DncDto), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

// ---- list import ----
/** Fields an import column may map to. */
export const CAMPAIGN_IMPORT_TARGETS = ['phone', 'name', 'timezone', 'priority'] as const;
export const CampaignImportUploadQuery = Type.Object({ filename: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false });
export const CampaignImportCommitBody = Type.Object(
  { mapping: Type.Record(Type.String({ pattern: '^\\d{1,3}$' }), lit(...CAMPAIGN_IMPORT_TARGETS)) },
  { additionalProperties: false },
);
export type CampaignImportCommitBody = Static<typeof CampaignImportCommitBody>;
export const CampaignImportPreview = Type.Object({
  batchId: Uuid,
  filename: Type.String(),
  encoding: Type.String(),
  headers: Type.Array(Type.String()),
  sampleRows: Type.Array(Type.Array(Type.String())),
  totalRows: Type.Integer(),
  suggestedMapping: Type.Record(Type.String(), Type.String()),
  /** A finished import of the same file into this campaign, if any (re-importing it adds nothing). */
  previousBatchId: NullableUuid,
});
export const CampaignImportIssueDto = Type.Object({ rowNumber: Type.Integer(), kind: Type.String(), field: Nullable(Type.String()), reason: Type.String() });
export const CampaignImportDto = Type.Object({
  id: Uuid,
  campaignId: Uuid,
  filename: Type.String(),
  encoding: Type.String(),
  status: Type.String(),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  importedRows: Type.Integer(),
  /** Phone already in the campaign or earlier in the file (each also listed as a row error). */
  duplicateRows: Type.Integer(),
  /** Rows of this file imported before (a re-import): left alone, not errors. */
  skippedRows: Type.Integer(),
  /** Imported with status 'dnc' (the number is on a DNC list); not errors. */
  dncRows: Type.Integer(),
  errorRows: Type.Integer(),
  failure: Nullable(Type.String()),
  errors: Type.Array(Type.Object({ row: Type.Integer(), field: Nullable(Type.String()), reason: Type.String() })),
  durationMs: Nullable(Type.Integer()),
});
export type CampaignImportDto = Static<typeof CampaignImportDto>;

export const FromQueryBody = Type.Object(
  {
    source: lit('leads', 'customers'),
    filters: Type.Optional(
      Type.Object(
        {
          q: Type.Optional(Type.String({ maxLength: 200 })),
          status: Type.Optional(Type.String({ maxLength: 40 })),
          source: Type.Optional(Type.String({ maxLength: 64 })),
          industry: Type.Optional(Type.String({ maxLength: 200 })),
          level: Type.Optional(Type.String({ maxLength: 40 })),
          ownerId: Type.Optional(Uuid),
        },
        { additionalProperties: false },
      ),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type FromQueryBody = Static<typeof FromQueryBody>;
export const FromQueryResult = Type.Object({ matched: Type.Integer(), added: Type.Integer(), duplicates: Type.Integer(), dnc: Type.Integer(), withoutPhone: Type.Integer() });
