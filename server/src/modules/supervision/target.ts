// Finds the live call a supervisor wants to act on and decides whether they may: before any PBX
// command, so a denial creates no channel and no audio path. A call the supervisor may not act on is
// reported as not found (its existence is none of their business).
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import { maySupervise } from '../../core/supervision/supervise-policy.ts';
import type { DataScope } from '../access/scope.ts';
import type { SessionUser } from '../auth/guard.ts';
import type { TelephonyRuntime } from '../telephony/runtime.ts';
import type { LiveCall } from '../telephony/types.ts';

export interface Target {
  callId: string;
  agentId: string;
}

/** A call someone talks on now (the agent's leg is up). */
export function talkingCall(rt: TelephonyRuntime, callId: string): LiveCall | undefined {
  const call = rt.calls.get(callId);
  const kind = call?.state.status.kind;
  if (!call || !call.agentChannel || !call.agentId || (kind !== 'answered' && kind !== 'held'))
    return undefined;
  return call;
}

export async function authorizeTarget(
  rt: TelephonyRuntime,
  user: SessionUser,
  scope: DataScope,
  callId: string,
): Promise<Target & { denied?: 'scope' | 'self' | 'role' }> {
  const call = talkingCall(rt, callId);
  if (!call?.agentId) throw new AppError('RS_NOT_FOUND');
  const agentId = call.agentId;
  const [agent] = await rt.deps.db.select({ teamId: users.teamId }).from(users).where(eq(users.id, agentId));
  const decision = maySupervise(user, scope, { id: agentId, teamId: agent?.teamId ?? null });
  return decision.ok ? { callId, agentId } : { callId, agentId, denied: decision.reason };
}

/** Inside the runtime's chain: the call is still talking with the same agent as when authorized. */
export function stillTalking(rt: TelephonyRuntime, t: Target): LiveCall {
  const call = talkingCall(rt, t.callId);
  if (!call || call.agentId !== t.agentId) throw new AppError('RS_NOT_FOUND');
  return call;
}
