// Today's figures that happened before this process started, read from the call rows. Live calls are
// not in them (their row is completed only when they end): the runtime's own state adds those.
// Pause time before the start is not recoverable here (no state history yet); running pauses count
// from their restored start.
import { sql } from 'drizzle-orm';
import type { WallboardSeed } from '../../core/wallboard/wallboard-fold.ts';
import type { Db } from '../../db/client.ts';

export async function loadSeed(db: Db, dayStart: number): Promise<WallboardSeed> {
  const since = new Date(dayStart).toISOString();
  const [queueRows, agentRows] = await Promise.all([
    db.execute<{ queue_id: string; answered: number; answered_within: number; answered_wait_ms: number; abandoned: number; abandoned_within: number; abandoned_wait_ms: number; overflowed: number }>(sql`
      select c.queue_id,
        count(*) filter (where c.answered_at >= ${since})::int as answered,
        count(*) filter (where c.answered_at >= ${since} and c.wait_ms <= q.service_level_sec * 1000)::int as answered_within,
        coalesce(sum(c.wait_ms) filter (where c.answered_at >= ${since}), 0)::bigint as answered_wait_ms,
        count(*) filter (where c.answered_at is null and c.outcome = 'abandoned')::int as abandoned,
        count(*) filter (where c.answered_at is null and c.outcome = 'abandoned' and c.wait_ms <= q.service_level_sec * 1000)::int as abandoned_within,
        coalesce(sum(c.wait_ms) filter (where c.answered_at is null and c.outcome = 'abandoned'), 0)::bigint as abandoned_wait_ms,
        count(*) filter (where c.answered_at is null and c.outcome = 'overflowed')::int as overflowed
      from calls c join acd_queues q on q.id = c.queue_id
      where c.outcome <> 'live' and c.queued_at is not null and coalesce(c.answered_at, c.ended_at) >= ${since}
      group by c.queue_id`),
    db.execute<{ agent_id: string; handled: number }>(sql`
      select c.agent_id, count(*)::int as handled from calls c
      where c.outcome <> 'live' and c.agent_id is not null and c.answered_at >= ${since}
      group by c.agent_id`),
  ]);
  return {
    queues: queueRows.map((r) => ({
      queueId: r.queue_id, answered: r.answered, answeredWithin: r.answered_within, answeredWaitMs: Number(r.answered_wait_ms),
      abandoned: r.abandoned, abandonedWithin: r.abandoned_within, abandonedWaitMs: Number(r.abandoned_wait_ms), overflowed: r.overflowed,
    })),
    agents: agentRows.map((r) => ({ agentId: r.agent_id, callsHandled: r.handled, pauseMs: {} })),
  };
}
