// A supervisor's commands that change what a call is made of: take-over (the supervisor's phone becomes
// the call's agent leg; the agent goes to wrap-up) and the forced hang-up. Supervision
// (modules/supervision) decides and wires its own legs (phone, snoop, monitor bridge); the call, its
// legs and the agents' states are telephony's, so they change here. Both run inside the runtime's chain.
import { takeOverCall } from '../../core/supervision/take-over.ts';
import { AppError } from '../../errors/catalog.ts';
import { ensureTalkBridge } from './bridging.ts';
import { emitCallUpdate } from './call-events.ts';
import { onDialLegGone } from './click-to-dial.ts';
import { hangupLeg } from './hangup-leg.ts';
import { cleanupCall } from './legs.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall, OutboundDial } from './types.ts';

/** The cause written on the call record when a supervisor ended the call. */
export const FORCED_HANGUP_CAUSE = 'supervisor-hangup';

export interface TakeOverRequest {
  callId: string;
  supervisorId: string;
  /** The supervisor's phone (a `supervisor` leg, answered). */
  phoneChannel: string;
  /** The phone is in the call's bridge already (barge): it is not added again. */
  phoneInCallBridge: boolean;
}

export interface TakeOverHooks {
  /** Once the call is known to be taken over, before anything changes (supervision drops its snoop). */
  prepare(): Promise<void>;
  /** Right before the phone becomes the call's agent leg (supervision forgets its session). */
  handedOver(): void;
}

/** The supervisor's phone replaces the agent's leg; returns the agent who was replaced. In the chain. */
export async function takeOver(
  rt: TelephonyRuntime,
  req: TakeOverRequest,
  hooks: TakeOverHooks,
): Promise<string> {
  const call = rt.calls.get(req.callId);
  if (call) return takeOverCallLeg(rt, call, req, hooks);
  const d = rt.dials.get(req.callId);
  if (d) return takeOverDial(rt, d, req, hooks);
  throw new AppError('RS_NOT_FOUND');
}

async function takeOverCallLeg(
  rt: TelephonyRuntime,
  call: LiveCall,
  req: TakeOverRequest,
  hooks: TakeOverHooks,
): Promise<string> {
  const step = takeOverCall(call.state, req.supervisorId);
  if (!step.ok) throw new AppError('RS_CONFLICT', 'Nobody is talking on this call');
  const oldLeg = call.agentChannel;
  await hooks.prepare();
  if (!req.phoneInCallBridge) await rt.pbx.addToBridge(await ensureTalkBridge(rt, call), [req.phoneChannel]);
  // From here the phone is the call's: its hang-up ends the call like an agent's would.
  hooks.handedOver();
  rt.channels.set(req.phoneChannel, { kind: 'agentLeg', callId: call.id, agentId: req.supervisorId });
  call.agentChannel = req.phoneChannel;
  call.agentId = req.supervisorId;
  call.state = step.state;
  if (!call.agentPath.includes(req.supervisorId)) call.agentPath.push(req.supervisorId);
  rt.liveStore.touchCall(call.id);
  await hangupLeg(rt, oldLeg ?? undefined, () => undefined);
  await rt.ops.applyAgent(step.previousAgentId, { type: 'callEnded', callId: call.id, now: rt.now() });
  rt.deps.io
    .to(`user:${step.previousAgentId}`)
    .emit('call:ended', { callId: call.id, hangupSide: 'system', cause: 'taken-over', wrapUpRequired: true });
  emitCallUpdate(rt, call);
  return step.previousAgentId;
}

/** Click-to-dial: no call machine, no agent state; the dial's agent leg simply becomes the phone. */
async function takeOverDial(
  rt: TelephonyRuntime,
  d: OutboundDial,
  req: TakeOverRequest,
  hooks: TakeOverHooks,
): Promise<string> {
  const oldLeg = d.agentChannel;
  const previous = d.agentId;
  await hooks.prepare();
  if (!req.phoneInCallBridge && d.bridgeId) await rt.pbx.addToBridge(d.bridgeId, [req.phoneChannel]);
  hooks.handedOver();
  rt.channels.set(req.phoneChannel, { kind: 'dialAgent', callId: d.id, agentId: req.supervisorId });
  d.agentChannel = req.phoneChannel;
  d.agentId = req.supervisorId;
  rt.liveStore.touchDial(d.id);
  await hangupLeg(rt, oldLeg, () => undefined);
  rt.deps.io
    .to(`user:${previous}`)
    .emit('call:ended', { callId: d.id, hangupSide: 'system', cause: 'taken-over', wrapUpRequired: true });
  return previous;
}

/** Ends the call for both parties; the record says the system (a supervisor) hung up. In the chain. */
export async function forceHangup(rt: TelephonyRuntime, callId: string): Promise<void> {
  const call = rt.calls.get(callId);
  if (!call) {
    // The dial's own ending writes the row, as ended by the system (a supervisor).
    if (rt.dials.has(callId)) await onDialLegGone(rt, callId, 'dialAgent', FORCED_HANGUP_CAUSE, 'system');
    return;
  }
  const agentId = call.agentId;
  const now = rt.now();
  await rt.ops.applyCall(call, { type: 'hangup', side: 'system', cause: FORCED_HANGUP_CAUSE, now });
  if (agentId) await rt.ops.applyAgent(agentId, { type: 'callEnded', callId: call.id, now });
  await cleanupCall(rt, call);
}
