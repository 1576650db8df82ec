import type { Db } from '../../db/client.ts';
import type { RoleName } from '../../db/schema/users.ts';
import { hashPassword } from '../auth/password.ts';
import { findUserIdByUsername, grantRoles, insertUser } from './repository.ts';

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  roles: readonly RoleName[];
  teamId?: string | null;
  managerId?: string | null;
  locale?: 'zh-CN' | 'en';
}

/**
 * Creates the user unless the username exists; an existing user keeps its password (someone may have
 * changed it) but gains any missing roles. Returns the id and whether it was created.
 */
export async function ensureUser(db: Db, u: NewUser): Promise<{ id: string; created: boolean }> {
  const existing = await findUserIdByUsername(db, u.username);
  if (existing) {
    await grantRoles(db, existing, u.roles);
    return { id: existing, created: false };
  }
  const passwordHash = await hashPassword(u.password);
  const id = await db.transaction(async (tx) => {
    const id = await insertUser(tx, {
      username: u.username,
      displayName: u.displayName ?? u.username,
      passwordHash,
      teamId: u.teamId ?? null,
      managerId: u.managerId ?? null,
      locale: u.locale ?? 'zh-CN',
    });
    await grantRoles(tx, id, u.roles);
    return id;
  });
  return { id, created: true };
}
