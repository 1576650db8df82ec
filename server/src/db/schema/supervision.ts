import { boolean, check, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './users.ts';

/**
 * The deployment's supervision policy (one tenant per deployment, so one row, id = 1). Whether agents
 * see a "being monitored" indicator is a legal/HR choice that differs between call centres, hence a
 * setting and not a constant. A missing row means the defaults.
 */
export const supervisionSettings = pgTable(
  'supervision_settings',
  {
    id: integer('id').primaryKey().default(1),
    agentsSeeMonitoring: boolean('agents_see_monitoring').notNull().default(false),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('supervision_settings_singleton', sql`${t.id} = 1`)],
);
