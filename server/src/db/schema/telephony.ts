import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Contact-centre configuration: ACD queues and their members, agents' telephony profiles (skills, the
 * SIP credentials only their own console receives, a persisted agent-state snapshot), inbound numbers,
 * IVR menus, pause codes and dispositions. Live state is in the telephony role's memory; the snapshot
 * columns let it survive a restart.
 */
export const acdQueues = pgTable('acd_queues', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  strategy: text('strategy')
    .notNull()
    .default('longestIdle')
    .$type<'ringAll' | 'longestIdle' | 'fewestCalls' | 'roundRobin' | 'skillsBased'>(),
  /** Caller priority given to every call entering this queue (higher is served first across queues). */
  priority: integer('priority').notNull().default(0),
  ringTimeoutSec: integer('ring_timeout_sec').notNull().default(20),
  wrapUpSec: integer('wrap_up_sec').notNull().default(30),
  serviceLevelSec: integer('service_level_sec').notNull().default(20),
  maxWaitSec: integer('max_wait_sec'),
  /** { kind: 'queue', queueId } | { kind: 'voicemail', mailbox } | { kind: 'message', promptId } */
  overflow: jsonb('overflow').$type<Record<string, string> | null>(),
  overflowWhenUnstaffed: boolean('overflow_when_unstaffed').notNull().default(false),
  musicClass: text('music_class').notNull().default('default'),
  /** { firstAfterSec, everySec, position, estimatedWait } or null for none. */
  announcements: jsonb('announcements').$type<{
    firstAfterSec: number;
    everySec: number;
    position: boolean;
    estimatedWait: boolean;
  } | null>(),
  requirements: jsonb('requirements').$type<{ skill: string; minLevel: number }[]>().notNull().default([]),
  relaxSteps: jsonb('relax_steps')
    .$type<{ afterSec: number; requirements: { skill: string; minLevel: number }[] }[]>()
    .notNull()
    .default([]),
  penaltySteps: jsonb('penalty_steps')
    .$type<{ afterSec: number; maxPenalty: number }[]>()
    .notNull()
    .default([]),
  recordCalls: boolean('record_calls').notNull().default(false),
  /** Prompt languages in order, e.g. "zh&en". */
  languages: text('languages').notNull().default('zh&en'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const acdQueueMembers = pgTable(
  'acd_queue_members',
  {
    queueId: uuid('queue_id')
      .notNull()
      .references(() => acdQueues.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    penalty: integer('penalty').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] })],
);

export const agentProfiles = pgTable('agent_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  skills: jsonb('skills').$type<Record<string, number>>().notNull().default({}),
  /**
   * The agent leg's address in the PBX's syntax (checked by its isDialAddress when stored); null = the
   * user's own softphone. Tests point it at Local channels.
   */
  dialTarget: text('dial_target'),
  /** SIP password of the agent's WebRTC endpoint (given only to that agent's console). */
  sipPassword: text('sip_password').notNull(),
  provisionedAt: timestamp('provisioned_at', { withTimezone: true }),
  /** The agent state machine's snapshot (core/agent/agent-snapshot.ts), so states survive a restart. */
  stateSnapshot: jsonb('state_snapshot').$type<unknown>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type DidTargetKind = 'queue' | 'ivr' | 'user' | 'voicemail';

export const dids = pgTable('dids', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** As the carrier delivers it (digits, optionally with a leading +). */
  number: text('number').notNull().unique(),
  name: text('name').notNull().default(''),
  targetKind: text('target_kind').notNull().$type<DidTargetKind>(),
  targetId: text('target_id').notNull(),
  languages: text('languages'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export interface IvrOption {
  digit: string;
  kind: 'queue' | 'menu' | 'voicemail' | 'user';
  target: string;
}

export const ivrMenus = pgTable('ivr_menus', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /** A prompt id of sounds/manifest.json (played in the DID's languages). */
  promptId: text('prompt_id').notNull(),
  options: jsonb('options').$type<IvrOption[]>().notNull().default([]),
  timeoutSec: integer('timeout_sec').notNull().default(5),
  maxRetries: integer('max_retries').notNull().default(2),
  /** Where the caller goes after the retries (no input or invalid input). */
  fallback: jsonb('fallback').$type<Omit<IvrOption, 'digit'> | null>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pauseCodes = pgTable('pause_codes', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  labelEn: text('label_en'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const dispositions = pgTable('dispositions', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  labelEn: text('label_en'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});
