// Today's figures that happened before this process started: queue and agent call counts from the call
// rows, ended pauses from the agent state history (agent_state_events: each row is a state entered, it
// lasts until the agent's next row). Live calls are not in the rows (a row is completed when the call
// ends) and the running pause has no next row: the runtime's live state adds both.
import { sql } from 'drizzle-orm';
import type { WallboardSeed } from '../../core/wallboard/wallboard-fold.ts';
import type { Db } from '../../db/client.ts';

export async function loadSeed(db: Db, dayStart: number): Promise<WallboardSeed> {
  const since = new Date(dayStart).toISOString();
  const [queueRows, agentRows, pauseRows] = await Promise.all([
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
    // Pauses that began up to a day before today's start still count for their part inside today.
    db.execute<{ agent_id: string; reason: string; ms: number }>(sql`
      select e.agent_id, coalesce(e.reason, '') as reason,
        sum(extract(epoch from (e.next_at - greatest(e.at, ${since}::timestamptz))) * 1000)::bigint as ms
      from (
        select agent_id, state, reason, at, lead(at) over (partition by agent_id order by at, id) as next_at
        from agent_state_events where at >= ${since}::timestamptz - interval '1 day'
      ) e
      where e.state = 'paused' and e.next_at is not null and e.next_at > ${since}::timestamptz
      group by e.agent_id, e.reason`),
  ]);
  const pauses = new Map<string, Record<string, number>>();
  for (const p of pauseRows) pauses.set(p.agent_id, { ...pauses.get(p.agent_id), [p.reason]: Number(p.ms) });
  return {
    queues: queueRows.map((r) => ({
      queueId: r.queue_id, answered: r.answered, answeredWithin: r.answered_within, answeredWaitMs: Number(r.answered_wait_ms),
      abandoned: r.abandoned, abandonedWithin: r.abandoned_within, abandonedWaitMs: Number(r.abandoned_wait_ms), overflowed: r.overflowed,
    })),
    agents: [...new Set([...agentRows.map((r) => r.agent_id), ...pauses.keys()])].map((agentId) => ({
      agentId,
      callsHandled: agentRows.find((r) => r.agent_id === agentId)?.handled ?? 0,
      pauseMs: pauses.get(agentId) ?? {},
    })),
  };
}
