// Blind and attended transfers, and the three-way conference. The caller waits with music while the
// target rings; the talk bridge (and its recording) stays the same, so a transferred call has one
// recording. Attended: the first agent talks with the target in the bridge, then completes (leaves,
// caller joins), cancels (target leaves, caller returns) or conferences (caller joins, all three talk).
import type { TransferTarget } from '../../core/call/call-types.ts';
import { applyAgent } from './agent-ops.ts';
import { holdCaller } from './bridging.ts';
import { applyCall, hangupLeg } from './call-ops.ts';
import { emitAgentLeft, emitCallUpdate } from './call-events.ts';
import { ensureTalkBridge } from './bridging.ts';
import { outboundDialString } from './click-to-dial.ts';
import { originateToAgent } from './offer.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

export async function startTransferLeg(rt: TelephonyRuntime, call: LiveCall, mode: 'blind' | 'attended', target: TransferTarget): Promise<void> {
  call.transfers++;
  if (mode === 'blind') await releaseAgent(rt, call);
  // Blind to a queue: the machine already queued the caller (music on); nothing else to ring.
  if (target.kind === 'queue') return;
  if (mode === 'attended') await holdCaller(rt, call);
  else await rt.pbx.startMoh(call.callerChannel).catch(() => undefined);
  if (target.kind === 'agent') return ringTargetAgent(rt, call, mode, target.agentId);
  const channelId = crypto.randomUUID();
  call.consult = { channelId, agentId: null, mode, answered: false, conference: false, label: target.number };
  rt.channels.set(channelId, { kind: 'consultLeg', callId: call.id, agentId: null });
  try {
    await rt.pbx.originate({ endpoint: outboundDialString(target.number, rt.deps.config.OUTBOUND_DIAL), channelId, appArgs: ['consult', call.id], callerId: { number: call.callerNumber }, timeoutSec: 45 });
  } catch {
    await cancelTransfer(rt, call);
  }
}

/** The transferring agent leaves the call (blind transfer, or completing an attended one). */
async function releaseAgent(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  const agentId = call.agentId;
  if (call.agentChannel) await hangupLeg(rt, call.agentChannel, () => (call.agentChannel = null));
  if (!agentId) return;
  call.agentId = null;
  await applyAgent(rt, agentId, { type: 'callEnded', callId: call.id, now: rt.now() });
  emitAgentLeft(rt, call.id, agentId);
}

async function ringTargetAgent(rt: TelephonyRuntime, call: LiveCall, mode: 'blind' | 'attended', agentId: string): Promise<void> {
  const s = call.state.status;
  const queueId = 'queueId' in s ? s.queueId : '';
  const q = rt.queues.get(queueId);
  const offered = await applyAgent(rt, agentId, { type: 'offer', callId: call.id, queueId, ringTimeoutMs: (q?.ringTimeoutSec ?? 20) * 1000, wrapUpMs: (q?.wrapUpSec ?? 30) * 1000, now: rt.now() });
  if (!offered.ok) return failTransfer(rt, call);
  call.consult = { channelId: '', agentId, mode, answered: false, conference: false, label: agentId };
  const channelId = await originateToAgent(rt, call, agentId, 'consultLeg');
  if (!channelId) {
    await applyAgent(rt, agentId, { type: 'callEnded', callId: call.id, now: rt.now() });
    return failTransfer(rt, call);
  }
  call.consult.channelId = channelId;
  emitCallUpdate(rt, call);
}

async function failTransfer(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  call.consult = null;
  await applyCall(rt, call, { type: 'transferFailed', now: rt.now() });
}

export async function onConsultAnswered(rt: TelephonyRuntime, channelId: string, callId: string): Promise<void> {
  const call = rt.calls.get(callId);
  const consult = call?.consult;
  if (!call || !consult || consult.channelId !== channelId) {
    rt.channels.delete(channelId);
    await rt.pbx.hangup(channelId).catch(() => undefined);
    return;
  }
  consult.answered = true;
  if (consult.agentId) await applyAgent(rt, consult.agentId, { type: 'answer', callId, now: rt.now() });
  if (consult.mode === 'blind') return completeTransfer(rt, call);
  await rt.pbx.addToBridge(await ensureTalkBridge(rt, call), [channelId]);
  emitCallUpdate(rt, call);
}

/** Attended complete (or the first agent hung up after the target answered), or a blind target answered. */
export async function completeTransfer(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  const consult = call.consult;
  if (!consult?.answered) return;
  await releaseAgent(rt, call);
  call.consult = null;
  const bridge = await ensureTalkBridge(rt, call);
  await rt.pbx.stopMoh(call.callerChannel).catch(() => undefined);
  await rt.pbx.addToBridge(bridge, [call.callerChannel, consult.channelId]).catch(() => rt.pbx.addToBridge(bridge, [consult.channelId]).catch(() => undefined));
  if (consult.agentId) {
    rt.channels.set(consult.channelId, { kind: 'agentLeg', callId: call.id, agentId: consult.agentId });
    call.agentChannel = consult.channelId;
    call.agentId = consult.agentId;
    if (!call.agentPath.includes(consult.agentId)) call.agentPath.push(consult.agentId);
  } else {
    // External: the call leaves Ringside; the far leg stays ours only so its hang-up ends the caller too.
    call.consult = { ...consult, conference: false };
  }
  await applyCall(rt, call, consult.agentId ? { type: 'transferCompleted', agentId: consult.agentId, now: rt.now() } : { type: 'transferCompleted', now: rt.now() });
  emitCallUpdate(rt, call);
}

export async function cancelTransfer(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  const consult = call.consult;
  if (!consult) return;
  call.consult = null;
  if (consult.channelId) await hangupLeg(rt, consult.channelId, () => undefined);
  if (consult.agentId) await applyAgent(rt, consult.agentId, { type: consult.answered ? 'hangup' : 'callEnded', callId: call.id, now: rt.now() });
  await applyCall(rt, call, { type: 'transferFailed', now: rt.now() });
  if (call.state.status.kind === 'answered') emitCallUpdate(rt, call);
}

/** Three-way: the caller joins the agent and the consulted party. */
export async function conference(rt: TelephonyRuntime, call: LiveCall): Promise<boolean> {
  if (!call.consult?.answered || call.consult.mode !== 'attended') return false;
  await rt.pbx.stopMoh(call.callerChannel).catch(() => undefined);
  await rt.pbx.addToBridge(await ensureTalkBridge(rt, call), [call.callerChannel]);
  call.consult.conference = true;
  emitCallUpdate(rt, call);
  return true;
}

export async function onConsultGone(rt: TelephonyRuntime, channelId: string, callId: string): Promise<void> {
  const call = rt.calls.get(callId);
  if (!call) return;
  if (call.state.status.kind === 'ended') {
    // Transferred out to a number: that side hung up, so the caller's call is over too.
    await rt.pbx.hangup(call.callerChannel).catch(() => undefined);
    return;
  }
  if (call.consult?.channelId !== channelId) return;
  call.consult.channelId = '';
  await cancelTransfer(rt, call);
}
