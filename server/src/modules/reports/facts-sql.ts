// Gathers the facts of core/metrics from PostgreSQL, limited to what the caller's data scope covers.
// Only selects and joins here; every figure is computed in core/metrics.
//
// Scope (the CRM's, modules/access/scope.ts): admins see everything. A supervisor sees the calls owned by
// or passed through (transfer) themselves and their subordinates (manager chain), calls of the teams they
// manage, and calls no agent handled (abandoned, overflowed) in queues with a member in that scope; the
// state history of those users and team members; and campaigns they or their teams own.
import { sql, type SQL } from 'drizzle-orm';
import type { AgentStateFact, AttemptFact, CallFact } from '../../core/metrics/facts.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { DataScope } from '../access/scope.ts';

/** One Postgres array literal (drizzle would spread a JS array into parameters); ids are uuids. */
const uuids = (ids: readonly string[]) => `{${ids.join(',')}}`;

export interface FactFilter {
  from: Date;
  to: Date;
  queueId?: string;
  agentId?: string;
  teamId?: string;
  campaignId?: string;
}

/** Users (agents) the scope covers, as a WHERE fragment on a users alias `u`. */
function usersInScope(scope: DataScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  return sql`(u.id = any(${uuids(scope.userIds)}::uuid[]) or u.team_id = any(${uuids(scope.teamIds)}::uuid[]))`;
}

function callsInScope(scope: DataScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const users = uuids(scope.userIds);
  const teams = uuids(scope.teamIds);
  return sql`(c.owner_id = any(${users}::uuid[]) or c.team_id = any(${teams}::uuid[])
    or c.agent_path ?| ${users}::text[]
    or (c.agent_id is null and c.queue_id in (select m.queue_id from acd_queue_members m join users u on u.id = m.user_id
        where u.id = any(${users}::uuid[]) or u.team_id = any(${teams}::uuid[]))))`;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const ms = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).getTime());

