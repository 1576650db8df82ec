import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ownedColumns } from './ownership.ts';

export interface PostalAddress {
  label?: string;
  country?: string;
  province?: string;
  city?: string;
  district?: string;
  street?: string;
  postcode?: string;
}

/** Companies and individuals we sell to and serve (客户). */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull().default('company').$type<'company' | 'individual'>(),
    name: text('name').notNull(),
    industry: text('industry'),
    size: text('size'),
    source: text('source'),
    level: text('level'),
    relationship: text('relationship'),
    firstCooperationDate: date('first_cooperation_date'),
    firstCooperationType: text('first_cooperation_type'),
    valueGrade: text('value_grade'),
    satisfaction: integer('satisfaction'),
    emails: text('emails').array().notNull().default(sql`'{}'`),
    addresses: jsonb('addresses').$type<PostalAddress[]>().notNull().default([]),
    website: text('website'),
    notes: text('notes'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    // Recency fields, kept current by activities, orders and service requests (C16, C17).
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    nextContactAt: timestamp('next_contact_at', { withTimezone: true }),
    lastTransactionAt: timestamp('last_transaction_at', { withTimezone: true }),
    lastServiceAt: timestamp('last_service_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...ownedColumns(),
  },
  (t) => [
    index('customers_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('customers_owner_idx').on(t.ownerId),
    index('customers_team_idx').on(t.teamId),
    index('customers_next_contact_idx').on(t.nextContactAt),
    index('customers_last_contact_idx').on(t.lastContactAt),
    // List default sort, "custom field equals" filter (custom @> {...}) and exact e-mail search.
    index('customers_updated_idx').on(t.updatedAt),
    index('customers_custom_gin').using('gin', sql`${t.custom} jsonb_path_ops`),
    index('customers_emails_gin').using('gin', t.emails),
  ],
);

/** People at a customer (联系人); reports-to forms the contact↔contact relation (C19). */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    gender: text('gender'),
    birthday: date('birthday'),
    emails: text('emails').array().notNull().default(sql`'{}'`),
    isPrimary: boolean('is_primary').notNull().default(false),
    reportsToContactId: uuid('reports_to_contact_id').references((): AnyPgColumn => contacts.id, { onDelete: 'set null' }),
    notes: text('notes'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...ownedColumns(),
  },
  (t) => [
    index('contacts_customer_idx').on(t.customerId),
    index('contacts_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('contacts_owner_idx').on(t.ownerId),
    index('contacts_team_idx').on(t.teamId),
    index('contacts_emails_gin').using('gin', t.emails),
    index('contacts_reports_to_idx').on(t.reportsToContactId),
  ],
);

/** Customer↔customer relations (C18): upstream/downstream, partner, parent/child brand. */
export const customerRelations = pgTable(
  'customer_relations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromCustomerId: uuid('from_customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    toCustomerId: uuid('to_customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().$type<'upstream' | 'downstream' | 'partner' | 'parent_brand' | 'child_brand'>(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('customer_relations_unique').on(t.fromCustomerId, t.toCustomerId, t.kind), index('customer_relations_to_idx').on(t.toCustomerId)],
);

export type PartyType = 'customer' | 'contact' | 'lead';

/**
 * Every phone number of every customer, contact and lead, normalised to E.164: the one index the screen
 * pop, click-to-dial, dedupe and search use. `customerId` is denormalised so a caller's number finds the
 * customer 360 with one index probe.
 */
export const phoneNumbers = pgTable(
  'phone_numbers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    e164: text('e164').notNull(),
    raw: text('raw').notNull(),
    kind: text('kind').notNull().default('work').$type<'mobile' | 'work' | 'home' | 'fax' | 'other'>(),
    partyType: text('party_type').notNull().$type<PartyType>(),
    partyId: uuid('party_id').notNull(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('phone_numbers_e164_idx').on(t.e164),
    uniqueIndex('phone_numbers_party_unique').on(t.partyType, t.partyId, t.e164),
    index('phone_numbers_customer_idx').on(t.customerId),
  ],
);
