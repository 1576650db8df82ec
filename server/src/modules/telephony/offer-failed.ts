import { cleanupStep } from './pbx-cleanup.ts';
import type { TelephonyRuntime } from './runtime.ts';
import { cancelTransfer } from './transfer.ts';

/** An offered agent did not take the call (RONA, declined, unreachable): the call goes back to the queue. */
export async function callOfferFailed(
  rt: TelephonyRuntime,
  callId: string,
  agentId: string,
  reason: 'rona' | 'declined' | 'unreachable',
): Promise<void> {
  const call = rt.calls.get(callId);
  if (!call) return;
  if (call.consult?.agentId === agentId) {
    // A transfer target who did not answer: the transfer fails (the agent machine already moved them on).
    call.consult.agentId = null;
    await cancelTransfer(rt, call);
    return;
  }
  const leg = call.legs.get(agentId);
  if (leg) {
    // The machine only asks to cancel a RONA leg; a declined leg is already gone. Either way stop it.
    call.legs.delete(agentId);
    rt.channels.delete(leg);
    await cleanupStep(rt.log, rt.pbx.hangup(leg), 'hang-up of an unanswered agent leg', {
      callId,
      agentId,
      channelId: leg,
    });
  }
  await rt.ops.applyCall(call, { type: 'offerFailed', agentId, reason, now: rt.now() });
}