export async function callFacts(db: DbOrTx, scope: DataScope, f: FactFilter, fcrWindowMs: number): Promise<CallFact[]> {
  const where: SQL[] = [sql`c.entered_at >= ${f.from.toISOString()}::timestamptz`, sql`c.entered_at < ${f.to.toISOString()}::timestamptz`, sql`c.outcome <> 'live'`, callsInScope(scope)];
  if (f.queueId) where.push(sql`c.queue_id = ${f.queueId}::uuid`);
  if (f.agentId) where.push(sql`(c.agent_id = ${f.agentId}::uuid or c.agent_path ? ${f.agentId})`);
  if (f.teamId) where.push(sql`c.team_id = ${f.teamId}::uuid`);
  if (f.campaignId) where.push(sql`ca.campaign_id = ${f.campaignId}::uuid`);
  const windowEnd = new Date(f.to.getTime() + fcrWindowMs).toISOString();
  const rows = await db.execute<Record<string, unknown>>(sql`
    -- one pass over the inbound calls of the range plus the window: a caller = the matched customer, else
    -- the caller's number (an anonymous call is its own caller). Not scoped: a repeat call handled by another team still means "not resolved".
    with nexts as (
      select n.id, extract(epoch from (lead(n.entered_at) over w - n.entered_at)) * 1000 as next_ms
        from calls n
       where n.direction = 'inbound' and n.entered_at >= ${f.from.toISOString()}::timestamptz and n.entered_at < ${windowEnd}::timestamptz
      window w as (partition by coalesce(n.customer_id::text, nullif(n.caller_e164, ''), nullif(n.caller_number, ''), n.id::text) order by n.entered_at, n.id)
    ),
    -- every agent's wrap-up per call: a wrapUp row lasts until that agent's next row (or now). Wrap-ups
    -- follow the call's end, so a day past the range covers them; a second day finds their next rows.
    wraps as (
      select e.call_id, sum(extract(epoch from (coalesce(e.next_at, now()) - e.at)) * 1000) as wrap_ms
        from (select s.call_id, s.state, s.at, lead(s.at) over (partition by s.agent_id order by s.at, s.id) as next_at
                from agent_state_events s
               where s.at >= ${f.from.toISOString()}::timestamptz and s.at < ${new Date(f.to.getTime() + 2 * 86_400_000).toISOString()}::timestamptz) e
       where e.state = 'wrapUp' and e.call_id is not null and e.at < ${new Date(f.to.getTime() + 86_400_000).toISOString()}::timestamptz
       group by e.call_id
    )
    select c.id, c.direction, c.entered_at, c.queued_at, c.answered_at, c.ended_at, c.outcome,
      coalesce(c.wait_ms, 0) as wait_ms, coalesce(c.talk_ms, 0) as talk_ms, coalesce(c.hold_ms, 0) as hold_ms,
      coalesce(q.service_level_sec, 20) * 1000 as threshold_ms, c.transfers, c.queue_id, c.agent_id, c.team_id,
      ca.campaign_id, c.disposition,
      coalesce(wr.wrap_ms, 0) as wrap_ms,
      -- first-call resolution: ms to the same caller's next inbound call (the window runs past the range)
      case when c.direction = 'inbound' and c.answered_at is not null then nc.next_ms end as next_contact_after_ms
    from calls c
    left join acd_queues q on q.id = c.queue_id
    left join nexts nc on nc.id = c.id
    left join wraps wr on wr.call_id = c.id
    left join lateral (select a.campaign_id from campaign_attempts a where a.call_id = c.id limit 1) ca on true
    where ${sql.join(where, sql` and `)}
    order by c.entered_at`);
  return rows.map((r) => ({
    callId: r.id as string,
    direction: r.direction as CallFact['direction'],
    enteredAt: ms(r.entered_at)!,
    queuedAt: ms(r.queued_at),
    answeredAt: ms(r.answered_at),
    endedAt: ms(r.ended_at),
    outcome: r.outcome as string,
    waitMs: Number(r.wait_ms),
    talkMs: Number(r.talk_ms),
    holdMs: Number(r.hold_ms),
    wrapMs: Math.round(Number(r.wrap_ms)),
    thresholdMs: Number(r.threshold_ms),
    transfers: Number(r.transfers),
    queueId: (r.queue_id as string | null) ?? null,
    agentId: (r.agent_id as string | null) ?? null,
    teamId: (r.team_id as string | null) ?? null,
    campaignId: (r.campaign_id as string | null) ?? null,
    disposition: (r.disposition as string | null) ?? null,
    nextContactAfterMs: num(r.next_contact_after_ms),
  }));
}

export interface AgentInfo {
  id: string;
  name: string;
  teamId: string | null;
}

/** The agents in scope (and the filter), with their team. */
export async function agentsInScope(db: DbOrTx, scope: DataScope, f: FactFilter): Promise<AgentInfo[]> {
  const where: SQL[] = [usersInScope(scope), sql`exists (select 1 from user_roles r where r.user_id = u.id and r.role in ('agent', 'supervisor'))`];
  if (f.agentId) where.push(sql`u.id = ${f.agentId}::uuid`);
  if (f.teamId) where.push(sql`u.team_id = ${f.teamId}::uuid`);
  if (f.queueId) where.push(sql`u.id in (select m.user_id from acd_queue_members m where m.queue_id = ${f.queueId}::uuid)`);
  const rows = await db.execute<{ id: string; display_name: string; team_id: string | null }>(sql`
    select u.id, u.display_name, u.team_id from users u where ${sql.join(where, sql` and `)} order by u.display_name`);
  return rows.map((r) => ({ id: r.id, name: r.display_name, teamId: r.team_id }));
}

/** State rows of those agents in the range, plus each agent's last row before it (their state at `from`). */
export async function stateFacts(db: DbOrTx, agentIds: readonly string[], f: FactFilter): Promise<AgentStateFact[]> {
  if (!agentIds.length) return [];
  const ids = uuids(agentIds);
  const rows = await db.execute<{ agent_id: string; state: AgentStateFact['state']; reason: string | null; call_id: string | null; at: string }>(sql`
    select * from (
      select e.agent_id, e.state, e.reason, e.call_id, e.at, e.id from agent_state_events e
       where e.agent_id = any(${ids}::uuid[]) and e.at >= ${f.from.toISOString()}::timestamptz and e.at < ${f.to.toISOString()}::timestamptz
      union all
      select l.agent_id, l.state, l.reason, l.call_id, l.at, l.id from unnest(${ids}::uuid[]) as a(id)
        cross join lateral (select * from agent_state_events p where p.agent_id = a.id and p.at < ${f.from.toISOString()}::timestamptz
                            order by p.at desc, p.id desc limit 1) l
    ) s order by s.agent_id, s.at, s.id`);
  return rows.map((r) => ({ agentId: r.agent_id, state: r.state, reason: r.reason, callId: r.call_id, at: ms(r.at)! }));
}

