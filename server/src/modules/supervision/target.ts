// Finds the live call a supervisor wants to act on and decides whether they may: before any PBX
// command, so a denial creates no channel and no audio path. A call the supervisor may not act on is
// reported as not found (its existence is none of their business).
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import { maySupervise } from '../../core/supervision/supervise-policy.ts';
import type { DataScope } from '../access/scope.ts';
import type { SessionUser } from '../auth/guard.ts';
import type { Db } from '../../db/client.ts';
import type { TelephonyFacade } from '../telephony/facade.ts';
import type { LiveTalk } from '../telephony/facade-supervision.ts';

export interface Target {
  callId: string;
  agentId: string;
}

export async function authorizeTarget(
  tel: TelephonyFacade,
  db: Db,
  user: SessionUser,
  scope: DataScope,
  callId: string,
): Promise<Target & { denied?: 'scope' | 'self' | 'role' }> {
  const talk = tel.supervision.liveTalk(callId);
  if (!talk) throw new AppError('RS_NOT_FOUND');
  const agentId = talk.agentId;
  const [agent] = await db.select({ teamId: users.teamId }).from(users).where(eq(users.id, agentId));
  const decision = maySupervise(user, scope, { id: agentId, teamId: agent?.teamId ?? null });
  return decision.ok ? { callId, agentId } : { callId, agentId, denied: decision.reason };
}

/** Inside the runtime's chain: the call is still talking with the same agent as when authorized. */
export function stillTalking(tel: TelephonyFacade, t: Target): LiveTalk {
  const talk = tel.supervision.liveTalk(t.callId);
  if (!talk || talk.agentId !== t.agentId) throw new AppError('RS_NOT_FOUND');
  return talk;
}
