import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contacts, customers } from './customers.ts';
import { leads } from './leads.ts';
import { ownedColumns } from './ownership.ts';

export type ActivityKind = 'call' | 'visit' | 'email' | 'sms' | 'meeting' | 'task' | 'note';

/**
 * The customer timeline: every call, visit, email, SMS, meeting, task and note, attached to whatever it
 * concerns. A task with due_at and no done_at is an open follow-up.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull().$type<ActivityKind>(),
    subject: text('subject').notNull(),
    body: text('body'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** Set by the reminder job when it delivered the reminder for the current remind_at (idempotence). */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id'),
    serviceRequestId: uuid('service_request_id'),
    /** Set for kind = call: the call record (telephony) this activity logs. */
    callId: uuid('call_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ...ownedColumns(),
  },
  (t) => [
    index('activities_customer_time_idx').on(t.customerId, t.occurredAt),
    index('activities_lead_time_idx').on(t.leadId, t.occurredAt),
    index('activities_contact_idx').on(t.contactId),
    index('activities_owner_due_idx').on(t.ownerId, t.dueAt),
    index('activities_opportunity_idx').on(t.opportunityId),
    index('activities_service_request_idx').on(t.serviceRequestId),
  ],
);
