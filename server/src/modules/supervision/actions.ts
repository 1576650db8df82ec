// Supervisor call actions on a live call: listen / whisper / barge (one phone call for the whole session,
// later requests only rewire), stop, force hang-up and take-over. Everything that touches the call runs
// inside the telephony runtime's chain; waiting for the supervisor's phone to answer happens outside it.
import { randomUUID } from 'node:crypto';
import type { MonitorMode, MonitorSession } from '../../contracts/supervision.ts';
import { planMonitor, planStop } from '../../core/supervision/monitor-plan.ts';
import { takeOverCall } from '../../core/supervision/take-over.ts';
import { AppError } from '../../errors/catalog.ts';
import { applyAgent } from '../telephony/agent-ops.ts';
import { applyCall } from '../telephony/call-ops.ts';
import { hangupLeg } from '../telephony/hangup-leg.ts';
import { emitCallUpdate } from '../telephony/call-events.ts';
import { phoneOf } from '../telephony/config-store.ts';
import { cleanupCall } from '../telephony/legs.ts';
import type { TelephonyRuntime } from '../telephony/runtime.ts';
import { ensureTalkBridge } from '../telephony/bridging.ts';
import { onDialLegGone, type OutboundDial } from '../telephony/click-to-dial.ts';
import { cleanupStep } from '../telephony/pbx-cleanup.ts';
import { pushSession } from './push.ts';
import { supervisionOf, type Session, type Supervision, type SupervisionHooks } from './registry.ts';
import { liveTalk, stillTalking, type LiveTalk, type Target } from './target.ts';
import { dropSnoop, runSteps } from './wiring.ts';

const PHONE_ANSWER_TIMEOUT_MS = 30_000;
/** The cause written on the call record when a supervisor ended the call. */
export const FORCED_HANGUP_CAUSE = 'supervisor-hangup';

const hooks: SupervisionHooks = {
  async onPhoneAnswered(sv, s) {
    s.answered = true;
    const talk = liveTalk(sv.rt, s.callId);
    if (!talk || talk.agentChannel !== s.agentChannel)
      return endSession(sv, s, new AppError('RS_NOT_FOUND', 'The call ended before your phone answered'));
    try {
      if (s.wanted === 'takeover') await takeOver(sv, s, talk);
      else await switchMode(sv, s, talk, s.wanted);
      settle(s);
    } catch (err) {
      await endSession(sv, s, err);
    }
  },
  async onPhoneGone(sv, s) {
    sv.rt.channels.delete(s.phoneChannel);
    await endSession(sv, s, new AppError('RS_SUPERVISOR_PHONE'), { phoneGone: true });
  },
  async onSomeLegGone(sv) {
    for (const s of [...sv.sessions.values()]) {
      const talk = liveTalk(sv.rt, s.callId);
      if (!talk || talk.agentChannel !== s.agentChannel)
        await endSession(sv, s, new AppError('RS_NOT_FOUND', 'The call ended'));
    }
  },
};

export const supervision = (rt: TelephonyRuntime): Supervision => supervisionOf(rt, hooks);

function settle(s: Session, err?: unknown): void {
  const waiters = s.waiters.splice(0);
  for (const w of waiters) {
    if (err === undefined) w.resolve();
    else w.reject(err);
  }
}

function waitFor(s: Session): Promise<void> {
  return new Promise((resolve, reject) => s.waiters.push({ resolve, reject }));
}

/** Ends a session: snoop and monitor bridge gone, the phone hung up (unless it is gone already). */
async function endSession(
  sv: Supervision,
  s: Session,
  reason?: unknown,
  opts: { phoneGone?: boolean } = {},
): Promise<void> {
  if (sv.sessions.get(s.callId) !== s) return;
  sv.sessions.delete(s.callId);
  await dropSnoop(sv, s);
  if (!opts.phoneGone) {
    await cleanupStep(sv.rt.log, sv.rt.pbx.hangup(s.phoneChannel), "hang-up of the supervisor's phone", {
      callId: s.callId,
      supervisorId: s.supervisorId,
    });
  }
  settle(s, reason ?? new AppError('RS_NOT_FOUND'));
  if (s.mode) pushSession(sv.rt, s, null);
}

