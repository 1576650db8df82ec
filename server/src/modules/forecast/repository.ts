import { sql, type SQL } from 'drizzle-orm';
import type { ForecastQuery, ForecastRow, FunnelQuery } from '../../contracts/opportunities.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { DataScope } from '../access/scope.ts';
import { visibleTo } from '../access/visibility.ts';

/**
 * Forecast (S11, S14): Σ amount × stage win rate / 100 per period of the expected close date, per owner or
 * team, over the opportunities the caller may see. Weeks start on Monday (ISO, Postgres date_trunc).
 * Rounding: the exact sum Σ(amount × rate) is divided by 100 once per group and rounded half up, so group
 * figures do not drift from per-row rounding. Won stages count at their rate (normally 100), lost at 0.
 */
export async function forecastRows(db: DbOrTx, scope: DataScope, q: ForecastQuery, byGroup = true): Promise<ForecastRow[]> {
  const where = filters(scope, q);
  const period = sql.raw(`'${q.period}'`);
  // Period totals are computed, not summed from the group rows, so they follow the same rounding rule.
  const group = !byGroup ? sql`null::uuid` : q.groupBy === 'team' ? sql`o.team_id` : sql`o.owner_id`;
  const name = q.groupBy === 'team' ? sql`(select name from teams where id = g.group_id)` : sql`(select display_name from users where id = g.group_id)`;
  const rows = await db.execute<{ period_start: string; group_id: string | null; group_name: string | null; n: string; amount: string; weighted: string }>(sql`
    select to_char(g.period_start, 'YYYY-MM-DD') as period_start, g.group_id, ${name} as group_name, g.n, g.amount, round(g.exact / 100.0) as weighted
    from (
      select date_trunc(${period}, o.expected_close_date)::date as period_start, ${group} as group_id, count(*) as n,
             sum(o.amount_cents) as amount, sum(o.amount_cents::numeric * s.win_rate) as exact
      from opportunities o join pipeline_stages s on s.id = o.stage_id
      where ${where}
      group by 1, 2
    ) g
    order by g.period_start, group_name nulls last`);
  return rows.map((r) => ({ periodStart: r.period_start, groupId: r.group_id, groupName: r.group_name, count: Number(r.n), amountCents: Number(r.amount), weightedCents: Number(r.weighted) }));
}

function filters(scope: DataScope, q: { from?: string; to?: string; pipelineId?: string }): SQL {
  const parts: SQL[] = [sql`o.deleted_at is null`, sql`o.expected_close_date is not null`, visibleTo(scope, aliasO, 'opportunity')];
  if (q.from) parts.push(sql`o.expected_close_date >= ${q.from}::date`);
  if (q.to) parts.push(sql`o.expected_close_date <= ${q.to}::date`);
  if (q.pipelineId) parts.push(sql`o.pipeline_id = ${q.pipelineId}::uuid`);
  return sql.join(parts, sql` and `);
}

// visibleTo takes columns; these render as o.<column> inside the raw queries above.
const aliasO = { id: sql.raw('o.id'), ownerId: sql.raw('o.owner_id'), teamId: sql.raw('o.team_id') } as unknown as Parameters<typeof visibleTo>[1];

export async function funnelRows(db: DbOrTx, scope: DataScope, pipelineId: string, q: FunnelQuery) {
  const parts: SQL[] = [filtersNoDate(scope), sql`o.pipeline_id = ${pipelineId}::uuid`];
  if (q.from) parts.push(sql`o.expected_close_date >= ${q.from}::date`);
  if (q.to) parts.push(sql`o.expected_close_date <= ${q.to}::date`);
  if (q.ownerId) parts.push(sql`o.owner_id = ${q.ownerId}::uuid`);
  if (q.teamId) parts.push(sql`o.team_id = ${q.teamId}::uuid`);
  const rows = await db.execute<{ stage_id: string; name: string; position: number; win_rate: number; kind: string; n: string; amount: string; weighted: string }>(sql`
    select s.id as stage_id, s.name, s.position, s.win_rate, s.kind, count(o.id) as n, coalesce(sum(o.amount_cents), 0) as amount,
           coalesce(round(sum(o.amount_cents::numeric * s.win_rate) / 100.0), 0) as weighted
    from pipeline_stages s left join opportunities o on o.stage_id = s.id and ${sql.join(parts, sql` and `)}
    where s.pipeline_id = ${pipelineId}::uuid
    group by s.id order by s.position, s.created_at`);
  return rows.map((r) => ({
    stageId: r.stage_id, name: r.name, position: Number(r.position), winRate: Number(r.win_rate), kind: r.kind,
    count: Number(r.n), amountCents: Number(r.amount), weightedCents: Number(r.weighted),
  }));
}

const filtersNoDate = (scope: DataScope): SQL => sql`o.deleted_at is null and ${visibleTo(scope, aliasO, 'opportunity')}`;
