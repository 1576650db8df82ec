import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from './users.ts';

/**
 * Columns every customer-facing record carries (customers, contacts, leads, opportunities, service
 * requests, ...). Spread into a table: `...ownedColumns()`. Access rules in modules/access read these.
 */
export function ownedColumns() {
  return {
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

/** Explicit sharing of one record with a user or a whole team, read-only or editable. */
export const recordShares = pgTable(
  'record_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    canEdit: boolean('can_edit').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('record_shares_entity_idx').on(t.entityType, t.entityId),
    index('record_shares_user_idx').on(t.userId, t.entityType),
    index('record_shares_team_idx').on(t.teamId, t.entityType),
  ],
);
