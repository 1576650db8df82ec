import { randomBytes } from 'node:crypto';

/** A per-agent SIP secret: only that agent's console receives it (GET /api/softphone/config). */
export function generateSipPassword(): string {
  return randomBytes(18).toString('base64url');
}
