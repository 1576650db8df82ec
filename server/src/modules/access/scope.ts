import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
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

/**
 * The ids a limited scope needs, as two SQL expressions over a user id (a parameter, or a qualified
 * users.id in a join): the user and their subordinates
 * down the manager chain, and the teams they manage with those teams' sub-teams. loadScope selects them
 * alone; the session query (auth/repository.ts) selects them along with the session.
 */
export function reachColumns(userId: AnyColumn | SQL) {
  return {
    reachUserIds: sql<string[]>`(with recursive sub(id) as (select ${userId} union select x.id from users x join sub on x.manager_id = sub.id)
      select array_agg(id::text) from sub)`,
    reachTeamIds: sql<string[]>`(with recursive mt(id) as (select t.id from teams t where t.manager_user_id = ${userId}
      union select t.id from teams t join mt on t.parent_team_id = mt.id) select coalesce(array_agg(id::text), '{}') from mt)`,
  };
}

export async function loadScope(db: DbOrTx, user: SessionUser): Promise<DataScope> {
  if (user.roles.includes('admin')) return { kind: 'all', userId: user.id };
  // The id as a parameter, not users.id: drizzle leaves columns unqualified in a single-table select, and an
  // unqualified "id" inside the teams subquery would mean teams.id.
  const [row] = await db.select(reachColumns(sql`${user.id}::uuid`)).from(users).where(eq(users.id, user.id));
  return scopeFromReach(user, { userIds: row?.reachUserIds ?? [user.id], teamIds: row?.reachTeamIds ?? [] });
}
