import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import type { SessionUser } from './guard.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { deleteSession, findLoginCandidate, findSessionUser, insertSession } from './repository.ts';
import { hashToken, newSessionToken } from './tokens.ts';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

export async function login(
  db: Db,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; ttlHours: number; now: Date },
): Promise<LoginResult> {
  const candidate = await findLoginCandidate(db, input.username.trim());
  const ok = await verifyPassword(candidate?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!candidate || !ok) {
    await writeAudit(db, {
      actorUserId: candidate?.id ?? null,
      action: 'auth.login_failed',
      details: { username: input.username.slice(0, 64) },
      ip: input.ip,
    });
    throw new AppError('RS_INVALID_CREDENTIALS');
  }
  const { passwordHash: _h, ...user } = candidate;
  const token = newSessionToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3600_000);
  await db.transaction(async (tx) => {
    await insertSession(tx, { tokenHash: hashToken(token), userId: user.id, expiresAt, ip: input.ip, userAgent: input.userAgent });
    await writeAudit(tx, { actorUserId: user.id, action: 'auth.login', ip: input.ip });
  });
  return { token, expiresAt, user };
}

export function userForToken(db: Db, token: string, now: Date): Promise<SessionUser | undefined> {
  return findSessionUser(db, hashToken(token), now);
}

export async function logout(db: Db, token: string, user: SessionUser | null, ip: string | null): Promise<void> {
  await deleteSession(db, hashToken(token));
  if (user) await writeAudit(db, { actorUserId: user.id, action: 'auth.logout', ip });
}

export function toUserDto(u: SessionUser) {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, teamId: u.teamId, locale: u.locale };
}
