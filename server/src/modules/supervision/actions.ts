// Supervisor call actions on a live call: listen / whisper / barge (one phone call for the whole session,
// later requests only rewire), stop, force hang-up and take-over. Everything that touches the call runs
// as a step of the telephony chain (tel.serialize); waiting for the supervisor's phone to answer happens
// outside it. What changes the call itself (take-over, forced hang-up) is telephony's, through the facade.
import { randomUUID } from 'node:crypto';
import type { MonitorMode, MonitorSession } from '../../contracts/supervision.ts';
import { planMonitor, planStop } from '../../core/supervision/monitor-plan.ts';
import { AppError } from '../../errors/catalog.ts';
import type { LiveTalk } from '../telephony/facade-supervision.ts';
import { pushSession } from './push.ts';
import { Supervision, type Session, type SupervisionDeps, type SupervisionHooks } from './registry.ts';
import { stillTalking, type Target } from './target.ts';
import { dropSnoop, runSteps } from './wiring.ts';

const PHONE_ANSWER_TIMEOUT_MS = 30_000;

const hooks: SupervisionHooks = {
  async onPhoneAnswered(sv, s) {
    s.answered = true;
    const talk = sv.tel.supervision.liveTalk(s.callId);
    if (!talk || talk.agentChannel !== s.agentChannel)
      return endSession(sv, s, new AppError('RS_NOT_FOUND', 'The call ended before your phone answered'));
    try {
      if (s.wanted === 'takeover') await takeOver(sv, s);
      else await switchMode(sv, s, talk, s.wanted);
      settle(s);
    } catch (err) {
      await endSession(sv, s, err);
    }
  },
  async onPhoneGone(sv, s) {
    await endSession(sv, s, new AppError('RS_SUPERVISOR_PHONE'), { phoneGone: true });
  },
  async onCallChanged(sv, s) {
    const talk = sv.tel.supervision.liveTalk(s.callId);
    if (!talk || talk.agentChannel !== s.agentChannel)
      await endSession(sv, s, new AppError('RS_NOT_FOUND', 'The call ended'));
  },
};

/** The supervision of one telephony role (routes.ts makes one per app; stop() unsubscribes it). */
export function createSupervision(deps: SupervisionDeps): Supervision {
  return new Supervision(deps, hooks);
}

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
  if (!opts.phoneGone)
    await sv.tel.supervision.hangupLeg(s.phoneChannel, "hang-up of the supervisor's phone", {
      callId: s.callId,
      supervisorId: s.supervisorId,
    });
  settle(s, reason ?? new AppError('RS_NOT_FOUND'));
  if (s.mode) pushSession(sv.deps, s, null);
}

async function switchMode(sv: Supervision, s: Session, talk: LiveTalk, to: MonitorMode): Promise<void> {
  await runSteps(sv, s, talk, planMonitor(s.mode, to));
  s.mode = to;
  pushSession(sv.deps, s, to);
}

/** Starts a session (rings the supervisor's phone) or reuses it; `done` settles when wired. (Wrapped, so
 * the chain does not wait for the phone: its answer is an event that runs in the chain too.) */
function request(
  sv: Supervision,
  target: Target,
  supervisorId: string,
  wanted: MonitorMode | 'takeover',
): Promise<{ done: Promise<void> }> {
  return sv.tel.serialize(async () => {
    const talk = stillTalking(sv.tel, target);
    const existing = sv.sessions.get(target.callId);
    if (existing && existing.supervisorId !== supervisorId) throw new AppError('RS_MONITORED_BY_OTHER');
    if (existing?.answered) {
      if (wanted === 'takeover') await takeOver(sv, existing);
      else await switchMode(sv, existing, talk, wanted);
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
      agentChannel: talk.agentChannel,
      snoopChannel: null,
      monitorBridge: null,
      inCallBridge: false,
      waiters: [],
    };
    sv.sessions.set(s.callId, s);
    const done = waitFor(s);
    try {
      await sv.tel.supervision.ringPhone({
        callId: s.callId,
        supervisorId,
        channelId: s.phoneChannel,
        callerNumber: talk.callerNumber,
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
  sv: Supervision,
  target: Target,
  supervisorId: string,
  mode: MonitorMode,
): Promise<MonitorSession & { from: MonitorMode | null }> {
  const from = sv.sessions.get(target.callId)?.mode ?? null;
  await settleWithin((await request(sv, target, supervisorId, mode)).done);
  return { ...target, supervisorId, mode, from };
}

export async function stopMonitor(
  sv: Supervision,
  callId: string,
  supervisorId: string,
): Promise<{ agentId: string; mode: MonitorMode | null }> {
  return sv.tel.serialize(async () => {
    const s = sv.sessions.get(callId);
    if (!s || s.supervisorId !== supervisorId) throw new AppError('RS_NOT_FOUND');
    const talk = sv.tel.supervision.liveTalk(callId);
    if (talk) await runSteps(sv, s, talk, planStop(s.mode));
    const mode = s.mode;
    await endSession(sv, s, new AppError('RS_NOT_FOUND', 'Stopped'));
    return { agentId: s.agentId, mode };
  });
}

export async function takeOverCallFor(sv: Supervision, target: Target, supervisorId: string): Promise<void> {
  await settleWithin((await request(sv, target, supervisorId, 'takeover')).done);
}

/** Inside the chain, phone answered: telephony makes the supervisor's phone the call's agent leg. */
async function takeOver(sv: Supervision, s: Session): Promise<void> {
  await sv.tel.supervision.takeOver(
    {
      callId: s.callId,
      supervisorId: s.supervisorId,
      phoneChannel: s.phoneChannel,
      phoneInCallBridge: s.inCallBridge,
    },
    {
      prepare: () => dropSnoop(sv, s),
      // From here the phone is the call's: the session is over without hanging it up.
      handedOver: () => sv.sessions.delete(s.callId),
    },
  );
  if (s.mode) pushSession(sv.deps, s, null);
  settle(s);
}

/** Ends the call for both parties; the record says the system (a supervisor) hung up. */
export async function forceHangup(sv: Supervision, target: Target): Promise<void> {
  await sv.tel.serialize(async () => {
    const talk = stillTalking(sv.tel, target);
    const s = sv.sessions.get(talk.id);
    if (s) await endSession(sv, s, new AppError('RS_NOT_FOUND', 'The call was ended'));
    await sv.tel.supervision.forceHangup(talk.id);
  });
}

/** The supervisor's current mode on a call (for the live calls view). */
export function modeOf(sv: Supervision, callId: string, supervisorId: string): MonitorMode | null {
  const s = sv.sessions.get(callId);
  return s && s.supervisorId === supervisorId ? s.mode : null;
}
