import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { calls, recordings } from './calls.ts';
import { users } from './users.ts';

/**
 * Every pause and resume of a call recording (PCI: card numbers and other sensitive moments), with who
 * and when, and the offsets into the recording's own timeline (ms since it started). Asterisk leaves
 * the paused span out of the file; the server writes it back as silence when the recording ends and
 * stamps silenced_at, so the file's timeline matches the call's (modules/telephony/recording-pause.ts).
 */
export const recordingPauses = pgTable(
  'recording_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordingId: uuid('recording_id').notNull().references(() => recordings.id, { onDelete: 'cascade' }),
    callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    pausedBy: uuid('paused_by').references(() => users.id, { onDelete: 'set null' }),
    pausedAt: timestamp('paused_at', { withTimezone: true }).notNull(),
    pauseOffsetMs: integer('pause_offset_ms').notNull(),
    /** Null while paused; a recording that ended paused is closed with resumed_by null. */
    resumedBy: uuid('resumed_by').references(() => users.id, { onDelete: 'set null' }),
    resumedAt: timestamp('resumed_at', { withTimezone: true }),
    resumeOffsetMs: integer('resume_offset_ms'),
    silencedAt: timestamp('silenced_at', { withTimezone: true }),
  },
  (t) => [index('recording_pauses_recording_idx').on(t.recordingId, t.pausedAt)],
);

/** One row ('default'): how long call recordings are kept; null days = forever. Set by an admin. */
export const recordingSettings = pgTable('recording_settings', {
  id: text('id').primaryKey().default('default'),
  retentionDays: integer('retention_days'),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