async function switchMode(sv: Supervision, s: Session, talk: LiveTalk, to: MonitorMode): Promise<void> {
  await runSteps(sv, s, talk, planMonitor(s.mode, to));
  s.mode = to;
  pushSession(sv.rt, s, to);
}

/** Starts a session (rings the supervisor's phone) or reuses it; `done` settles when wired. (Wrapped, so
 * the chain does not wait for the phone: its answer is an event that runs in the chain too.) */
function request(
  rt: TelephonyRuntime,
  target: Target,
  supervisorId: string,
  wanted: MonitorMode | 'takeover',
): Promise<{ done: Promise<void> }> {
  const sv = supervision(rt);
  return rt.run(async () => {
    const call = stillTalking(rt, target);
    const existing = sv.sessions.get(target.callId);
    if (existing && existing.supervisorId !== supervisorId) throw new AppError('RS_MONITORED_BY_OTHER');
    if (existing?.answered) {
      if (wanted === 'takeover') await takeOver(sv, existing, call);
      else await switchMode(sv, existing, call, wanted);
      return { done: Promise.resolve() };
    }
    if (existing) {
      existing.wanted = wanted;
      return { done: waitFor(existing) };
    }
    const s: Session = {
      callId: target.callId,
      agentId: target.agentId,
      supervisorId,
      phoneChannel: randomUUID(),
      answered: false,
      mode: null,
      wanted,
      agentChannel: call.agentChannel,
      snoopChannel: null,
      monitorBridge: null,
      inCallBridge: false,
      waiters: [],
    };
    sv.sessions.set(s.callId, s);
    const done = waitFor(s);
    try {
      await rt.pbx.originate({
        target: phoneOf(rt.agentConfigs, supervisorId),
        channelId: s.phoneChannel,
        appArgs: ['supervise', s.callId, supervisorId],
        timeoutSec: 20,
        callerId: { number: call.callerNumber, name: 'Ringside supervision' },
      });
    } catch (err) {
      sv.sessions.delete(s.callId);
      throw err;
    }
    return { done };
  });
}

