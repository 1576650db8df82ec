import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'rs_session';

/** 256 random bits, URL-safe: the value the browser holds in its httpOnly cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so reading the sessions table does not let anyone sign in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
