// The narrow port between Ringside's telephony logic and a PBX. Implemented by the Asterisk ARI
// adapter (pbx/src/asterisk) and by the in-memory fake (pbx/src/fake). Every command rejects with a
// PbxError; every fact arrives as a PbxEvent.
import type {
  BridgeType,
  DialplanTarget,
  MediaUri,
  OriginateRequest,
  PlayOptions,
  RecordOptions,
  SendDtmfOptions,
  SnoopRequest,
} from './commands.ts';
import type { LiveBridge, LiveChannel, MediaTarget, PbxEvent } from './events.ts';
import type { HangupReason } from './outcome.ts';

export type PbxListener = (event: PbxEvent) => void;

export interface PbxPort {
  /** The Stasis application name this port receives calls for. */
  readonly app: string;
  /** True while the event stream is up. */
  readonly connected: boolean;

  /** Connects and resolves once events flow; reconnects by itself afterwards until close(). */
  connect(): Promise<void>;
  close(): Promise<void>;
  /** Subscribes to events; returns the unsubscribe function. Listeners must not throw. */
  on(listener: PbxListener): () => void;

  // --- channels
  answer(channelId: string): Promise<void>;
  hangup(channelId: string, reason?: HangupReason): Promise<void>;
  /** Ringing indication to the caller (before answer). */
  ring(channelId: string): Promise<void>;
  ringStop(channelId: string): Promise<void>;
  startMoh(channelId: string, mohClass?: string): Promise<void>;
  stopMoh(channelId: string): Promise<void>;
  setVariable(channelId: string, name: string, value: string): Promise<void>;
  /** undefined when the variable is not set. */
  getVariable(channelId: string, name: string): Promise<string | undefined>;
  sendDtmf(channelId: string, digits: string, opts?: SendDtmfOptions): Promise<void>;
  /** Leaves our app and resumes the dialplan (default: where the channel entered). */
  continueInDialplan(channelId: string, target?: DialplanTarget): Promise<void>;
  /**
   * Hands a caller we cannot serve (e.g. an unconfigured DID) to the PBX's own "cannot take your call"
   * announcement in that DID's languages; the channel leaves our app (stasisEnd) and the PBX hangs up.
   */
  playFallback(channelId: string, did: string): Promise<void>;
  /** Creates a channel that enters our app when answered; resolves with its id once dialing started. */
  originate(request: OriginateRequest): Promise<{ channelId: string }>;
  /**
   * Sends an answered channel through answering-machine detection; it comes back into our app and the
   * verdict arrives as an amdResult event (no stasisEnd is reported for the detour).
   */
  startAmd(channelId: string): Promise<void>;
  /** A snoop channel on channelId, entering our app (supervisor listen/whisper). */
  snoop(request: SnoopRequest): Promise<{ channelId: string }>;

  // --- what the PBX holds now (recovery: adopt what is still there, close what vanished)
  /**
   * Channels in our app, with the named channel variables read for each: those in the app now and those
   * we originated that are still ringing (their args are the originate's appArgs).
   */
  listChannels(variables?: string[]): Promise<LiveChannel[]>;
  /** Bridges of our app with the channels in them. */
  listBridges(): Promise<LiveBridge[]>;

  // --- media
  /** Plays the media in order; resolves with the playback id (events carry it). */
  play(target: MediaTarget, media: MediaUri[], opts?: PlayOptions): Promise<string>;
  stopPlayback(playbackId: string): Promise<void>;

  // --- bridges
  createBridge(type: BridgeType, opts?: { bridgeId?: string; name?: string }): Promise<string>;
  addToBridge(bridgeId: string, channelIds: string[]): Promise<void>;
  /** Rejects not-found when the bridge or a channel is gone, or a channel is no longer in the bridge. */
  removeFromBridge(bridgeId: string, channelIds: string[]): Promise<void>;
  destroyBridge(bridgeId: string): Promise<void>;
  startBridgeMoh(bridgeId: string, mohClass?: string): Promise<void>;
  stopBridgeMoh(bridgeId: string): Promise<void>;

  // --- recording (names are unique; files stay on the PBX host)
  recordBridge(bridgeId: string, opts: RecordOptions): Promise<void>;
  recordChannel(channelId: string, opts: RecordOptions): Promise<void>;
  stopRecording(name: string): Promise<void>;
  pauseRecording(name: string): Promise<void>;
  unpauseRecording(name: string): Promise<void>;
}