async function settleWithin(p: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('RS_SUPERVISOR_PHONE')), PHONE_ANSWER_TIMEOUT_MS);
  });
  try {
    await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function monitor(
  rt: TelephonyRuntime,
  target: Target,
  supervisorId: string,
  mode: MonitorMode,
): Promise<MonitorSession & { from: MonitorMode | null }> {
  const from = supervision(rt).sessions.get(target.callId)?.mode ?? null;
  await settleWithin((await request(rt, target, supervisorId, mode)).done);
  return { ...target, supervisorId, mode, from };
}

export async function stopMonitor(
  rt: TelephonyRuntime,
  callId: string,
  supervisorId: string,
): Promise<{ agentId: string; mode: MonitorMode | null }> {
  const sv = supervision(rt);
  return rt.run(async () => {
    const s = sv.sessions.get(callId);
    if (!s || s.supervisorId !== supervisorId) throw new AppError('RS_NOT_FOUND');
    const talk = liveTalk(rt, callId);
    if (talk) await runSteps(sv, s, talk, planStop(s.mode));
    const mode = s.mode;
    await endSession(sv, s, new AppError('RS_NOT_FOUND', 'Stopped'));
    return { agentId: s.agentId, mode };
  });
}

export async function takeOverCallFor(
  rt: TelephonyRuntime,
  target: Target,
  supervisorId: string,
): Promise<void> {
  await settleWithin((await request(rt, target, supervisorId, 'takeover')).done);
}

/** Inside the chain, phone answered: the supervisor's phone becomes the call's agent leg. */
async function takeOver(sv: Supervision, s: Session, talk: LiveTalk): Promise<void> {
  if (talk.kind === 'dial') return takeOverDial(sv, s, sv.rt.dials.get(talk.id)!);
  const rt = sv.rt;
  const call = rt.calls.get(talk.id)!;
  const step = takeOverCall(call.state, s.supervisorId);
  if (!step.ok) throw new AppError('RS_CONFLICT', 'Nobody is talking on this call');
  const oldLeg = call.agentChannel;
  await dropSnoop(sv, s);
  if (!s.inCallBridge) await rt.pbx.addToBridge(await ensureTalkBridge(rt, call), [s.phoneChannel]);
  // From here the phone is the runtime's: its hang-up ends the call like an agent's would.
  sv.sessions.delete(s.callId);
  rt.channels.set(s.phoneChannel, { kind: 'agentLeg', callId: call.id, agentId: s.supervisorId });
  call.agentChannel = s.phoneChannel;
  call.agentId = s.supervisorId;
  call.state = step.state;
  if (!call.agentPath.includes(s.supervisorId)) call.agentPath.push(s.supervisorId);
  await hangupLeg(rt, oldLeg ?? undefined, () => undefined);
  await applyAgent(rt, step.previousAgentId, { type: 'callEnded', callId: call.id, now: rt.now() });
  rt.deps.io
    .to(`user:${step.previousAgentId}`)
    .emit('call:ended', { callId: call.id, hangupSide: 'system', cause: 'taken-over', wrapUpRequired: true });
  emitCallUpdate(rt, call);
  if (s.mode) pushSession(rt, s, null);
  settle(s);
}

/** Click-to-dial: no call machine, no agent state; the dial's agent leg simply becomes the phone. */
async function takeOverDial(sv: Supervision, s: Session, d: OutboundDial): Promise<void> {
  const rt = sv.rt;
  const oldLeg = d.agentChannel;
  const previous = d.agentId;
  await dropSnoop(sv, s);
  if (!s.inCallBridge && d.bridgeId) await rt.pbx.addToBridge(d.bridgeId, [s.phoneChannel]);
  sv.sessions.delete(s.callId);
  rt.channels.set(s.phoneChannel, { kind: 'dialAgent', callId: d.id, agentId: s.supervisorId });
  d.agentChannel = s.phoneChannel;
  d.agentId = s.supervisorId;
  await hangupLeg(rt, oldLeg, () => undefined);
  rt.deps.io
    .to(`user:${previous}`)
    .emit('call:ended', { callId: d.id, hangupSide: 'system', cause: 'taken-over', wrapUpRequired: true });
  if (s.mode) pushSession(rt, s, null);
  settle(s);
}

/** Ends the call for both parties; the record says the system (a supervisor) hung up. */
export async function forceHangup(rt: TelephonyRuntime, target: Target): Promise<void> {
  const sv = supervision(rt);
  await rt.run(async () => {
    const talk = stillTalking(rt, target);
    const s = sv.sessions.get(talk.id);
    if (s) await endSession(sv, s, new AppError('RS_NOT_FOUND', 'The call was ended'));
    if (talk.kind === 'dial') {
      // The dial's own ending writes the row, as ended by the system (a supervisor).
      await onDialLegGone(rt, talk.id, 'dialAgent', FORCED_HANGUP_CAUSE, 'system');
      return;
    }
    const call = rt.calls.get(talk.id)!;
    const now = rt.now();
    await applyCall(rt, call, { type: 'hangup', side: 'system', cause: FORCED_HANGUP_CAUSE, now });
    await applyAgent(rt, target.agentId, { type: 'callEnded', callId: call.id, now });
    await cleanupCall(rt, call);
  });
}

/** The supervisor's current mode on a call (for the live calls view). */
export function modeOf(rt: TelephonyRuntime, callId: string, supervisorId: string): MonitorMode | null {
  const s = supervision(rt).sessions.get(callId);
  return s && s.supervisorId === supervisorId ? s.mode : null;
}
