import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { teams, userRoles, users, type RoleName } from '../../db/schema/users.ts';

export async function findUserIdByUsername(db: DbOrTx, username: string): Promise<string | undefined> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return rows[0]?.id;
}

export async function insertUser(
  db: DbOrTx,
  u: { username: string; displayName: string; passwordHash: string; teamId: string | null; managerId: string | null; locale: 'zh-CN' | 'en' },
): Promise<string> {
  const [row] = await db.insert(users).values(u).returning({ id: users.id });
  return row!.id;
}

export async function grantRoles(db: DbOrTx, userId: string, roles: readonly RoleName[]): Promise<void> {
  if (!roles.length) return;
  await db
    .insert(userRoles)
    .values(roles.map((role) => ({ userId, role })))
    .onConflictDoNothing();
}

export async function upsertTeam(db: DbOrTx, t: { name: string; parentTeamId?: string | null }): Promise<string> {
  const [row] = await db
    .insert(teams)
    .values({ name: t.name, parentTeamId: t.parentTeamId ?? null })
    .onConflictDoUpdate({ target: teams.name, set: { name: t.name } })
    .returning({ id: teams.id });
  return row!.id;
}

export async function setTeamManager(db: DbOrTx, teamId: string, managerUserId: string): Promise<void> {
  await db.update(teams).set({ managerUserId }).where(eq(teams.id, teamId));
}
