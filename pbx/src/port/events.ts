// Everything the PBX tells the server, as a discriminated union on `type`. Built by the adapter from
// vendor events; no vendor JSON appears here. `at` is the PBX's ISO timestamp (or ours for connection events).
import type { HangupOutcome } from './outcome.ts';

export type ChannelState =
  | 'down'
  | 'reserved'
  | 'offhook'
  | 'dialing'
  | 'ring'
  | 'ringing'
  | 'up'
  | 'busy'
  | 'dialing-offhook'
  | 'pre-ring'
  | 'unknown';

/** What a playback, recording or MOH targets. */
export type MediaTarget = { kind: 'channel'; id: string } | { kind: 'bridge'; id: string };

interface Base {
  at: string;
}

export interface CallEntered extends Base {
  /** A channel entered our Stasis app: a dialplan call (args from Stasis()), an originated leg, a snoop. */
  type: 'callEntered';
  channelId: string;
  channelName: string;
  /** Stasis() arguments, e.g. ['inbound', '4001'] or the appArgs of an originate. */
  args: string[];
  callerNumber: string;
  callerName: string;
  /** The extension the channel was dialing when it entered (the DID for inbound calls). */
  dialedExten: string;
  context: string;
  state: ChannelState;
  language: string;
}

export interface ChannelStateChanged extends Base {
  type: 'channelStateChanged';
  channelId: string;
  state: ChannelState;
}

export interface ChannelAnswered extends Base {
  /** Emitted with the channelStateChanged to 'up'. */
  type: 'channelAnswered';
  channelId: string;
}

export interface DtmfReceived extends Base {
  type: 'dtmfReceived';
  channelId: string;
  digit: string;
  durationMs: number;
}

export interface PlaybackStarted extends Base {
  type: 'playbackStarted';
  playbackId: string;
  target: MediaTarget;
  media: string;
}

export interface PlaybackFinished extends Base {
  type: 'playbackFinished';
  playbackId: string;
  target: MediaTarget;
  media: string;
  /** 'done' played to the end (or was stopped), 'failed' e.g. a missing file. */
  result: 'done' | 'failed';
}

interface HangupBase extends Base {
  channelId: string;
  /** Q.850 cause number as reported by the PBX (0 when unknown). */
  cause: number;
  causeText: string;
  outcome: HangupOutcome;
}

export interface ChannelHungup extends HangupBase {
  /** Hang-up was requested (by the far end or a softhangup); the channel may still be tearing down. */
  type: 'channelHungup';
}

export interface ChannelDestroyed extends HangupBase {
  /** The channel is gone: the final word on a leg, with the authoritative cause. */
  type: 'channelDestroyed';
}

export interface ChannelEnteredBridge extends Base {
  type: 'channelEnteredBridge';
  bridgeId: string;
  channelId: string;
}

export interface ChannelLeftBridge extends Base {
  type: 'channelLeftBridge';
  bridgeId: string;
  channelId: string;
}

interface RecordingBase extends Base {
  /** The recording name given to recordBridge/recordChannel. */
  name: string;
  target: MediaTarget;
}

export interface RecordingStarted extends RecordingBase {
  type: 'recordingStarted';
}

export interface RecordingFinished extends RecordingBase {
  type: 'recordingFinished';
  durationSec?: number;
}

export interface RecordingFailed extends RecordingBase {
  type: 'recordingFailed';
  reason: string;
}

export interface StasisEnded extends Base {
  /** The channel left our app (hung up, or continued in the dialplan). */
  type: 'stasisEnd';
  channelId: string;
}

/** Answering-machine detection's verdict on a channel sent to startAmd (person, machine, unsure, hung up). */
export type AmdVerdict = 'human' | 'machine' | 'notsure' | 'hangup';

export interface AmdResult extends Base {
  /** The channel came back from answering-machine detection (it is in our app again). */
  type: 'amdResult';
  channelId: string;
  verdict: AmdVerdict;
  /** The detector's reason, for logs and the attempt row (e.g. 'LONGGREETING-2000-1500'). */
  detail: string;
}

export interface Connected extends Base {
  type: 'connected';
}

export interface Disconnected extends Base {
  /** The event stream was lost; the adapter is reconnecting. Commands fail with 'unavailable' meanwhile. */
  type: 'disconnected';
  reason: string;
}

export interface Reconnected extends Base {
  /** Events flow again. Calls may have changed meanwhile: reconcile state from the PBX. */
  type: 'reconnected';
  attempts: number;
  downtimeMs: number;
}

export interface AppReplaced extends Base {
  /** Another connection registered the same app name and now receives its events. */
  type: 'appReplaced';
}

export type PbxEvent =
  | CallEntered
  | ChannelStateChanged
  | ChannelAnswered
  | DtmfReceived
  | PlaybackStarted
  | PlaybackFinished
  | ChannelHungup
  | ChannelDestroyed
  | ChannelEnteredBridge
  | ChannelLeftBridge
  | RecordingStarted
  | RecordingFinished
  | RecordingFailed
  | StasisEnded
  | AmdResult
  | Connected
  | Disconnected
  | Reconnected
  | AppReplaced;

export type PbxEventType = PbxEvent['type'];
export type PbxEventOf<T extends PbxEventType> = Extract<PbxEvent, { type: T }>;

/** A channel in our app as the PBX reports it now (recovery after a restart or a reconnect). */
export interface LiveChannel {
  channelId: string;
  state: ChannelState;
  callerNumber: string;
  /** Arguments the channel entered our app with ([] when unknown). */
  args: string[];
  /** Epoch ms the channel was created. */
  createdAt: number;
  /** The channel variables asked for by name (absent = not set). */
  variables: Record<string, string>;
}

/** A bridge owned by our app as the PBX reports it now. */
export interface LiveBridge {
  bridgeId: string;
  type: 'mixing' | 'holding';
  channelIds: string[];
}
