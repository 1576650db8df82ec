// Recovery: after a restart the runtime reloads the calls it held from the live store (live-store.ts),
// and at the first PBX connection — and after every reconnect of the event stream — it compares them
// with what the PBX holds now and carries out core/call/recovery-plan.ts through the same handlers the
// missed events would have run. Every leg is recognised by its channel id (stored) or by its tag
// (leg-tag.ts), so calls that outlived the process keep their place, their wait and their bridge.
import { and, eq, inArray, lt, not } from 'drizzle-orm';
import { ignoreGone, type LiveChannel, type PbxEventOf } from '@ringside/pbx';
import {
  planRecovery,
  type HeldCall,
  type HeldLeg,
  type RecoveryAction,
  type SeenChannel,
} from '../../core/call/recovery-plan.ts';
import { calls } from '../../db/schema/calls.ts';
import { ensureTalkBridge } from './bridging.ts';
import { onDialLegGone } from './click-to-dial.ts';
import { lookupPop, onInboundCall } from './inbound.ts';
import { ivrPromptDone } from './ivr-runtime.ts';
import { decodeLegTag, LEG_TAG_VARIABLE } from './leg-tag.ts';
import { onAgentLegAnswered, onCallerGone } from './legs.ts';
import { fromStored } from './live-store.ts';
import type { TelephonyRuntime } from './runtime.ts';
import { onConsultAnswered } from './transfer.ts';
import type { LiveCall, OutboundDial } from './types.ts';

export interface RecoveryReport {
  mode: 'restart' | 'reconnect';
  calls: number;
  actions: Record<RecoveryAction['type'], number>;
  closedRows: number;
}

/** At start, before the PBX connects: the calls and click-to-dials the previous process held. */
export async function reloadHeldCalls(rt: TelephonyRuntime): Promise<number> {
  const snap = await rt.liveStore.load();
  for (const stored of snap.calls) {
    const call = fromStored(stored);
    rt.calls.set(call.id, call);
    for (const leg of legsOfCall(call)) rt.channels.set(leg.channelId, tagOf(call.id, leg));
    // The previous process died during the lookup: ask again, routing waits for it as for a new call.
    if (call.popPending) lookupPop(rt, call);
  }
  for (const d of snap.dials) {
    rt.dials.set(d.id, d);
    rt.channels.set(d.agentChannel, { kind: 'dialAgent', callId: d.id, agentId: d.agentId });
    if (d.farChannel) rt.channels.set(d.farChannel, { kind: 'dialOut', callId: d.id });
  }
  return snap.calls.length + snap.dials.length;
}

/** Runs inside the runtime's chain. */
export async function reconcile(
  rt: TelephonyRuntime,
  mode: 'restart' | 'reconnect',
  startedAt: number,
): Promise<RecoveryReport> {
  const [listed, bridges] = await Promise.all([
    rt.pbx.listChannels([LEG_TAG_VARIABLE]),
    rt.pbx.listBridges(),
  ]);
  const held = heldCalls(rt);
  // The listing includes the legs we originated that are still ringing (not yet in our app).
  const seen = listed.map(seenChannel);
  const actions = planRecovery(held, seen, bridges, { strayBridges: mode === 'restart' });
  const byId = new Map(listed.map((c) => [c.channelId, c]));
  const report: RecoveryReport = {
    mode,
    calls: held.length,
    actions: {
      legGone: 0,
      legAnswered: 0,
      rebuildBridge: 0,
      resumeMedia: 0,
      adoptInbound: 0,
      hangupStray: 0,
      destroyStrayBridge: 0,
    },
    closedRows: 0,
  };
  for (const a of actions) {
    report.actions[a.type] += 1;
    try {
      await carryOut(rt, a, byId);
    } catch (err) {
      rt.log.warn({ err, action: a }, 'telephony: recovery step failed');
    }
  }
  await moveOnOrphanAgents(rt);
  // Calls held when this began count as known even if the plan just ended them: their own end is still
  // queued in the call writer, and the sweep must not close their rows first as lost.
  if (mode === 'restart')
    report.closedRows = await closeOrphanRows(
      rt,
      startedAt,
      held.map((c) => c.callId),
    );
  rt.log.info({ report }, 'telephony: calls reconciled with the PBX');
  return report;
}

async function carryOut(
  rt: TelephonyRuntime,
  a: RecoveryAction,
  listed: ReadonlyMap<string, LiveChannel>,
): Promise<void> {
  switch (a.type) {
    case 'legGone':
      if (a.role === 'caller') {
        rt.channels.delete(a.channelId);
        return onCallerGone(rt, a.callId, 'vanished-while-away', 'system');
      }
      if (a.role === 'dialAgent' || a.role === 'dialOut') {
        rt.channels.delete(a.channelId);
        return onDialLegGone(rt, a.callId, a.role, 'vanished-while-away', 'system');
      }
      return rt.ops.legGone(a.channelId, 'vanished-while-away', 'answered-normal');
    case 'legAnswered':
      if (a.role === 'offered' && a.agentId) return onAgentLegAnswered(rt, a.channelId, a.callId, a.agentId);
      return onConsultAnswered(rt, a.channelId, a.callId);
    case 'rebuildBridge':
      return rebuildBridge(rt, a.callId);
    case 'resumeMedia':
      return resumeMedia(rt, a.callId);
    case 'adoptInbound': {
      const ch = listed.get(a.channelId);
      if (ch) await onInboundCall(rt, enteredFrom(ch, rt.pbx.app), ch.createdAt);
      return;
    }
    case 'hangupStray':
      return ignoreGone(rt.pbx.hangup(a.channelId));
    case 'destroyStrayBridge':
      return ignoreGone(rt.pbx.destroyBridge(a.bridgeId));
  }
}

