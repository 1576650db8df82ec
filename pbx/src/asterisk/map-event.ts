// ARI event JSON → PbxEvent[]. Pure: one ARI event may give zero (ignored types), one or two events
// (a ChannelStateChange to "Up" is also a channelAnswered).
import type { ChannelState, MediaTarget, PbxEvent } from '../port/events.ts';
import type { AriChannel, AriEvent } from './ari-json.ts';
import { outcomeFromCause } from './causes.ts';

const STATES: Readonly<Record<string, ChannelState>> = Object.freeze({
  Down: 'down',
  Rsrved: 'reserved',
  OffHook: 'offhook',
  Dialing: 'dialing',
  Ring: 'ring',
  Ringing: 'ringing',
  Up: 'up',
  Busy: 'busy',
  'Dialing Offhook': 'dialing-offhook',
  'Pre-ring': 'pre-ring',
});

export function channelState(ari: string | undefined): ChannelState {
  return (ari !== undefined && STATES[ari]) || 'unknown';
}

/** "channel:ID" / "bridge:ID" → MediaTarget; anything else is treated as a channel id. */
export function mediaTarget(uri: string | undefined): MediaTarget {
  const [kind, ...rest] = (uri ?? '').split(':');
  const id = rest.join(':');
  return kind === 'bridge' ? { kind: 'bridge', id } : { kind: 'channel', id: id || (uri ?? '') };
}

function hangupFields(e: AriEvent, channel: AriChannel) {
  return {
    channelId: channel.id,
    cause: e.cause ?? 0,
    causeText: e.cause_txt ?? '',
    outcome: outcomeFromCause(e.cause),
  };
}

function channelEvents(e: AriEvent, at: string, channel: AriChannel): PbxEvent[] {
  switch (e.type) {
    case 'StasisStart':
      return [
        {
          type: 'callEntered',
          at,
          channelId: channel.id,
          channelName: channel.name ?? '',
          args: e.args ?? [],
          callerNumber: channel.caller?.number ?? '',
          callerName: channel.caller?.name ?? '',
          dialedExten: channel.dialplan?.exten ?? '',
          context: channel.dialplan?.context ?? '',
          state: channelState(channel.state),
          language: channel.language ?? '',
        },
      ];
    case 'StasisEnd':
      return [{ type: 'stasisEnd', at, channelId: channel.id }];
    case 'ChannelStateChange': {
      const state = channelState(channel.state);
      const changed: PbxEvent = { type: 'channelStateChanged', at, channelId: channel.id, state };
      return state === 'up' ? [changed, { type: 'channelAnswered', at, channelId: channel.id }] : [changed];
    }
    case 'ChannelDtmfReceived':
      return [{ type: 'dtmfReceived', at, channelId: channel.id, digit: e.digit ?? '', durationMs: e.duration_ms ?? 0 }];
    case 'ChannelHangupRequest':
      return [{ type: 'channelHungup', at, ...hangupFields(e, channel) }];
    case 'ChannelDestroyed':
      return [{ type: 'channelDestroyed', at, ...hangupFields(e, channel) }];
    case 'ChannelEnteredBridge':
      return e.bridge ? [{ type: 'channelEnteredBridge', at, bridgeId: e.bridge.id, channelId: channel.id }] : [];
    case 'ChannelLeftBridge':
      return e.bridge ? [{ type: 'channelLeftBridge', at, bridgeId: e.bridge.id, channelId: channel.id }] : [];
    default:
      return [];
  }
}

function mediaEvents(e: AriEvent, at: string): PbxEvent[] {
  const p = e.playback;
  if (p && e.type === 'PlaybackStarted') {
    return [{ type: 'playbackStarted', at, playbackId: p.id, target: mediaTarget(p.target_uri), media: p.media_uri ?? '' }];
  }
  if (p && e.type === 'PlaybackFinished') {
    const result = p.state === 'failed' ? 'failed' : 'done';
    return [
      { type: 'playbackFinished', at, playbackId: p.id, target: mediaTarget(p.target_uri), media: p.media_uri ?? '', result },
    ];
  }
  const r = e.recording;
  if (!r) return [];
  const base = { at, name: r.name, target: mediaTarget(r.target_uri) };
  switch (e.type) {
    case 'RecordingStarted':
      return [{ type: 'recordingStarted', ...base }];
    case 'RecordingFinished':
      return [{ type: 'recordingFinished', ...base, ...(r.duration !== undefined ? { durationSec: r.duration } : {}) }];
    case 'RecordingFailed':
      return [{ type: 'recordingFailed', ...base, reason: r.cause ?? r.state ?? 'failed' }];
    default:
      return [];
  }
}

/** Maps one ARI event. Unknown or irrelevant types (Dial, ChannelVarset, …) map to []. */
export function mapAriEvent(e: AriEvent): PbxEvent[] {
  const at = e.timestamp ?? new Date().toISOString();
  if (e.type === 'ApplicationReplaced') return [{ type: 'appReplaced', at }];
  if (e.channel) return channelEvents(e, at, e.channel);
  return mediaEvents(e, at);
}
