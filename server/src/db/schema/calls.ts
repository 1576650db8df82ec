import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ownedColumns } from './ownership.ts';
import { acdQueues } from './telephony.ts';
import { users } from './users.ts';

/**
 * One row per call, inserted when the call enters (outcome 'live') and completed once when it ends:
 * the primary key is the call id, so a call can never have two records. Owner = the agent who handled
 * it last (team = theirs): the access rules of modules/access then scope the call log.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey(),
    direction: text('direction').notNull().$type<'inbound' | 'outbound'>(),
    callerNumber: text('caller_number').notNull().default(''),
    callerE164: text('caller_e164'),
    /** Outbound: the number dialed. */
    calledNumber: text('called_number'),
    did: text('did'),
    queueId: uuid('queue_id').references(() => acdQueues.id, { onDelete: 'set null' }),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    customerId: uuid('customer_id'),
    partyType: text('party_type').$type<'customer' | 'contact' | 'lead'>(),
    partyId: uuid('party_id'),
    /** live until ended; then completed | abandoned | overflowed | transferred | failed. */
    outcome: text('outcome').notNull().default('live'),
    hangupSide: text('hangup_side'),
    cause: text('cause'),
    abandonedIn: text('abandoned_in'),
    overflowTarget: jsonb('overflow_target'),
    queuePath: jsonb('queue_path').$type<string[]>().notNull().default([]),
    ivrPath: jsonb('ivr_path').$type<string[]>().notNull().default([]),
    /** Agents involved in order (offered legs that answered, transfer targets). */
    agentPath: jsonb('agent_path').$type<string[]>().notNull().default([]),
    attempts: integer('attempts').notNull().default(0),
    transfers: integer('transfers').notNull().default(0),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    waitMs: integer('wait_ms'),
    talkMs: integer('talk_ms'),
    holdMs: integer('hold_ms'),
    disposition: text('disposition'),
    note: text('note'),
    wrappedUpAt: timestamp('wrapped_up_at', { withTimezone: true }),
    /** The call activity on the customer's timeline (written when the call ends). */
    activityId: uuid('activity_id'),
    ...ownedColumns(),
  },
  (t) => [
    index('calls_entered_idx').on(t.enteredAt),
    index('calls_agent_idx').on(t.agentId, t.enteredAt),
    index('calls_queue_idx').on(t.queueId, t.enteredAt),
    index('calls_customer_idx').on(t.customerId, t.enteredAt),
  ],
);

/** Each agent's wrap-up of a call (after a transfer both agents wrap up). */
export const callWrapUps = pgTable(
  'call_wrap_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    disposition: text('disposition').notNull(),
    note: text('note'),
    followUpActivityId: uuid('follow_up_activity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('call_wrap_ups_call_agent').on(t.callId, t.agentId)],
);

/** A bridge recording of a call (queue with recording on), a file in RECORDINGS_DIR. */
export const recordings = pgTable(
  'recordings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    /** The PBX recording name; the file is <name>.<format>. */
    name: text('name').notNull().unique(),
    format: text('format').notNull().default('wav'),
    kind: text('kind').notNull().default('call').$type<'call' | 'voicemail'>(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    durationSec: integer('duration_sec'),
  },
  (t) => [index('recordings_call_idx').on(t.callId)],
);

/** A voicemail left on a queue or a user (overflow, IVR option or DID). */
export const voicemails = pgTable(
  'voicemails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    mailboxKind: text('mailbox_kind').notNull().$type<'queue' | 'user'>(),
    mailboxId: text('mailbox_id').notNull(),
    recordingId: uuid('recording_id').references(() => recordings.id, { onDelete: 'set null' }),
    callerNumber: text('caller_number').notNull().default(''),
    heardAt: timestamp('heard_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('voicemails_mailbox_idx').on(t.mailboxKind, t.mailboxId, t.createdAt)],
);
