// Values of the dial attempt state machine (see attempt-machine.ts for the diagram). Plain JSON throughout:
// the dialer persists the state as it changes, so a restarted server can resume the attempt.
import type { AmdVerdict, AttemptOutcome, FarEndOutcome } from './attempt-classify.ts';
import type { DialResolution, LiveAnswerOutcome } from './types.ts';

export type AttemptPhase =
  'ringing' | 'amd' | 'waiting' | 'offered' | 'connected' | 'machine' | 'abandoning' | 'done';

/** What the campaign asked for when the attempt was dialed (kept with it, so a restart keeps its rules). */
export interface AttemptSetup {
  amd: boolean;
  /** With AMD on: what a machine gets. */
  machineAction: 'hangup' | 'message';
  recordCalls: boolean;
  /** Preview: the agent who dialed gets the answer, and the 2 s rule does not apply (they chose to dial). */
  previewAgentId: string | null;
  /** A callback owed by one agent: only they are offered the answer. */
  callbackAgentId: string | null;
  /** The originate's ring timeout (the PBX ends the ringing; the dialer only needs it after a restart). */
  ringTimeoutMs: number;
}

export interface AttemptState {
  callId: string;
  campaignId: string;
  recordId: string;
  /** The called party's channel. */
  channelId: string;
  setup: AttemptSetup;
  phase: AttemptPhase;
  startedAt: number;
  answeredAt: number | null;
  /** When the answer became a live person needing an agent (the answer, or AMD's human verdict). */
  liveSince: number | null;
  amd: AmdVerdict | null;
  amdDetail: string | null;
  /**
   * When the current wait gives up, checked on tick: AMD's verdict, the message playing, a ring the PBX
   * should have ended long ago (only reachable when an event was lost).
   */
  deadline: number | null;
  /** An offer to an agent is out; its result (offered / offerRefused) has not come back. */
  offering: boolean;
  /** Taking an offered call back from telephony after the grace: running, or refused (it had connected). */
  takeBack: 'none' | 'running' | 'refused';
  /** The agent offered the call (then connected to it). */
  agentId: string | null;
  /** The machine or abandon message's playback, so a restarted dialer can still hear it finish. */
  playbackId: string | null;
  /** The message played to its end (true), stopped or failed (false), or has not finished (null). */
  heardMessage: boolean | null;
  /** We hung the called party up ourselves (so their hang-up is not theirs). */
  hangupSent: boolean;
  /** Set on done (null when the originate failed: nothing was dialed, no attempt is recorded). */
  outcome: AttemptOutcome | null;
  endedAt: number | null;
}

export type AmdResultVerdict = 'human' | 'machine' | 'notsure' | 'hangup';

export type AttemptEvent =
  | { type: 'originated'; now: number }
  | { type: 'originateFailed'; now: number }
  /** The called party answered (the channel entered our app). */
  | { type: 'answered'; now: number }
  | { type: 'amdResult'; verdict: AmdResultVerdict; detail: string; now: number }
  /** An agent was offered the call (telephony owns the channel now). */
  | { type: 'offered'; agentId: string; now: number }
  /** No agent could be offered it (none ready, or the one wanted is not). */
  | { type: 'offerRefused'; now: number }
  /** The offered agent's leg answered: they talk. */
  | { type: 'agentConnected'; now: number }
  /** Telephony ended the handed-over call (its call record). */
  | {
      type: 'handedCallEnded';
      reachedAgent: boolean;
      agentId: string | null;
      talkMs: number | null;
      cause: number | null;
      now: number;
    }
  /** back: the channel is the dialer's again; false when the call had connected (or ended) meanwhile. */
  | { type: 'takeBackResult'; back: boolean; now: number }
  | { type: 'messagePlaying'; playbackId: string; now: number }
  /** heard: played to its end; false when it was stopped or could not play. */
  | { type: 'playbackFinished'; heard: boolean; now: number }
  /** The called party's channel is gone (destroyed, or left our app). */
  | { type: 'hungup'; cause: number | null; pbxOutcome: FarEndOutcome; now: number }
  | { type: 'tick'; now: number }
  /**
   * A restarted dialer found this attempt persisted. channelAlive: the PBX still holds the called party's
   * channel; callLive: telephony still has the call (it matters once the call was handed over).
   */
  | { type: 'resume'; channelAlive: boolean; callLive: boolean; now: number };

export type AttemptEventType = AttemptEvent['type'];

/** What the pacing model learns from the attempt (the interpreter applies it to the campaign's learner). */
export type LearnerNote =
  | { kind: 'dialResolved'; resolution: DialResolution; ageSec: number }
  | { kind: 'liveAnswerSettled'; outcome: LiveAnswerOutcome; atSec: number }
  | { kind: 'talkEnded'; talkSec: number };

export type AttemptCommand =
  /** Claim the called party's channel for the dialer (its events come to us); before the originate. */
  | { type: 'claimLeg' }
  /** Forget the channel (only if the dialer still holds it: telephony's own claim is left alone). */
  | { type: 'releaseLeg' }
  | { type: 'originate' }
  /** Nothing was dialed: the record's claim goes back to its dialable state. */
  | { type: 'releaseRecord' }
  | { type: 'startAmd' }
  /** agentId null: any ready agent of the campaign, longest idle first. Answers offered / offerRefused. */
  | { type: 'offerToAgent'; agentId: string | null }
  /** The call is telephony's now: the dialer's bookkeeping of handed calls (wrap-up, pacing). */
  | { type: 'handedOver' }
  | { type: 'takeBack' }
  /** The called party's hang-up reached us instead of telephony (in the hand-over instant): end it there. */
  | { type: 'endHandedOverCall'; cause: number | null }
  | { type: 'playMessage'; prompt: 'abandon' | 'machine' }
  /** A restarted dialer: the message's playback events come to us again. */
  | { type: 'claimPlayback'; playbackId: string }
  | { type: 'hangup' }
  | { type: 'recordCall' }
  | { type: 'countConnect' }
  | { type: 'learn'; note: LearnerNote }
  /**
   * The attempt is over: store it (attempt row, record's next state). writeCallRow: the `calls` row is
   * ours to write (telephony never had the call, or lost it in a restart; an existing row is kept).
   */
  | {
      type: 'settle';
      outcome: AttemptOutcome;
      cause: number | null;
      agentId: string | null;
      writeCallRow: boolean;
    };

export type AttemptRejectionCode = 'RS_DIAL_DONE' | 'RS_DIAL_INVALID_TRANSITION';

export interface AttemptTransition {
  callId: string;
  from: AttemptPhase;
  to: AttemptPhase;
  event: AttemptEventType;
  at: number;
}

export type AttemptStep =
  | { ok: true; state: AttemptState; commands: AttemptCommand[]; transition: AttemptTransition | null }
  | {
      ok: false;
      state: AttemptState;
      rejection: { code: AttemptRejectionCode; event: AttemptEventType; phase: AttemptPhase };
    };
