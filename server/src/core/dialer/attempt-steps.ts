// The building blocks of the dial attempt reducer (attempt-machine.ts) and its resume rules
// (attempt-resume.ts): the steps several phases share — going live, abandoning with the message, ending.
import { shouldAbandon, type AttemptOutcome } from './attempt-classify.ts';
import type { DialResolution } from './types.ts';
import type {
  AttemptCommand,
  AttemptEvent,
  AttemptPhase,
  AttemptRejectionCode,
  AttemptSetup,
  AttemptState,
  AttemptStep,
  LearnerNote,
} from './attempt-types.ts';

/** AMD() decides within about 5 s; past this the verdict is not coming and the call is hung up. */
export const AMD_TIMEOUT_MS = 8_000;
/** The abandon / machine message is about 11 s (zh + en); past this its end was lost and we hang up. */
export const MESSAGE_LIMIT_MS = 30_000;
/** The PBX ends a ring at the ring timeout; this much later the end was lost (an ARI reconnect, a restart). */
export const RING_MARGIN_MS = 30_000;

export interface NewAttempt {
  callId: string;
  campaignId: string;
  recordId: string;
  channelId: string;
  setup: AttemptSetup;
  now: number;
}

export function newAttemptState(a: NewAttempt): AttemptState {
  return {
    ...{
      callId: a.callId,
      campaignId: a.campaignId,
      recordId: a.recordId,
      channelId: a.channelId,
      setup: a.setup,
    },
    ...{ phase: 'ringing', startedAt: a.now, answeredAt: null, liveSince: null, amd: null, amdDetail: null },
    // The PBX ends the ring; this deadline only catches an end that was lost.
    deadline: a.now + a.setup.ringTimeoutMs + RING_MARGIN_MS,
    ...{ offering: false, takeBack: 'none', agentId: null, playbackId: null, heardMessage: null },
    ...{ hangupSent: false, outcome: null, endedAt: null },
  };
}

export function move(
  state: AttemptState,
  e: AttemptEvent,
  phase: AttemptPhase,
  patch: Partial<AttemptState>,
  commands: AttemptCommand[] = [],
): AttemptStep {
  const transition =
    phase === state.phase
      ? null
      : { callId: state.callId, from: state.phase, to: phase, event: e.type, at: e.now };
  return { ok: true, state: { ...state, ...patch, phase }, commands, transition };
}

export function stay(
  state: AttemptState,
  patch: Partial<AttemptState> = {},
  commands: AttemptCommand[] = [],
): AttemptStep {
  return { ok: true, state: { ...state, ...patch }, commands, transition: null };
}

export function reject(
  state: AttemptState,
  e: AttemptEvent,
  code: AttemptRejectionCode = 'RS_DIAL_INVALID_TRANSITION',
): AttemptStep {
  return { ok: false, state, rejection: { code, event: e.type, phase: state.phase } };
}

export const learn = (note: LearnerNote): AttemptCommand => ({ type: 'learn', note });
export const ageSec = (state: AttemptState, now: number): number =>
  Math.max(0, (now - state.startedAt) / 1000);
export const dialResolved = (state: AttemptState, resolution: DialResolution, now: number): LearnerNote => ({
  kind: 'dialResolved',
  resolution,
  ageSec: ageSec(state, now),
});

/** The agent this answer must go to (preview: who dialed; a callback: its agent), or null for any. */
export const wantedAgent = (state: AttemptState): string | null =>
  state.setup.previewAgentId ?? state.setup.callbackAgentId;

/** A live answer that has waited out the 2 s grace without an agent (never for preview: the agent chose). */
export const graceOver = (state: AttemptState, now: number): boolean =>
  state.setup.previewAgentId === null &&
  state.liveSince !== null &&
  shouldAbandon({ liveSince: state.liveSince, agentConnected: false, now });

/**
 * A live person on the line (answer without AMD, or AMD said human / not sure): the pacing model learns
 * the answer now — with AMD at the verdict, since that is when the call needs an agent — and the call is
 * offered.
 */
export function goLive(state: AttemptState, e: AttemptEvent, patch: Partial<AttemptState> = {}): AttemptStep {
  return move(state, e, 'waiting', { ...patch, liveSince: e.now, offering: true, deadline: null }, [
    learn(dialResolved(state, 'answered', e.now)),
    { type: 'offerToAgent', agentId: wantedAgent(state) },
  ]);
}

/** No agent in time: the called party hears the identification message, then we hang up. Counted. */
export function abandon(state: AttemptState, e: AttemptEvent, first: AttemptCommand[] = []): AttemptStep {
  return move(
    state,
    e,
    'abandoning',
    {
      offering: false,
      takeBack: 'none',
      deadline: e.now + MESSAGE_LIMIT_MS,
      heardMessage: null,
      playbackId: null,
    },
    [
      ...first,
      learn({ kind: 'liveAnswerSettled', outcome: 'abandoned', atSec: e.now / 1000 }),
      { type: 'playMessage', prompt: 'abandon' },
    ],
  );
}

/** The message of a machine or an abandon: a restarted dialer listens for its end again, or plays it. */
export function messageCommands(state: AttemptState): AttemptCommand[] {
  if (state.hangupSent) return [{ type: 'hangup' }];
  if (state.playbackId) return [{ type: 'claimPlayback', playbackId: state.playbackId }];
  return [{ type: 'playMessage', prompt: state.phase === 'machine' ? 'machine' : 'abandon' }];
}

/** Our own hang-up when a wait gave up (a lost verdict, message end or ring end). */
export function hangupAfterDeadline(state: AttemptState, now: number): AttemptStep {
  if (state.deadline === null || now < state.deadline || state.hangupSent) return stay(state);
  return stay(state, { deadline: null, hangupSent: true }, [{ type: 'hangup' }]);
}

export interface Settling {
  cause: number | null;
  agentId: string | null;
  writeCallRow: boolean;
  /** The dialer still holds the leg (not telephony). */
  releaseLeg: boolean;
  notes?: LearnerNote[];
  first?: AttemptCommand[];
}

/** The attempt is over: learner notes, the leg released, the attempt stored. */
export function finish(
  state: AttemptState,
  e: AttemptEvent,
  outcome: AttemptOutcome,
  how: Settling,
): AttemptStep {
  const commands: AttemptCommand[] = [
    ...(how.first ?? []),
    ...(how.releaseLeg ? [{ type: 'releaseLeg' } as const] : []),
    ...(how.notes ?? []).map(learn),
    { type: 'settle', outcome, cause: how.cause, agentId: how.agentId, writeCallRow: how.writeCallRow },
  ];
  const patch = { outcome, endedAt: e.now, deadline: null, offering: false, takeBack: 'none' as const };
  return move(state, e, 'done', patch, commands);
}
