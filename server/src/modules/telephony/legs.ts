// The caller's and the offered agents' legs: answer (bridge), failure (offer back to the queue), and
// hang-ups on either side (the call machine writes the record; agents move on to wrap-up).
import { ignoreGone } from '@ringside/pbx';
import { cleanupStep } from './pbx-cleanup.ts';
import type { TelephonyRuntime } from './runtime.ts';
import { completeTransfer } from './transfer.ts';
import type { LiveCall } from './types.ts';

export async function onAgentLegAnswered(
  rt: TelephonyRuntime,
  channelId: string,
  callId: string,
  agentId: string,
): Promise<void> {
  const call = rt.calls.get(callId);
  const pre = call?.state.status;
  if (!call || pre?.kind !== 'offering' || call.legs.get(agentId) !== channelId) {
    rt.channels.delete(channelId);
    // A leg answering too late (the call moved on): ours to drop, and it may be gone already.
    await ignoreGone(rt.pbx.hangup(channelId));
    return;
  }
  const now = rt.now();
  const agentStep = await rt.ops.applyAgent(agentId, { type: 'answer', callId, now });
  if (!agentStep.ok) {
    rt.log.warn(
      { callId, agentId, rejection: agentStep.rejection },
      'telephony: answer from an agent not ringing for the call',
    );
    call.legs.delete(agentId);
    rt.channels.delete(channelId);
    // A leg answering too late (the call moved on): ours to drop, and it may be gone already.
    await ignoreGone(rt.pbx.hangup(channelId));
    return;
  }
  rt.traceEvent('agentAnswered', callId, agentId);
  await rt.ops.applyCall(call, { type: 'answer', agentId, now });
  for (const other of pre.agentIds)
    if (other !== agentId) await rt.ops.applyAgent(other, { type: 'callEnded', callId, now });
}

export async function onAgentLegGone(
  rt: TelephonyRuntime,
  channelId: string,
  callId: string,
  agentId: string,
  cause: string,
  outcome: string,
): Promise<void> {
  const call = rt.calls.get(callId);
  if (!call) return;
  const now = rt.now();
  if (call.legs.get(agentId) === channelId) {
    // The offered phone rejected or could not be reached: the agent's machine pauses them ('declined')
    // and hands the call back (reofferCall → offerFailed), unless the ring timeout already did.
    call.legs.delete(agentId);
    rt.log.info({ callId, agentId, cause, outcome }, 'telephony: offered leg ended before answer');
    await rt.ops.applyAgent(agentId, { type: 'hangup', callId, now });
    return;
  }
  if (call.agentChannel !== channelId) return;
  call.agentChannel = null;
  // Attended transfer: the first agent hanging up hands the caller to the consulted party.
  if (call.consult?.answered) return completeTransfer(rt, call);
  await rt.ops.applyAgent(agentId, { type: 'hangup', callId, now });
  await rt.ops.applyCall(call, { type: 'hangup', side: 'agent', cause, now });
  // The machine hung the caller up (forgotten first, so its end is not news): clean up here what the
  // caller's own end would have — the talk bridge (and its recording) and the call itself.
  if (call.state.status.kind === 'ended') await cleanupCall(rt, call);
}

/** side: 'system' when recovery found the caller gone while no process was there to see who hung up. */
export async function onCallerGone(
  rt: TelephonyRuntime,
  callId: string,
  cause: string,
  side: 'caller' | 'system' = 'caller',
): Promise<void> {
  const call = rt.calls.get(callId);
  if (!call) return;
  const pre = call.state.status;
  const now = rt.now();
  if (pre.kind !== 'ended') {
    await rt.ops.applyCall(call, { type: 'hangup', side, cause, now });
    const agents =
      pre.kind === 'offering'
        ? pre.agentIds
        : pre.kind === 'answered' || pre.kind === 'held' || pre.kind === 'transferring'
          ? [pre.agentId]
          : [];
    if (call.consult?.agentId) agents.push(call.consult.agentId);
    for (const a of agents) await rt.ops.applyAgent(a, { type: 'callEnded', callId, now });
  }
  await cleanupCall(rt, call);
}

/** Forgets a call whose caller is gone: remaining legs hung up, the bridge destroyed. */
export async function cleanupCall(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  rt.calls.delete(call.id);
  rt.liveStore.touchCall(call.id);
  rt.voicemailBoxes.delete(call.id);
  const legs = [...call.legs.values(), call.agentChannel, call.consult?.channelId].filter((c): c is string =>
    Boolean(c),
  );
  const context = { callId: call.id };
  for (const ch of legs) {
    rt.channels.delete(ch);
    await cleanupStep(rt.log, rt.pbx.hangup(ch), 'hanging up a leg of an ended call', context);
  }
  if (call.bridgeId)
    await cleanupStep(rt.log, rt.pbx.destroyBridge(call.bridgeId), 'destroying the talk bridge', context);
}
