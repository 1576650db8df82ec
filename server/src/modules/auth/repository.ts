import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx as Db } from '../../db/client.ts';
import { sessions, userRoles, users, type RoleName } from '../../db/schema/users.ts';
import { reachColumns } from '../access/scope.ts';
import type { SessionUser } from './guard.ts';

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  teamId: users.teamId,
  managerId: users.managerId,
  locale: users.locale,
  roles: sql<RoleName[]>`coalesce(array_agg(${userRoles.role}) filter (where ${userRoles.role} is not null), '{}')`,
};

export async function findLoginCandidate(db: Db, username: string) {
  const rows = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.username, username), eq(users.active, true)))
    .groupBy(users.id);
  return rows[0];
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(s);
}

/**
 * One query per authenticated request: the session joined to its active user, roles and data-scope reach.
 * A named (server-side prepared) statement: every API request runs it, and planning the recursive
 * subqueries each time cost more than executing them.
 */
export async function findSessionUser(db: Db, tokenHash: string, now: Date): Promise<SessionUser | undefined> {
  const rows = await db
    .select({ ...userColumns, ...reachColumns(users.id) })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.active, true)))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .groupBy(users.id)
    .prepare('session_user')
    .execute({ tokenHash, now: now.toISOString() }); // placeholders skip the column's Date mapping
  const row = rows[0];
  if (!row) return undefined;
  const { reachUserIds, reachTeamIds, ...user } = row;
  return { ...user, reach: { userIds: reachUserIds, teamIds: reachTeamIds } };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ h: sessions.tokenHash });
  return rows.length;
}
