// Finds the live call a supervisor wants to act on and decides whether they may: before any PBX
// command, so a denial creates no channel and no audio path. A call the supervisor may not act on is
// reported as not found (its existence is none of their business).
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import { maySupervise } from '../../core/supervision/supervise-policy.ts';
import type { DataScope } from '../access/scope.ts';
import type { SessionUser } from '../auth/guard.ts';
import { ensureTalkBridge } from '../telephony/bridging.ts';
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
  if (!call || !call.agentChannel || !call.agentId || (kind !== 'answered' && kind !== 'held')) return undefined;
  return call;
}

/**
 * What supervision needs of a live conversation, whichever kind: an ACD call (inbound queue or dialer
 * campaign, in the call machine) or an agent's click-to-dial call (outside it, rt.dials).
 */
export interface LiveTalk {
  kind: 'call' | 'dial';
  id: string;
  agentId: string;
  agentChannel: string;
  callerNumber: string;
  bridgeId: string | null;
  /** The mixing bridge the parties talk in (created for an ACD call that has none yet). */
  bridge(): Promise<string>;
}

export function liveTalk(rt: TelephonyRuntime, callId: string): LiveTalk | undefined {
  const call = talkingCall(rt, callId);
  if (call) {
    return {
      kind: 'call', id: call.id, agentId: call.agentId!, agentChannel: call.agentChannel!, callerNumber: call.callerNumber, bridgeId: call.bridgeId,
      bridge: () => ensureTalkBridge(rt, call),
    };
  }
  const d = rt.dials.get(callId);
  if (!d?.answeredAt || !d.bridgeId || !d.farChannel) return undefined;
  const bridgeId = d.bridgeId;
  return { kind: 'dial', id: d.id, agentId: d.agentId, agentChannel: d.agentChannel, callerNumber: d.number, bridgeId, bridge: () => Promise.resolve(bridgeId) };
}

/** Every conversation live now (for the live calls list). */
export function liveTalks(rt: TelephonyRuntime): LiveTalk[] {
  return [...rt.calls.keys(), ...rt.dials.keys()].map((id) => liveTalk(rt, id)).filter((t): t is LiveTalk => t !== undefined);
}

export async function authorizeTarget(
  rt: TelephonyRuntime,
  user: SessionUser,
  scope: DataScope,
  callId: string,
): Promise<Target & { denied?: 'scope' | 'self' | 'role' }> {
  const talk = liveTalk(rt, callId);
  if (!talk) throw new AppError('RS_NOT_FOUND');
  const agentId = talk.agentId;
  const [agent] = await rt.deps.db.select({ teamId: users.teamId }).from(users).where(eq(users.id, agentId));
  const decision = maySupervise(user, scope, { id: agentId, teamId: agent?.teamId ?? null });
  return decision.ok ? { callId, agentId } : { callId, agentId, denied: decision.reason };
}

/** Inside the runtime's chain: the call is still talking with the same agent as when authorized. */
export function stillTalking(rt: TelephonyRuntime, t: Target): LiveTalk {
  const talk = liveTalk(rt, t.callId);
  if (!talk || talk.agentId !== t.agentId) throw new AppError('RS_NOT_FOUND');
  return talk;
}
