import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contacts, customers } from './customers.ts';
import { ownedColumns } from './ownership.ts';
import { users } from './users.ts';

export type StageKind = 'open' | 'won' | 'lost';
export type OpportunityStatus = StageKind;

/** A sales process (销售流程); one is the default for new opportunities. */
export const pipelines = pgTable('pipelines', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Funnel stages with the fixed win rate the sales manager sets (S7, S11): forecast = Σ amount × rate.
 * `kind` won/lost marks terminal stages; moving an opportunity there closes it.
 */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pipelineId: uuid('pipeline_id').notNull().references(() => pipelines.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** 0–100 (percent). */
    winRate: integer('win_rate').notNull(),
    kind: text('kind').notNull().default('open').$type<StageKind>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pipeline_stages_pipeline_idx').on(t.pipelineId, t.position)],
);

/** Sales opportunities (商机). Money is integer cents (fen); `version` guards kanban moves. */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    pipelineId: uuid('pipeline_id').notNull().references(() => pipelines.id),
    stageId: uuid('stage_id').notNull().references(() => pipelineStages.id),
    /** Denormalised from the stage kind so "open opportunities of a customer" is one index scan. */
    status: text('status').notNull().default('open').$type<OpportunityStatus>(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull().default('CNY'),
    expectedCloseDate: date('expected_close_date'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    sourceLeadId: uuid('source_lead_id'),
    description: text('description'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...ownedColumns(),
  },
  (t) => [
    index('opportunities_customer_status_idx').on(t.customerId, t.status),
    index('opportunities_owner_idx').on(t.ownerId),
    index('opportunities_team_idx').on(t.teamId),
    index('opportunities_stage_idx').on(t.stageId),
    index('opportunities_close_date_idx').on(t.expectedCloseDate),
    index('opportunities_source_lead_idx').on(t.sourceLeadId),
  ],
);

/** Every stage change (S10, S12): who moved it, when, and the amount and rate at that moment. */
export const opportunityStageHistory = pgTable(
  'opportunity_stage_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    fromStageId: uuid('from_stage_id').references(() => pipelineStages.id, { onDelete: 'set null' }),
    toStageId: uuid('to_stage_id').notNull().references(() => pipelineStages.id, { onDelete: 'cascade' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    winRate: integer('win_rate').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opportunity_stage_history_opp_idx').on(t.opportunityId, t.changedAt)],
);
