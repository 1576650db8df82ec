// Conversations going on now, as plain views for supervision: an ACD call (inbound queue or dialer
// campaign, in the call machine) or an agent's click-to-dial call (outside it, rt.dials). A view is a
// copy taken when asked: other modules never hold the runtime's call objects.
import type { TelephonyRuntime } from './runtime.ts';
import { ensureTalkBridge } from './bridging.ts';

export interface LiveTalk {
  kind: 'call' | 'dial';
  id: string;
  agentId: string;
  /** The leg of the agent talking (a supervisor's snoop watches it; a change ends their session). */
  agentChannel: string;
  callerNumber: string;
  bridgeId: string | null;
  /** The call machine's status; a click-to-dial call is always 'answered'. */
  status: 'answered' | 'held';
  /** The ACD queue (null for campaign and click-to-dial calls). */
  queueId: string | null;
  campaign: { id: string; name: string } | null;
  answeredAt: number | null;
}

export function liveTalk(rt: TelephonyRuntime, callId: string): LiveTalk | undefined {
  const call = rt.calls.get(callId);
  if (call) {
    const s = call.state.status;
    if (!call.agentChannel || !call.agentId || (s.kind !== 'answered' && s.kind !== 'held')) return undefined;
    return {
      kind: 'call',
      id: call.id,
      agentId: call.agentId,
      agentChannel: call.agentChannel,
      callerNumber: call.callerNumber,
      bridgeId: call.bridgeId,
      status: s.kind,
      queueId: call.campaign ? null : s.queueId,
      campaign: call.campaign ? { id: call.campaign.id, name: call.campaign.name } : null,
      answeredAt: call.state.answeredAt,
    };
  }
  const d = rt.dials.get(callId);
  if (!d?.answeredAt || !d.bridgeId || !d.farChannel) return undefined;
  return {
    kind: 'dial',
    id: d.id,
    agentId: d.agentId,
    agentChannel: d.agentChannel,
    callerNumber: d.number,
    bridgeId: d.bridgeId,
    status: 'answered',
    queueId: null,
    campaign: null,
    answeredAt: d.answeredAt,
  };
}

/** Every conversation live now (the supervisors' live calls list). */
export function liveTalks(rt: TelephonyRuntime): LiveTalk[] {
  return [...rt.calls.keys(), ...rt.dials.keys()]
    .map((id) => liveTalk(rt, id))
    .filter((t): t is LiveTalk => t !== undefined);
}

/** The mixing bridge the parties talk in (created for an ACD call that has none yet). In the chain. */
export async function talkBridge(rt: TelephonyRuntime, callId: string): Promise<string> {
  const call = rt.calls.get(callId);
  if (call) return ensureTalkBridge(rt, call);
  const bridgeId = rt.dials.get(callId)?.bridgeId;
  if (!bridgeId) throw new Error(`call ${callId} has no talk bridge`);
  return bridgeId;
}