/** Finished dial attempts of campaigns in scope. */
export async function attemptFacts(db: DbOrTx, scope: DataScope, f: FactFilter): Promise<AttemptFact[]> {
  const where: SQL[] = [sql`a.started_at >= ${f.from.toISOString()}::timestamptz`, sql`a.started_at < ${f.to.toISOString()}::timestamptz`];
  if (scope.kind === 'limited') {
    where.push(sql`(k.owner_id = any(${uuids(scope.userIds)}::uuid[]) or k.team_id = any(${uuids(scope.teamIds)}::uuid[])
      or exists (select 1 from campaign_teams t where t.campaign_id = k.id and t.team_id = any(${uuids(scope.teamIds)}::uuid[])))`);
  }
  if (f.campaignId) where.push(sql`a.campaign_id = ${f.campaignId}::uuid`);
  if (f.agentId) where.push(sql`a.agent_id = ${f.agentId}::uuid`);
  const rows = await db.execute<{ campaign_id: string; started_at: string; outcome: string; disposition: string | null }>(sql`
    select a.campaign_id, a.started_at, a.outcome, a.disposition from campaign_attempts a join campaigns k on k.id = a.campaign_id
     where ${sql.join(where, sql` and `)}`);
  return rows.map((r) => ({ campaignId: r.campaign_id, startedAt: ms(r.started_at)!, outcome: r.outcome, disposition: r.disposition }));
}

/** Display names of the groups a report shows. */
export async function groupLabels(db: DbOrTx, kind: 'queue' | 'agent' | 'team' | 'campaign', ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const table = { queue: sql`acd_queues`, agent: sql`users`, team: sql`teams`, campaign: sql`campaigns` }[kind];
  const name = kind === 'agent' ? sql`display_name` : sql`name`;
  const rows = await db.execute<{ id: string; name: string }>(sql`select id, ${name} as name from ${table} where id = any(${uuids(ids)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface FilterOptions {
  queues: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  agents: { id: string; name: string; teamId: string | null }[];
  campaigns: { id: string; name: string }[];
}

/** What the report filters may offer: the queues, teams, agents and campaigns the scope covers. */
export async function filterOptions(db: DbOrTx, scope: DataScope): Promise<FilterOptions> {
  const all = scope.kind === 'all';
  const users = all ? '{}' : uuids(scope.userIds);
  const teams = all ? '{}' : uuids(scope.teamIds);
  const [queues, teamRows, agents, campaigns] = await Promise.all([
    db.execute<{ id: string; name: string }>(all
      ? sql`select id, name from acd_queues order by name`
      : sql`select q.id, q.name from acd_queues q where exists (select 1 from acd_queue_members m join users u on u.id = m.user_id
              where m.queue_id = q.id and (u.id = any(${users}::uuid[]) or u.team_id = any(${teams}::uuid[]))) order by q.name`),
    db.execute<{ id: string; name: string }>(all ? sql`select id, name from teams order by name` : sql`select id, name from teams where id = any(${teams}::uuid[]) order by name`),
    agentsInScope(db, scope, { from: new Date(0), to: new Date(0) }),
    db.execute<{ id: string; name: string }>(all
      ? sql`select id, name from campaigns order by name`
      : sql`select k.id, k.name from campaigns k where k.owner_id = any(${users}::uuid[]) or k.team_id = any(${teams}::uuid[])
              or exists (select 1 from campaign_teams t where t.campaign_id = k.id and t.team_id = any(${teams}::uuid[])) order by k.name`),
  ]);
  return { queues: [...queues], teams: [...teamRows], agents, campaigns: [...campaigns] };
}
