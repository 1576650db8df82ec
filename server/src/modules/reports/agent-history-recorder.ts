// Writes agent state transitions to agent_state_events for reports and the wallboard's "time in
// state" history. The telephony runtime calls recordAgentTransition() after every transition; the call
// returns at once: rows are buffered and inserted in one statement per batch, shortly after, so a
// slow or failing database never delays an offer, an answer or a hang-up. A failed batch is logged and
// dropped (the history is a report source, not the system of record for live state).
import type { FastifyBaseLogger } from 'fastify';
import type { AgentState, AgentStep } from '../../core/agent/agent-types.ts';
import type { Db } from '../../db/client.ts';
import { agentStateEvents } from '../../db/schema/agent-history.ts';

type Row = typeof agentStateEvents.$inferInsert;

/** What the recorder needs from the telephony runtime (kept narrow so tests can pass a stub). */
export interface HistoryHost {
  readonly deps: { db: Db };
  readonly log: FastifyBaseLogger;
}

/** Rows wait at most this long; a burst flushes early at MAX_BATCH. */
const FLUSH_AFTER_MS = 200;
const MAX_BATCH = 500;

class AgentHistoryRecorder {
  private buffer: Row[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly host: HistoryHost) {}

  push(row: Row): void {
    this.buffer.push(row);
    if (this.buffer.length >= MAX_BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
      this.timer.unref();
    }
  }

  /** Inserts what is buffered; resolves once every earlier batch is written (or logged as failed). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.buffer;
    this.buffer = [];
    // Batches are chained so rows of one agent land in order even when a flush overlaps another.
    this.inFlight = this.inFlight.then(async () => {
      if (!rows.length) return;
      try {
        await this.host.deps.db.insert(agentStateEvents).values(rows);
      } catch (err) {
        this.host.log.error({ err, rows: rows.length }, 'agent state history: batch not written');
      }
    });
    return this.inFlight;
  }
}

const recorders = new WeakMap<HistoryHost, AgentHistoryRecorder>();

function recorderOf(host: HistoryHost): AgentHistoryRecorder {
  let r = recorders.get(host);
  if (!r) {
    r = new AgentHistoryRecorder(host);
    recorders.set(host, r);
  }
  return r;
}

/** The row for a transition: the state entered, with its call/queue and pause reason. */
/**
 * Only ACD queues (uuids) go into queue_id: a campaign call's agent sits in the pseudo-queue
 * `campaign:<id>`, which is no queue row, and a non-uuid value would fail the whole batch of rows.
 */
const ACD_QUEUE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function historyRow(before: AgentState, step: Extract<AgentStep, { ok: true }>): Row | null {
  const t = step.transition;
  if (!t) return null;
  const s = step.state.status;
  const prev = before.status;
  let callId: string | null = null;
  let queueId: string | null = null;
  if (s.kind === 'ringing') ({ callId, queueId } = s.offer);
  else if (s.kind === 'onCall') ({ callId, queueId } = s);
  else if (s.kind === 'wrapUp') {
    callId = s.callId;
    // Wrap-up carries no queue; it is the queue of the call just ended.
    queueId = prev.kind === 'onCall' && prev.callId === s.callId ? prev.queueId : null;
  }
  return {
    agentId: t.agentId,
    state: t.to,
    fromState: t.from,
    event: t.event,
    reason: s.kind === 'paused' ? s.reason : null,
    callId,
    queueId: queueId && ACD_QUEUE_ID.test(queueId) ? queueId : null,
    at: new Date(t.at),
  };
}

/** Fire-and-forget: buffers the transition's row; never throws, never waits for the database. */
export function recordAgentTransition(host: HistoryHost, before: AgentState, step: AgentStep): void {
  if (!step.ok) return;
  const row = historyRow(before, step);
  if (row) recorderOf(host).push(row);
}

/** Writes buffered rows now (tests, shutdown). */
export function flushAgentHistory(host: HistoryHost): Promise<void> {
  return recorders.get(host)?.flush() ?? Promise.resolve();
}
