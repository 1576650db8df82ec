import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RetryRules, RetryableOutcome } from '../../core/dialer/rules/types.ts';
import { calls } from './calls.ts';
import { contacts, customers } from './customers.ts';
import { leads } from './leads.ts';
import { teams, users } from './users.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type CampaignStatus = 'draft' | 'running' | 'paused' | 'stopped' | 'completed';
export type CampaignMode = 'preview' | 'progressive' | 'power' | 'predictive';
/** Keys "0"–"6", 0 = Sunday (as Date#getDay), each a list of local-time ranges, end exclusive. */
export type CampaignCallingWindows = Record<string, { from: string; to: string }[]>;
export type DispositionMeaning = 'final' | 'retry' | 'callback' | 'dnc' | 'recycle';
export type CampaignRecordStatus = 'pending' | 'dialing' | 'scheduled' | 'callback' | 'done' | 'invalid' | 'unreachable' | 'dnc' | 'max_attempts';
export type CampaignAttemptOutcome = 'answered' | 'busy' | 'noAnswer' | 'failed' | 'unallocated' | 'congestion' | 'machine' | 'abandoned';

/**
 * Outbound campaigns (issue 5). The dialer role reads running campaigns and claims records through
 * modules/campaigns/dialer-store.ts; the dialing rules themselves are the pure core/dialer/rules.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft').$type<CampaignStatus>(),
    mode: text('mode').notNull().default('progressive').$type<CampaignMode>(),
    callerId: text('caller_id').notNull().default(''),
    trunk: text('trunk').notNull().default('carrier'),
    script: text('script').notNull().default(''),
    maxLinesPerAgent: integer('max_lines_per_agent').notNull().default(3),
    powerLinesPerAgent: integer('power_lines_per_agent').notNull().default(2),
    abandonTarget: numeric('abandon_target', { precision: 5, scale: 4, mode: 'number' }).notNull().default(0.03),
    abandonWindow: text('abandon_window').notNull().default('uk24h').$type<'uk24h' | 'us30d'>(),
    amdEnabled: boolean('amd_enabled').notNull().default(false),
    amdAction: text('amd_action').notNull().default('hangup').$type<'hangup' | 'message'>(),
    recordCalls: boolean('record_calls').notNull().default(false),
    ringTimeoutSec: integer('ring_timeout_sec').notNull().default(25),
    callingWindows: jsonb('calling_windows').$type<CampaignCallingWindows>().notNull().default({}),
    /** core/dialer/rules RetryRules; null = the core defaults. */
    retryRules: jsonb('retry_rules').$type<RetryRules | null>(),
    unreachableAfterNoAnswers: integer('unreachable_after_no_answers').notNull().default(3),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaigns_status_idx').on(t.status), index('campaigns_team_idx').on(t.teamId)],
);

export const campaignAgents = pgTable(
  'campaign_agents',
  {
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] }), index('campaign_agents_user_idx').on(t.userId)],
);

export const campaignTeams = pgTable(
  'campaign_teams',
  {
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.teamId] }), index('campaign_teams_team_idx').on(t.teamId)],
);

export const campaignDispositions = pgTable(
  'campaign_dispositions',
  {
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    meaning: text('meaning').notNull().$type<DispositionMeaning>(),
    /** For 'retry': when to dial again. */
    retryDelaySec: integer('retry_delay_sec'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.code] })],
);

export const campaignRecords = pgTable(
  'campaign_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    phoneRaw: text('phone_raw').notNull(),
    phoneE164: text('phone_e164').notNull(),
    /** IANA zone of the called party (from the number's region when the list did not say). */
    timezone: text('timezone').notNull(),
    priority: integer('priority').notNull().default(0),
    name: text('name'),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('pending').$type<CampaignRecordStatus>(),
    attempts: integer('attempts').notNull().default(0),
    /** Per retryable outcome, attempts so far (core DialRecord.attemptsByOutcome). */
    attemptsByOutcome: jsonb('attempts_by_outcome').$type<Partial<Record<RetryableOutcome, number>>>().notNull().default({}),
    consecutiveNoAnswers: integer('consecutive_no_answers').notNull().default(0),
    /** Local dates (YYYY-MM-DD) of the current run of consecutive no-answers. */
    noAnswerDays: jsonb('no_answer_days').$type<string[]>().notNull().default([]),
    lastOutcome: text('last_outcome').$type<CampaignAttemptOutcome>(),
    lastDisposition: text('last_disposition'),
    lastAgentId: uuid('last_agent_id').references(() => users.id, { onDelete: 'set null' }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    callbackAt: timestamp('callback_at', { withTimezone: true }),
    callbackAgentId: uuid('callback_agent_id').references(() => users.id, { onDelete: 'set null' }),
    abandonedAt: timestamp('abandoned_at', { withTimezone: true }),
    /** When it was marked 'dialing' (a claim that is never finished can be found and released). */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    importKey: text('import_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_records_phone_unique').on(t.campaignId, t.phoneE164),
    uniqueIndex('campaign_records_import_key_unique').on(t.campaignId, t.importKey),
    index('campaign_records_due_idx').on(t.campaignId, t.status, t.nextAttemptAt),
    index('campaign_records_callback_idx').on(t.campaignId, t.callbackAt).where(sql`${t.callbackAt} is not null`),
  ],
);

export const dncNumbers = pgTable(
  'dnc_numbers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** null = the global list. */
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    phoneE164: text('phone_e164').notNull(),
    reason: text('reason'),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dnc_numbers_unique').on(sql`coalesce(${t.campaignId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.phoneE164),
    index('dnc_numbers_phone_idx').on(t.phoneE164),
  ],
);

export const campaignAttempts = pgTable(
  'campaign_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    recordId: uuid('record_id').notNull().references(() => campaignRecords.id, { onDelete: 'cascade' }),
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    outcome: text('outcome').notNull().$type<CampaignAttemptOutcome>(),
    cause: integer('cause'),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    amdResult: text('amd_result'),
    /** The agent's disposition code and note, set after an answered attempt. */
    disposition: text('disposition'),
    note: text('note'),
  },
  (t) => [
    index('campaign_attempts_campaign_idx').on(t.campaignId, t.startedAt),
    index('campaign_attempts_record_idx').on(t.recordId, t.startedAt),
    index('campaign_attempts_agent_idx').on(t.agentId, t.startedAt),
  ],
);

export type CampaignImportStatus = 'previewed' | 'running' | 'done' | 'failed';

/** One list upload: the bytes stay between preview and commit; file_hash recognises a re-upload. */
export const campaignImports = pgTable(
  'campaign_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    fileHash: text('file_hash').notNull(),
    encoding: text('encoding').notNull(),
    content: bytea('content'),
    status: text('status').notNull().default('previewed').$type<CampaignImportStatus>(),
    /** Column index in the file → record field (phone, name, timezone, priority). */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    duplicateRows: integer('duplicate_rows').notNull().default(0),
    dncRows: integer('dnc_rows').notNull().default(0),
    /** Rows of this same file imported before (a re-import), left alone. */
    skippedRows: integer('skipped_rows').notNull().default(0),
    failure: text('failure'),
    errorRows: integer('error_rows').notNull().default(0),
    errors: jsonb('errors').$type<{ row: number; field: string | null; reason: string }[]>().notNull().default([]),
    durationMs: bigint('duration_ms', { mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('campaign_imports_campaign_idx').on(t.campaignId, t.fileHash)],
);
