// Blind and attended transfers, and the three-way conference. The caller waits with music while the
// target rings; the talk bridge (and its recording) stays the same, so a transferred call has one
// recording. Attended: the first agent talks with the target in the bridge, then completes (leaves,
// caller joins), cancels (target leaves, caller returns) or conferences (caller joins, all three talk).
import { originateLeg } from './originate-leg.ts';
import { ignoreGone, isGone } from '@ringside/pbx';
import type { TransferTarget } from '../../core/call/call-types.ts';
import { holdCaller } from './bridging.ts';
import { hangupLeg } from './hangup-leg.ts';
import { emitAgentLeft, emitCallUpdate } from './call-events.ts';
import { ensureTalkBridge } from './bridging.ts';
import { originateToAgent } from './offer.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

export async function startTransferLeg(
  rt: TelephonyRuntime,
  call: LiveCall,
  mode: 'blind' | 'attended',
  target: TransferTarget,
): Promise<void> {
  call.transfers++;
  if (mode === 'blind') await releaseAgent(rt, call);
  // Blind to a queue: the machine already queued the caller (music on); nothing else to ring.
  if (target.kind === 'queue') return;
  if (mode === 'attended') await holdCaller(rt, call);
  // Blind: the caller may hang up while the agent transfers; then the call machine ends the call.
  else await ignoreGone(rt.pbx.startMoh(call.callerChannel));
  if (target.kind === 'agent') return ringTargetAgent(rt, call, mode, target.agentId);
  const channelId = crypto.randomUUID();
  call.consult = { channelId, agentId: null, mode, answered: false, conference: false, label: target.number };
  try {
    await originateLeg(
      rt,
      { kind: 'consultLeg', callId: call.id, agentId: null },
      {
        target: { kind: 'number', number: target.number },
        channelId,
        appArgs: ['consult', call.id],
        callerId: { number: call.callerNumber },
        timeoutSec: 45,
      },
    );
  } catch (err) {
    rt.log.warn(
      { err, callId: call.id, mode },
      'telephony: transfer leg to a number could not be originated; cancelling the transfer',
    );
    await cancelTransfer(rt, call);
  }
}

/** The transferring agent leaves the call (blind transfer, or completing an attended one). */
async function releaseAgent(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  const agentId = call.agentId;
  if (call.agentChannel) await hangupLeg(rt, call.agentChannel, () => (call.agentChannel = null));
  if (!agentId) return;
  call.agentId = null;
  await rt.ops.applyAgent(agentId, { type: 'callEnded', callId: call.id, now: rt.now() });
  emitAgentLeft(rt, call.id, agentId);
}

async function ringTargetAgent(
  rt: TelephonyRuntime,
  call: LiveCall,
  mode: 'blind' | 'attended',
  agentId: string,
): Promise<void> {
  const s = call.state.status;
  const queueId = 'queueId' in s ? s.queueId : '';
  const q = rt.queues.get(queueId);
  const offered = await rt.ops.applyAgent(agentId, {
    type: 'offer',
    callId: call.id,
    queueId,
    ringTimeoutMs: (q?.ringTimeoutSec ?? 20) * 1000,
    wrapUpMs: (q?.wrapUpSec ?? 30) * 1000,
    now: rt.now(),
  });
  if (!offered.ok) return failTransfer(rt, call);
  call.consult = { channelId: '', agentId, mode, answered: false, conference: false, label: agentId };
  const channelId = await originateToAgent(rt, call, agentId, 'consultLeg');
  if (!channelId) {
    await rt.ops.applyAgent(agentId, { type: 'callEnded', callId: call.id, now: rt.now() });
    return failTransfer(rt, call);
  }
  call.consult.channelId = channelId;
  emitCallUpdate(rt, call);
}

async function failTransfer(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  call.consult = null;
  await rt.ops.applyCall(call, { type: 'transferFailed', now: rt.now() });
}

export async function onConsultAnswered(
  rt: TelephonyRuntime,
  channelId: string,
  callId: string,
): Promise<void> {
  const call = rt.calls.get(callId);
  const consult = call?.consult;
  if (!call || !consult || consult.channelId !== channelId) {
    // A consult leg nobody waits for any more (the transfer was cancelled while it rang).
    rt.channels.delete(channelId);
    await ignoreGone(rt.pbx.hangup(channelId));
    return;
  }
  consult.answered = true;
  if (consult.agentId) await rt.ops.applyAgent(consult.agentId, { type: 'answer', callId, now: rt.now() });
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
  await ignoreGone(rt.pbx.stopMoh(call.callerChannel));
  await joinTalk(rt, call, bridge, consult.channelId);
  if (consult.agentId) {
    rt.channels.set(consult.channelId, { kind: 'agentLeg', callId: call.id, agentId: consult.agentId });
    call.agentChannel = consult.channelId;
    call.agentId = consult.agentId;
    if (!call.agentPath.includes(consult.agentId)) call.agentPath.push(consult.agentId);
  } else {
    // External: the call leaves Ringside; the far leg stays ours only so its hang-up ends the caller too.
    call.consult = { ...consult, conference: false };
  }
  await rt.ops.applyCall(
    call,
    consult.agentId
      ? { type: 'transferCompleted', agentId: consult.agentId, now: rt.now() }
      : { type: 'transferCompleted', now: rt.now() },
  );
  emitCallUpdate(rt, call);
}

export async function cancelTransfer(rt: TelephonyRuntime, call: LiveCall): Promise<void> {
  const consult = call.consult;
  if (!consult) return;
  call.consult = null;
  if (consult.channelId) await hangupLeg(rt, consult.channelId, () => undefined);
  if (consult.agentId)
    await rt.ops.applyAgent(consult.agentId, {
      type: consult.answered ? 'hangup' : 'callEnded',
      callId: call.id,
      now: rt.now(),
    });
  await rt.ops.applyCall(call, { type: 'transferFailed', now: rt.now() });
  if (call.state.status.kind === 'answered') emitCallUpdate(rt, call);
}

/**
 * Caller and transfer target into the talk bridge. The caller may have hung up just now (their hang-up
 * is on its way as an event and ends the call): the target still joins, as before. Any other failure
 * propagates (a transfer the caller cannot hear must not be reported as completed).
 */
async function joinTalk(
  rt: TelephonyRuntime,
  call: LiveCall,
  bridge: string,
  targetChannel: string,
): Promise<void> {
  try {
    await rt.pbx.addToBridge(bridge, [call.callerChannel, targetChannel]);
  } catch (err) {
    if (!isGone(err)) throw err;
    rt.log.info(
      { callId: call.id },
      'telephony: caller gone while the transfer completed; the target joins alone',
    );
    await ignoreGone(rt.pbx.addToBridge(bridge, [targetChannel]));
  }
}

/** Three-way: the caller joins the agent and the consulted party. */
export async function conference(rt: TelephonyRuntime, call: LiveCall): Promise<boolean> {
  if (!call.consult?.answered || call.consult.mode !== 'attended') return false;
  await ignoreGone(rt.pbx.stopMoh(call.callerChannel));
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
    await ignoreGone(rt.pbx.hangup(call.callerChannel));
    return;
  }
  if (call.consult?.channelId !== channelId) return;
  call.consult.channelId = '';
  await cancelTransfer(rt, call);
}
