// Applies events to a call's state machine and turns its commands into PBX actions (via the port) and
// database writes. Failures of one PBX command are logged and do not stop the others: a caller who
// hung up meanwhile makes most of them fail with not-found, which is expected.
import { hangupLeg } from './hangup-leg.ts';
import { reduceCall } from '../../core/call/call-machine.ts';
import type { CallCommand, CallEvent } from '../../core/call/call-types.ts';
import { bridgeWithAgent, holdCaller, resumeCaller, startQueueMusic } from './bridging.ts';
import { finishCallRecord } from './call-record.ts';
import { emitCallUpdate } from './call-events.ts';
import { offerToAgent } from './offer.ts';
import { playMessageThenHangup, sendToVoicemail } from './media.ts';
import type { TelephonyRuntime } from './runtime.ts';
import { startTransferLeg } from './transfer.ts';
import type { LiveCall } from './types.ts';

export async function applyCall(rt: TelephonyRuntime, call: LiveCall, event: CallEvent): Promise<boolean> {
  const step = reduceCall(call.state, event);
  if (!step.ok) {
    rt.log.debug({ callId: call.id, rejection: step.rejection }, 'telephony: call event rejected');
    return false;
  }
  call.state = step.state;
  for (const c of step.commands) {
    try {
      await runCallCommand(rt, call, c);
    } catch (err) {
      rt.log.warn({ err, callId: call.id, command: c.type }, 'telephony: call command failed');
    }
  }
  rt.liveStore.touchCall(call.id);
  if (step.transition) {
    rt.events.emit({ kind: 'callTransition', call, transition: step.transition, at: rt.now() });
    rt.wantRoute();
    if (call.state.status.kind !== 'ended') emitCallUpdate(rt, call);
  }
  return true;
}

async function runCallCommand(rt: TelephonyRuntime, call: LiveCall, c: CallCommand): Promise<void> {
  switch (c.type) {
    case 'answerChannel':
      return rt.pbx.answer(call.callerChannel);
    case 'startMusicOnHold':
      return startQueueMusic(rt, call, c.queueId);
    case 'originateAgent':
      return offerToAgent(rt, call, c.agentId);
    case 'cancelAgentLeg':
      return hangupLeg(rt, call.legs.get(c.agentId), () => call.legs.delete(c.agentId));
    case 'bridgeWithAgent':
      return bridgeWithAgent(rt, call, c.agentId);
    case 'holdCaller':
      return holdCaller(rt, call);
    case 'resumeCaller':
      return resumeCaller(rt, call);
    case 'startTransfer':
      return startTransferLeg(rt, call, c.mode, c.target);
    case 'sendToVoicemail':
      return sendToVoicemail(rt, call, c.mailbox);
    case 'playMessageAndHangup':
      return playMessageThenHangup(rt, call, c.promptId);
    case 'hangupCaller':
      return hangupLeg(rt, call.callerChannel, () => undefined);
    case 'hangupAgent':
      return hangupLeg(rt, call.agentChannel ?? undefined, () => (call.agentChannel = null));
    case 'writeCallRecord':
      return finishCallRecord(rt, call, c.record);
  }
}
