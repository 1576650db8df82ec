// Hooks for the outbound dialer (modules/dialer): a called party who answered is handed to the telephony
// runtime as an outbound call and offered to one chosen agent through the SAME path as an inbound call
// (call:offer with the record's pop first, then the agent's leg, then the talk bridge). Run these inside
// rt.run so they are ordered with PBX events. The call sits in a pseudo-queue `campaign:<id>` that is
// not an ACD queue: routing never picks it up, so only the dialer decides who gets it.
import { newLiveCall } from './live-call.ts';
import { startCall } from '../../core/call/call-machine.ts';
import type { CampaignOfferInfo } from '../../contracts/telephony.ts';
import { insertLiveCall } from './call-record.ts';
import { cleanupCall } from './legs.ts';
import { cleanupStep } from './pbx-cleanup.ts';
import { startCallRecording } from './recording.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { PopData } from './types.ts';

export const campaignQueueId = (campaignId: string): string => `campaign:${campaignId}`;

export interface CampaignCallHandover {
  callId: string;
  /** The called party's channel, answered and in our Stasis app. */
  channelId: string;
  /** The dialed number (E.164). */
  number: string;
  pop: PopData;
  campaign: CampaignOfferInfo;
  agentId: string;
  wrapUpMs: number;
  /** How long the agent's phone may ring; the dialer's own grace usually ends it first. */
  ringTimeoutMs: number;
}

/** Agents among `agentIds` that are ready now, longest idle first. */
export function readyAgentsAmong(rt: TelephonyRuntime, agentIds: readonly string[]): string[] {
  return agentIds
    .map((id) => rt.agents.get(id))
    .filter((s): s is NonNullable<typeof s> => s !== undefined && s.status.kind === 'ready')
    .sort((a, b) => (a.idleSince ?? 0) - (b.idleSince ?? 0))
    .map((s) => s.agentId);
}

/** Creates the outbound call and offers it to the agent. False when the agent was no longer ready. */
export async function offerCampaignCall(rt: TelephonyRuntime, h: CampaignCallHandover): Promise<boolean> {
  if (rt.agentState(h.agentId).status.kind !== 'ready') return false;
  const now = rt.now();
  const queueId = campaignQueueId(h.campaign.id);
  const { state } = startCall({ callId: h.callId, did: '', callerNumber: h.number, now });
  const call = newLiveCall({
    id: h.callId,
    direction: 'outbound',
    state,
    callerChannel: h.channelId,
    did: '',
    callerNumber: h.number,
    pop: h.pop,
    languages: ['zh', 'en'],
    campaign: h.campaign,
  });
  rt.calls.set(call.id, call);
  rt.channels.set(h.channelId, { kind: 'caller', callId: call.id });
  insertLiveCall(rt, call, { calledNumber: h.number, agentId: h.agentId });
  await rt.ops.applyCall(call, { type: 'queue', queueId, priority: 0, now });
  const offered = await rt.ops.applyAgent(h.agentId, {
    type: 'offer',
    callId: call.id,
    queueId,
    ringTimeoutMs: h.ringTimeoutMs,
    wrapUpMs: h.wrapUpMs,
    now,
  });
  if (offered.ok) await rt.ops.applyCall(call, { type: 'offer', agentIds: [h.agentId], now });
  return offered.ok;
}

/**
 * The dialer gives up on connecting (grace over): the call ends as abandoned, the agent's ringing leg is
 * cancelled, and the caller's channel is handed BACK (returned) for the identification message.
 * Null when the call already reached an agent or ended.
 */
export async function takeBackCampaignCall(rt: TelephonyRuntime, callId: string): Promise<string | null> {
  const call = rt.calls.get(callId);
  const pre = call?.state.status;
  if (!call || !pre || (pre.kind !== 'queued' && pre.kind !== 'offering' && pre.kind !== 'entered'))
    return null;
  const channelId = call.callerChannel;
  rt.channels.delete(channelId);
  // The machine must not hang the caller up: the dialer plays the message first.
  call.callerChannel = '';
  // The hand-back must complete whatever the music does (the dialer plays its message next).
  await cleanupStep(rt.log, rt.pbx.stopMoh(channelId), 'stopping music before the hand-back', {
    callId,
    channelId,
  });
  const now = rt.now();
  await rt.ops.applyCall(call, { type: 'hangup', side: 'system', cause: 'dialer-abandoned', now });
  if (pre.kind === 'offering')
    for (const a of pre.agentIds) await rt.ops.applyAgent(a, { type: 'callEnded', callId, now });
  await cleanupCall(rt, call);
  return channelId;
}

/** Campaign recording: the talk bridge of a campaign call that reached its agent. */
export async function recordCampaignCall(rt: TelephonyRuntime, callId: string): Promise<void> {
  const call = rt.calls.get(callId);
  if (!call?.bridgeId || call.recording) return;
  await startCallRecording(rt, call, call.bridgeId);
}
