import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { SessionUser } from '../auth/guard.ts';

/**
 * Whose records a user may see, resolved once per request:
 * - admins see everything;
 * - everyone sees records they own, records owned by their subordinates (manager chain, any depth),
 *   records of teams they manage (and those teams' sub-teams), and records shared with them or their team.
 */
export type DataScope =
  | { kind: 'all'; userId: string }
  | { kind: 'limited'; userId: string; ownTeamId: string | null; userIds: string[]; teamIds: string[] };

/** The scope from ids already read (the session query reads them along with the session). */
export function scopeFromReach(user: SessionUser, reach: { userIds: string[]; teamIds: string[] }): DataScope {
  if (user.roles.includes('admin')) return { kind: 'all', userId: user.id };
  return { kind: 'limited', userId: user.id, ownTeamId: user.teamId, userIds: reach.userIds, teamIds: reach.teamIds };
}

export async function loadScope(db: DbOrTx, user: SessionUser): Promise<DataScope> {
  if (user.roles.includes('admin')) return { kind: 'all', userId: user.id };
  const rows = await db.execute<{ user_ids: string[]; team_ids: string[] }>(sql`
    with recursive subordinates(id) as (
      select ${user.id}::uuid
      union
      select u.id from users u join subordinates s on u.manager_id = s.id
    ),
    managed_teams(id) as (
      select id from teams where manager_user_id = ${user.id}::uuid
      union
      select t.id from teams t join managed_teams m on t.parent_team_id = m.id
    )
    select
      (select coalesce(array_agg(id::text), '{}') from subordinates) as user_ids,
      (select coalesce(array_agg(id::text), '{}') from managed_teams) as team_ids`);
  const row = rows[0]!;
  return { kind: 'limited', userId: user.id, ownTeamId: user.teamId, userIds: row.user_ids, teamIds: row.team_ids };
}
