// Offering a call to an agent: the screen pop goes to the agent's console FIRST ('call:offer' on
// user:<agentId>), then the agent's leg is originated. The trace records both, in order.
import { originateLeg } from './originate-leg.ts';
import { randomUUID } from 'node:crypto';
import type { CallOfferPayload } from '../../contracts/telephony.ts';
import { phoneOf } from './config-store.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

export function offerPayload(rt: TelephonyRuntime, call: LiveCall): CallOfferPayload {
  const s = call.state.status;
  const queueId = 'queueId' in s ? s.queueId : null;
  const queue = queueId ? rt.queues.get(queueId) : undefined;
  const since = call.state.waitingSince ?? call.state.enteredAt;
  return {
    callId: call.id,
    direction: call.direction,
    callerNumber: call.callerNumber,
    callerE164: call.pop.callerE164,
    did: call.did || null,
    queue: queue ? { id: queue.id, name: queue.name } : null,
    campaign: call.campaign ?? null,
    ivrPath: call.ivrPath,
    waitSec: Math.max(0, Math.round((rt.now() - since) / 1000)),
    party: call.pop.party,
    otherMatches: call.pop.otherMatches,
    customer360: call.pop.customer360,
    offeredAt: new Date(rt.now()).toISOString(),
  };
}

export function ringSeconds(rt: TelephonyRuntime, call: LiveCall): number {
  const s = call.state.status;
  const q = 'queueId' in s ? rt.queues.get(s.queueId) : undefined;
  return q?.ringTimeoutSec ?? 20;
}

/** Originates a leg to an agent's phone after the pop; returns the channel id (undefined when it failed). */
export async function originateToAgent(
  rt: TelephonyRuntime,
  call: LiveCall,
  agentId: string,
  kind: 'agentLeg' | 'consultLeg',
): Promise<string | undefined> {
  rt.deps.io.to(`user:${agentId}`).emit('call:offer', offerPayload(rt, call));
  rt.traceEvent('offerEmitted', call.id, agentId);
  const channelId = randomUUID();
  try {
    rt.traceEvent('originateSent', call.id, agentId);
    await originateLeg(
      rt,
      kind === 'agentLeg' ? { kind, callId: call.id, agentId } : { kind, callId: call.id, agentId },
      {
        target: phoneOf(rt.agentConfigs, agentId),
        channelId,
        appArgs: [kind === 'agentLeg' ? 'agent' : 'consult', call.id, agentId],
        callerId: { number: call.callerNumber || 'anonymous', name: call.pop.party?.name },
        // The ACD's ring timeout (RONA, on the tick) fires first; this only bounds a stuck leg.
        timeoutSec: ringSeconds(rt, call) + 10,
        variables: { RINGSIDE_CALL: call.id },
      },
    );
    return channelId;
  } catch (err) {
    rt.log.warn({ err, callId: call.id, agentId }, 'telephony: agent leg could not be originated');
    return undefined;
  }
}

/** originateAgent from the call machine: the agent is already 'ringing' for this call. */
export async function offerToAgent(rt: TelephonyRuntime, call: LiveCall, agentId: string): Promise<void> {
  const channelId = await originateToAgent(rt, call, agentId, 'agentLeg');
  if (channelId) {
    call.legs.set(agentId, channelId);
    return;
  }
  // Unreachable phone (not registered, bad dial target): the agent's machine treats it as declined.
  await rt.ops.applyAgent(agentId, { type: 'hangup', callId: call.id, now: rt.now() });
}
