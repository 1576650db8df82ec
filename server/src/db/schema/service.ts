import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { activities } from './activities.ts';
import { contacts, customers } from './customers.ts';
import { ownedColumns } from './ownership.ts';
import { users } from './users.ts';

export type ServicePriority = 'low' | 'normal' | 'high' | 'urgent';
export type ServiceStatus = 'new' | 'assigned' | 'in_progress' | 'waiting' | 'resolved' | 'closed' | 'cancelled';
/** Statuses after which a request no longer counts as open. */
export const CLOSED_SERVICE_STATUSES: readonly ServiceStatus[] = ['resolved', 'closed', 'cancelled'];

/** Service requests (服务请求/工单). owner = assignee, team = assigned team. */
export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    description: text('description'),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    category: text('category'),
    priority: text('priority').notNull().default('normal').$type<ServicePriority>(),
    status: text('status').notNull().default('new').$type<ServiceStatus>(),
    /** Denormalised from status so "open service requests of a customer" is one index scan. */
    isOpen: boolean('is_open').notNull().default(true),
    dueAt: timestamp('due_at', { withTimezone: true }),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...ownedColumns(),
  },
  (t) => [
    index('service_requests_customer_open_idx').on(t.customerId, t.isOpen),
    index('service_requests_owner_idx').on(t.ownerId, t.isOpen),
    index('service_requests_team_idx').on(t.teamId),
    index('service_requests_due_idx').on(t.status, t.dueAt),
  ],
);

/** Status and assignment changes (SV10). */
export const serviceStatusHistory = pgTable(
  'service_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceRequestId: uuid('service_request_id').notNull().references(() => serviceRequests.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<ServiceStatus>(),
    toStatus: text('to_status').notNull().$type<ServiceStatus>(),
    fromOwnerId: uuid('from_owner_id'),
    toOwnerId: uuid('to_owner_id'),
    note: text('note'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_status_history_req_idx').on(t.serviceRequestId, t.changedAt)],
);

export interface ServicePart {
  partNo?: string;
  name: string;
  quantity: number;
}

/** Dispatch / repair records (SV2, SV3, SV13): who went, when, parts used and labour hours. */
export const serviceDispatches = pgTable(
  'service_dispatches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceRequestId: uuid('service_request_id').notNull().references(() => serviceRequests.id, { onDelete: 'cascade' }),
    technicianId: uuid('technician_id').references(() => users.id, { onDelete: 'set null' }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    parts: jsonb('parts').$type<ServicePart[]>().notNull().default([]),
    labourHours: numeric('labour_hours', { precision: 8, scale: 2 }).notNull().default('0'),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_dispatches_req_idx').on(t.serviceRequestId)],
);

/** Satisfaction feedback, one per request; customers.satisfaction is the rolling average of these. */
export const serviceFeedback = pgTable(
  'service_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceRequestId: uuid('service_request_id').notNull().references(() => serviceRequests.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    comment: text('comment'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('service_feedback_request_unique').on(t.serviceRequestId), index('service_feedback_customer_idx').on(t.customerId, t.createdAt)],
);

/** One birthday reminder per contact per year (SV11): the daily job inserts here first, so reruns add nothing. */
export const birthdayReminders = pgTable(
  'birthday_reminders',
  {
    contactId: uuid('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    birthday: date('birthday').notNull(),
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.year] })],
);
