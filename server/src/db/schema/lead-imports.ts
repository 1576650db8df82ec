import { bigint, boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ownedColumns } from './ownership.ts';
import { teams, users } from './users.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type ImportStatus = 'previewed' | 'queued' | 'running' | 'done' | 'failed';
export type DuplicatePolicy = 'skip' | 'update' | 'create';
export type DedupeKey = 'phone' | 'email' | 'company';

/** Column index in the file → lead field ("name", "phone", "custom.<key>", ...). */
export type ImportMapping = Record<string, string>;

/**
 * One upload of a lead file. The file bytes live on the row between preview and commit so any worker
 * process can run the import; file_hash lets a re-upload of the same file be recognised.
 */
export const leadImportBatches = pgTable(
  'lead_import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filename: text('filename').notNull(),
    fileHash: text('file_hash').notNull(),
    encoding: text('encoding').notNull(),
    content: bytea('content'),
    status: text('status').notNull().default('previewed').$type<ImportStatus>(),
    mapping: jsonb('mapping').$type<ImportMapping>(),
    policy: text('policy').$type<DuplicatePolicy>(),
    dedupeKeys: jsonb('dedupe_keys').$type<DedupeKey[]>(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    updatedRows: integer('updated_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    durationMs: bigint('duration_ms', { mode: 'number' }),
    failure: text('failure'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...ownedColumns(),
  },
  (t) => [index('lead_import_batches_hash_idx').on(t.fileHash), index('lead_import_batches_owner_idx').on(t.ownerId)],
);

/** A row that was not imported (error) or deliberately left out (skipped duplicate), with the reason. */
export const leadImportIssues = pgTable(
  'lead_import_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id').notNull().references(() => leadImportBatches.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    kind: text('kind').notNull().$type<'error' | 'skipped'>(),
    field: text('field'),
    reason: text('reason').notNull(),
  },
  (t) => [index('lead_import_issues_batch_idx').on(t.batchId, t.rowNumber)],
);

/** A company's website form (M6): which fields it asks for, where its leads go, what it says after. */
export const leadWebforms = pgTable('lead_webforms', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  fields: jsonb('fields').$type<WebformField[]>().notNull(),
  targetOwnerId: uuid('target_owner_id').references(() => users.id, { onDelete: 'set null' }),
  targetTeamId: uuid('target_team_id').references(() => teams.id, { onDelete: 'set null' }),
  thankYouMessage: text('thank_you_message').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export interface WebformField {
  /** A lead field (name, company, phone, email, title, address, notes) or custom.<key>. */
  key: string;
  label: string;
  required: boolean;
}

/** Admin-configured mapping of a lead custom field onto a customer/contact/opportunity custom field (M11). */
export const leadConversionMappings = pgTable('lead_conversion_mappings', {
  id: uuid('id').primaryKey().defaultRandom(),
  leadKey: text('lead_key').notNull(),
  target: text('target').notNull().$type<'customer' | 'contact' | 'opportunity'>(),
  targetKey: text('target_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
