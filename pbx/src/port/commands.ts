// Parameters of PBX commands. Media are URIs in the PBX-neutral form Ringside uses everywhere:
//   sound:ringside/zh/queue-welcome   a prompt (sounds/ manifest id, language in the path)
//   tone:ring  tone:440               an indication or a frequency
//   recording:NAME                    a stored recording
//   number:12  digits:4001            spoken numbers/digits (core sounds; English only)

export type MediaUri = `${'sound' | 'tone' | 'recording' | 'number' | 'digits' | 'characters'}:${string}`;

export type BridgeType = 'mixing' | 'holding';

export interface PlayOptions {
  /** Language for sound: lookups that do not name one in the path. */
  lang?: string;
  /** Choose the playback id (to correlate events before the command returns). */
  playbackId?: string;
}

/**
 * Where a new leg goes, named without vendor syntax; the adapter turns it into its own dial string
 * (and picks codecs: an agent's WebRTC phone is offered opus first).
 */
export type DialTarget =
  /** An agent's (or supervisor's) phone as the server provisioned it (the user's SIP endpoint). */
  | { kind: 'agent'; userId: string }
  /** A number: through the named trunk, or through the PBX's outbound routing when no trunk is named. */
  | { kind: 'number'; number: string; trunk?: string }
  /**
   * An address an admin configured for a user's phone, in the PBX's own syntax (validated by the
   * adapter's isDialAddress before it is stored). Tests point simulated agents at Local channels this way.
   */
  | { kind: 'address'; address: string };

export interface OriginateRequest {
  target: DialTarget;
  callerId?: { number: string; name?: string };
  /** Arguments the channel enters our app with (visible in callEntered.args). */
  appArgs?: string[];
  /** Seconds to ring before giving up (outcome 'no-answer', cause 19). */
  timeoutSec?: number;
  /** Channel variables, e.g. SIP headers via PJSIP_HEADER(add,X-Ringside-Call). */
  variables?: Record<string, string>;
  /** Codecs to offer, in order, e.g. ['opus'] for a WebRTC leg (a plain originate offers PCMU first). */
  formats?: string[];
  /** Choose the channel id (idempotent retries, correlating events that arrive before the reply). */
  channelId?: string;
  /** For Local channels: the id of the ;2 half. */
  otherChannelId?: string;
}

export interface SnoopRequest {
  /** The channel to listen to (the agent's). */
  channelId: string;
  /** What the snoop hears: audio coming in ('in'), going out ('out'), both, or none. */
  spy: 'none' | 'in' | 'out' | 'both';
  /** Where the snoop's own audio goes: whisper 'out' = only the agent hears the supervisor. */
  whisper: 'none' | 'in' | 'out' | 'both';
  appArgs?: string[];
  snoopId?: string;
}

export interface RecordOptions {
  /** Unique name; the file is <name>.<format> in the PBX's recording directory. */
  name: string;
  format?: 'wav' | 'gsm' | 'ulaw';
  /** Stop after this many seconds (0 = no limit). */
  maxDurationSec?: number;
  /** Stop after this much silence (0 = never). */
  maxSilenceSec?: number;
  /** What to do if a recording with that name exists. */
  ifExists?: 'fail' | 'overwrite' | 'append';
  /** Play a beep before recording. */
  beep?: boolean;
  /** DTMF that stops the recording. */
  terminateOn?: 'none' | 'any' | '*' | '#';
}

export interface DialplanTarget {
  context?: string;
  extension?: string;
  priority?: number;
  label?: string;
}

export interface SendDtmfOptions {
  /** Milliseconds of each digit. */
  durationMs?: number;
  /** Milliseconds between digits. */
  betweenMs?: number;
}