async function rebuildBridge(rt: TelephonyRuntime, callId: string): Promise<void> {
  const call = rt.calls.get(callId);
  if (call?.agentChannel) {
    call.bridgeId = null;
    const bridge = await ensureTalkBridge(rt, call);
    await rt.pbx.addToBridge(bridge, [call.callerChannel, call.agentChannel]);
    rt.liveStore.touchCall(call.id);
    return;
  }
  const d = rt.dials.get(callId);
  if (d?.farChannel) {
    d.bridgeId = await rt.pbx.createBridge('mixing', { name: `call-${callId}` });
    await rt.pbx.addToBridge(d.bridgeId, [d.agentChannel, d.farChannel]);
    rt.liveStore.touchDial(d.id);
  }
}

async function resumeMedia(rt: TelephonyRuntime, callId: string): Promise<void> {
  const call = rt.calls.get(callId);
  if (!call) return;
  call.playbackId = null;
  if (call.ivr) return ivrPromptDone(rt, call);
  if (call.state.status.kind === 'queued') await rt.pbx.startMoh(call.callerChannel);
}

/** Agents whose ringing or talk belongs to a call that did not survive go on as if it had ended. */
async function moveOnOrphanAgents(rt: TelephonyRuntime): Promise<void> {
  for (const [agentId, state] of rt.agents) {
    const s = state.status;
    const callId = s.kind === 'ringing' ? s.offer.callId : s.kind === 'onCall' ? s.callId : null;
    if (callId && !rt.calls.has(callId))
      await rt.ops.applyAgent(agentId, { type: 'callEnded', callId, now: rt.now() });
  }
}

/** Rows left `live` by a process that died with no state for them (store write lost): closed as failed. */
async function closeOrphanRows(rt: TelephonyRuntime, startedAt: number, held: string[]): Promise<number> {
  const keep = [...new Set([...held, ...rt.calls.keys(), ...rt.dials.keys()])];
  const now = new Date(rt.now());
  const rows = await rt.deps.db
    .update(calls)
    .set({ outcome: 'failed', hangupSide: 'system', cause: 'lost-in-restart', endedAt: now, updatedAt: now })
    .where(
      and(
        eq(calls.outcome, 'live'),
        lt(calls.enteredAt, new Date(startedAt)),
        ...(keep.length ? [not(inArray(calls.id, keep))] : []),
      ),
    )
    .returning({ id: calls.id });
  return rows.length;
}

function heldCalls(rt: TelephonyRuntime): HeldCall[] {
  const out: HeldCall[] = [];
  for (const call of rt.calls.values()) {
    const k = call.state.status.kind;
    if (k === 'ended') continue;
    out.push({
      callId: call.id,
      talking: (k === 'answered' || k === 'transferring') && call.agentChannel !== null,
      playing: call.playbackId !== null || call.ivr !== null,
      legs: legsOfCall(call),
      bridgeId: call.bridgeId,
    });
  }
  for (const d of rt.dials.values())
    out.push({
      callId: d.id,
      talking: d.answeredAt !== null && d.farChannel !== null,
      playing: false,
      legs: legsOfDial(d),
      bridgeId: d.bridgeId,
    });
  return out;
}

function legsOfCall(call: LiveCall): HeldLeg[] {
  const legs: HeldLeg[] = [];
  // A campaign call handed back to the dialer has no caller leg of ours any more.
  if (call.callerChannel) legs.push({ channelId: call.callerChannel, role: 'caller', agentId: null });
  for (const [agentId, channelId] of call.legs) legs.push({ channelId, role: 'offered', agentId });
  if (call.agentChannel) legs.push({ channelId: call.agentChannel, role: 'agent', agentId: call.agentId });
  if (call.consult)
    legs.push({ channelId: call.consult.channelId, role: 'consult', agentId: call.consult.agentId });
  return legs;
}

function legsOfDial(d: OutboundDial): HeldLeg[] {
  const legs: HeldLeg[] = [{ channelId: d.agentChannel, role: 'dialAgent', agentId: d.agentId }];
  if (d.farChannel) legs.push({ channelId: d.farChannel, role: 'dialOut', agentId: null });
  return legs;
}

function tagOf(callId: string, leg: HeldLeg): Parameters<TelephonyRuntime['channels']['set']>[1] {
  switch (leg.role) {
    case 'caller':
      return { kind: 'caller', callId };
    case 'offered':
    case 'agent':
      return { kind: 'agentLeg', callId, agentId: leg.agentId ?? '' };
    case 'consult':
      return { kind: 'consultLeg', callId, agentId: leg.agentId };
    case 'dialAgent':
      return { kind: 'dialAgent', callId, agentId: leg.agentId ?? '' };
    case 'dialOut':
      return { kind: 'dialOut', callId };
  }
}

function seenChannel(c: LiveChannel): SeenChannel {
  const tag = decodeLegTag(c.variables[LEG_TAG_VARIABLE]);
  return {
    channelId: c.channelId,
    up: c.state === 'up',
    tag: tag ? { kind: tag.kind, callId: tag.callId } : null,
    firstArg: c.args[0],
  };
}

/** An inbound caller found in our app as if it had just entered (its wait counts from the channel's creation). */
function enteredFrom(c: LiveChannel, app: string): PbxEventOf<'callEntered'> {
  return {
    type: 'callEntered',
    at: new Date(c.createdAt).toISOString(),
    channelId: c.channelId,
    channelName: '',
    args: c.args,
    callerNumber: c.callerNumber,
    callerName: '',
    dialedExten: c.args[1] ?? '',
    context: app,
    state: c.state,
    language: '',
  };
}
