// Reconciliation after a server restart or a lost PBX event stream, as a pure function: what the server
// believes (the calls it holds, from memory or from the live store) against what the PBX reports now
// (channels in our app, bridges). The same plan serves both cases; the telephony role carries it out
// (modules/telephony/recovery.ts) through the same handlers the PBX events would have triggered.
//
//   held call, caller channel gone             → legGone(caller)      closed, side system
//   held call, another leg gone                → legGone(that leg)    as if its ChannelDestroyed came now
//   offered / consult leg up, never seen answer → legAnswered          the answer we missed
//   talking, both legs there, bridge gone      → rebuildBridge
//   queued or in the IVR with a prompt playing → resumeMedia          its end event may be lost
//   channel in our app nobody holds:
//     tagged as a dialer leg                   → (nothing: the dialer resumes its own attempts)
//     untagged, entered as an inbound call     → adoptInbound         a new call, wait from its creation
//     anything else                            → hangupStray          (supervision legs end cleanly)
//   after a restart, a bridge no held call uses → destroyStrayBridge   (a dead session's monitor bridge)

export type HeldLegRole = 'caller' | 'offered' | 'agent' | 'consult' | 'dialAgent' | 'dialOut';

export interface HeldLeg {
  channelId: string;
  role: HeldLegRole;
  agentId: string | null;
}

export interface HeldCall {
  callId: string;
  /** talking: caller and agent (or both click-to-dial legs) are meant to share `bridgeId`. */
  talking: boolean;
  /** A prompt or announcement was playing (its playbackFinished may have been lost). */
  playing: boolean;
  legs: HeldLeg[];
  bridgeId: string | null;
}

export interface SeenChannel {
  channelId: string;
  up: boolean;
  /** The leg tag's kind and call, when the channel carries one. */
  tag: { kind: string; callId: string } | null;
  /** The first Stasis argument the channel entered with. */
  firstArg: string | undefined;
}

export interface SeenBridge {
  bridgeId: string;
  channelIds: string[];
}

export type RecoveryAction =
  | { type: 'legGone'; callId: string; channelId: string; role: HeldLegRole }
  | {
      type: 'legAnswered';
      callId: string;
      channelId: string;
      role: 'offered' | 'consult';
      agentId: string | null;
    }
  | { type: 'rebuildBridge'; callId: string }
  | { type: 'resumeMedia'; callId: string }
  | { type: 'adoptInbound'; channelId: string }
  | { type: 'hangupStray'; channelId: string }
  | { type: 'destroyStrayBridge'; bridgeId: string };

/**
 * strayBridges: after a restart (not a reconnect, when supervision still holds its monitor bridges),
 * bridges of ours that no held call uses are destroyed — a monitor bridge of a session that died with
 * the process, or a talk bridge whose call is gone.
 */
export function planRecovery(
  calls: readonly HeldCall[],
  channels: readonly SeenChannel[],
  bridges: readonly SeenBridge[],
  opts: { strayBridges?: boolean } = {},
): RecoveryAction[] {
  const alive = new Map(channels.map((c) => [c.channelId, c]));
  const bridged = new Map(bridges.map((b) => [b.bridgeId, new Set(b.channelIds)]));
  const held = new Set<string>();
  const actions: RecoveryAction[] = [];
  for (const call of calls) {
    for (const leg of call.legs) held.add(leg.channelId);
    actions.push(...planCall(call, alive, bridged));
  }
  for (const ch of channels) {
    if (held.has(ch.channelId)) continue;
    if (ch.tag?.kind === 'dialer') continue;
    if (!ch.tag && ch.firstArg === 'inbound') actions.push({ type: 'adoptInbound', channelId: ch.channelId });
    else actions.push({ type: 'hangupStray', channelId: ch.channelId });
  }
  if (opts.strayBridges) {
    const used = new Set(calls.map((c) => c.bridgeId));
    for (const b of bridges)
      if (!used.has(b.bridgeId)) actions.push({ type: 'destroyStrayBridge', bridgeId: b.bridgeId });
  }
  return actions;
}

function planCall(
  call: HeldCall,
  alive: ReadonlyMap<string, SeenChannel>,
  bridged: ReadonlyMap<string, Set<string>>,
): RecoveryAction[] {
  const caller = call.legs.find((l) => l.role === 'caller' || l.role === 'dialAgent');
  // The call's anchor is gone: closing it hangs up and forgets every other leg, so nothing else to do.
  if (caller && !alive.has(caller.channelId))
    return [{ type: 'legGone', callId: call.callId, channelId: caller.channelId, role: caller.role }];
  const out: RecoveryAction[] = [];
  for (const leg of call.legs) {
    if (leg === caller) continue;
    const ch = alive.get(leg.channelId);
    if (!ch) out.push({ type: 'legGone', callId: call.callId, channelId: leg.channelId, role: leg.role });
    else if (ch.up && (leg.role === 'offered' || leg.role === 'consult') && ch.firstArg !== undefined)
      out.push({
        type: 'legAnswered',
        callId: call.callId,
        channelId: leg.channelId,
        role: leg.role,
        agentId: leg.agentId,
      });
  }
  if (out.some((a) => a.type === 'legGone' && (a.role === 'agent' || a.role === 'dialOut'))) return out;
  if (call.talking) {
    const members = call.bridgeId ? bridged.get(call.bridgeId) : undefined;
    const talkers = call.legs.filter(
      (l) => l.role === 'caller' || l.role === 'agent' || l.role === 'dialAgent' || l.role === 'dialOut',
    );
    if (!members || talkers.some((l) => !members.has(l.channelId)))
      out.push({ type: 'rebuildBridge', callId: call.callId });
  } else if (call.playing) {
    out.push({ type: 'resumeMedia', callId: call.callId });
  }
  return out;
}
