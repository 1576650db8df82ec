import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts, customers } from './customers.ts';
import { ownedColumns } from './ownership.ts';

export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'converted' | 'disqualified';

/** Prospects not yet customers (线索): manual, imported or captured by the website form. */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    company: text('company'),
    title: text('title'),
    email: text('email'),
    source: text('source').notNull().default('manual'),
    status: text('status').notNull().default('new').$type<LeadStatus>(),
    industry: text('industry'),
    address: text('address'),
    notes: text('notes'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    importBatchId: uuid('import_batch_id'),
    /** sha256(file hash, row number) for imported rows: re-importing the same file adds nothing. */
    importRowHash: text('import_row_hash'),
    /** Set for website leads: the form that captured it. */
    webformId: uuid('webform_id'),
    convertedCustomerId: uuid('converted_customer_id').references(() => customers.id, { onDelete: 'set null' }),
    convertedContactId: uuid('converted_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    convertedOpportunityId: uuid('converted_opportunity_id'),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...ownedColumns(),
  },
  (t) => [
    index('leads_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('leads_company_trgm').using('gin', sql`${t.company} gin_trgm_ops`),
    index('leads_email_idx').on(sql`lower(${t.email})`),
    index('leads_owner_idx').on(t.ownerId),
    index('leads_status_idx').on(t.status),
    uniqueIndex('leads_import_row_hash_unique').on(t.importRowHash),
    index('leads_company_idx').on(t.company),
  ],
);
