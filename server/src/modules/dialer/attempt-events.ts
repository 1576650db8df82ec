// What the PBX and telephony report about an attempt, as the attempt reducer's events (pure). The
// dispatcher hands the dialer the events of the legs it claimed; telephony's call transitions tell it
// about calls it handed over.
import type { HangupOutcome, LiveChannel, PbxEvent } from '@ringside/pbx';
import type { FarEndOutcome } from '../../core/dialer/attempt-classify.ts';
import type { AmdResultVerdict, AttemptEvent, AttemptState } from '../../core/dialer/attempt-types.ts';
import type { TelephonyEvent } from '../telephony/facade.ts';

// core/dialer cannot import the port: FarEndOutcome repeats HangupOutcome's words. Both directions, so
// a word added to either one stops the build here.
const sameWords = (o: HangupOutcome): FarEndOutcome => o;
const sameWordsBack = (o: FarEndOutcome): HangupOutcome => o;
void sameWords;
void sameWordsBack;

/** The first Stasis argument of our originate (the channel answered), and of AMD's re-entry. */
export const DIALER_ARG = 'dialer';
const AMD_REENTRY_ARG = 'dialer-amd';

/**
 * A PBX event about an attempt's own channel. `lastCause` is what ChannelHungup reported, for a
 * StasisEnd with no ChannelDestroyed after it. Null: nothing for the attempt (or only the cause to note).
 */
export function attemptEventOf(e: PbxEvent, lastCause: number | null, now: number): AttemptEvent | null {
  switch (e.type) {
    case 'callEntered':
      return e.args[0] === DIALER_ARG ? { type: 'answered', now } : null;
    case 'amdResult':
      return { type: 'amdResult', verdict: e.verdict, detail: e.detail, now };
    case 'channelDestroyed':
      return { type: 'hungup', cause: e.cause, pbxOutcome: e.outcome, now };
    case 'stasisEnd':
      // The adapter reports no StasisEnd for AMD's detour: leaving our app is the end (no destroy may follow).
      return { type: 'hungup', cause: lastCause ?? 16, pbxOutcome: 'answered-normal', now };
    case 'playbackFinished':
      return { type: 'playbackFinished', heard: e.result === 'done', now };
    case 'channelHungup':
    case 'channelAnswered':
    case 'channelStateChanged':
    case 'channelEnteredBridge':
    case 'channelLeftBridge':
    case 'dtmfReceived':
    case 'playbackStarted':
    case 'recordingStarted':
    case 'recordingFinished':
    case 'recordingFailed':
    case 'connected':
    case 'disconnected':
    case 'reconnected':
    case 'appReplaced':
      return null;
  }
}

/** What telephony's call transition means for the attempt of a handed-over call (null: nothing). */
export function handedCallEvent(e: Extract<TelephonyEvent, { kind: 'callTransition' }>): AttemptEvent | null {
  const status = e.call.state.status;
  if (status.kind === 'answered' && e.transition.from === 'offering')
    return { type: 'agentConnected', now: e.at };
  if (status.kind !== 'ended') return null;
  const rec = e.call.state.record;
  const cause =
    rec?.cause !== undefined && rec.cause !== null && /^\d+$/.test(rec.cause) ? Number(rec.cause) : null;
  return {
    type: 'handedCallEnded',
    reachedAgent: rec?.answeredAt !== null && rec?.answeredAt !== undefined,
    agentId: rec?.agentId ?? null,
    talkMs: rec ? rec.talkMs : null,
    cause,
    now: e.at,
  };
}

const VERDICTS: Record<string, AmdResultVerdict> = {
  HUMAN: 'human',
  MACHINE: 'machine',
  NOTSURE: 'notsure',
  HANGUP: 'hangup',
};

/**
 * What a restarted dialer missed, read from the channel as the PBX lists it after the resume: an attempt
 * still ringing whose channel is in our app answered; one in AMD whose channel is back in our app has
 * its verdict in the re-entry arguments.
 */
export function missedEvent(
  state: AttemptState,
  ch: LiveChannel | undefined,
  now: number,
): AttemptEvent | null {
  if (!ch) return null;
  if (state.phase === 'ringing' && ch.state === 'up' && ch.args[0] === DIALER_ARG)
    return { type: 'answered', now };
  if (state.phase === 'amd' && ch.args[0] === AMD_REENTRY_ARG) {
    const [, status = '', ...detail] = ch.args;
    return { type: 'amdResult', verdict: VERDICTS[status] ?? 'notsure', detail: detail.join(','), now };
  }
  return null;
}
