import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Agent state history: one append-only row per transition of the agent state machine, naming the state
 * the agent ENTERED at `at`. A state lasts until the agent's next row (or until now for the newest row),
 * so time in ready / on call / wrap-up / paused per reason is derived by pairing consecutive rows
 * (core/metrics/agent-time.ts). Written fire-and-forget in batches by
 * modules/reports/agent-history-recorder.ts, never in the call path's critical section.
 *
 * call_id and queue_id carry no foreign key on purpose: the history outlives deleted calls and queues,
 * and a missing parent must never make a batch of state rows fail.
 */
export const agentStateEvents = pgTable(
  'agent_state_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The state entered: signedOut | ready | ringing | onCall | wrapUp | paused. */
    state: text('state').notNull().$type<'signedOut' | 'ready' | 'ringing' | 'onCall' | 'wrapUp' | 'paused'>(),
    /** The state left (null for the first row we know of). */
    fromState: text('from_state'),
    /** The machine event that caused it (signIn, pause, answer, ringTimeout, tick…). */
    event: text('event').notNull(),
    /** Pause code when state = paused ('rona' and 'declined' are the machine's own). */
    reason: text('reason'),
    /** The call of ringing / onCall / wrapUp. */
    callId: uuid('call_id'),
    queueId: uuid('queue_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('agent_state_events_agent_at_idx').on(t.agentId, t.at), index('agent_state_events_at_idx').on(t.at), index('agent_state_events_call_idx').on(t.callId)],
);
