// Recorded-looking ARI events (Asterisk 22.10, shapes as sent on /ari/events) for the mapper tests.
import type { AriChannel, AriEvent } from './ari-json.ts';

export const channel = (over: Partial<AriChannel> = {}): AriChannel => ({
  id: '1795716074.1',
  name: 'PJSIP/trunk-00000001',
  state: 'Ring',
  protocol_id: 'a84d2c1e-7c1b@127.0.0.1',
  caller: { name: 'Wang Li', number: '13800138000' },
  connected: { name: '', number: '' },
  accountcode: '',
  dialplan: { context: 'ringside-stasis', exten: 's', priority: 4, app_name: 'Stasis', app_data: 'ringside,inbound,4001' },
  creationtime: '2026-11-26T18:01:14.108+0000',
  language: 'en',
  ...over,
}) as AriChannel;

export const stasisStart: AriEvent = {
  type: 'StasisStart',
  timestamp: '2026-11-26T18:01:14.110+0000',
  args: ['inbound', '4001'],
  channel: channel({ dialplan: { context: 'ringside-inbound', exten: '4001', priority: 1 } }),
  asterisk_id: '02:00:00:00:00:01',
  application: 'ringside',
} as AriEvent;

export const stateUp: AriEvent = {
  type: 'ChannelStateChange',
  timestamp: '2026-11-26T18:01:14.300+0000',
  channel: channel({ state: 'Up' }),
  application: 'ringside',
};

export const stateRinging: AriEvent = { ...stateUp, channel: channel({ state: 'Ringing' }) };

export const dtmf: AriEvent = {
  type: 'ChannelDtmfReceived',
  timestamp: '2026-11-26T18:01:16.000+0000',
  digit: '5',
  duration_ms: 120,
  channel: channel({ state: 'Up' }),
  application: 'ringside',
};

export const playbackStarted: AriEvent = {
  type: 'PlaybackStarted',
  timestamp: '2026-11-26T18:01:14.400+0000',
  playback: {
    id: 'pb-1',
    media_uri: 'sound:ringside/zh/queue-welcome',
    media_uris: ['sound:ringside/zh/queue-welcome'],
    target_uri: 'channel:1795716074.1',
    language: 'en',
    state: 'playing',
  },
  application: 'ringside',
} as AriEvent;

export const playbackFinished = (state: string): AriEvent => ({
  ...playbackStarted,
  type: 'PlaybackFinished',
  playback: { ...playbackStarted.playback!, state },
});

export const hangupRequest: AriEvent = {
  type: 'ChannelHangupRequest',
  timestamp: '2026-11-26T18:01:20.000+0000',
  cause: 16,
  soft: true,
  channel: channel({ state: 'Up' }),
  application: 'ringside',
};

export const destroyed = (cause: number, cause_txt: string): AriEvent => ({
  type: 'ChannelDestroyed',
  timestamp: '2026-11-26T18:01:20.010+0000',
  cause,
  cause_txt,
  channel: channel({ state: 'Up' }),
  application: 'ringside',
});

export const enteredBridge: AriEvent = {
  type: 'ChannelEnteredBridge',
  timestamp: '2026-11-26T18:01:15.000+0000',
  bridge: { id: 'br-1', technology: 'simple_bridge', bridge_type: 'mixing', channels: ['1795716074.1'] },
  channel: channel({ state: 'Up' }),
  application: 'ringside',
} as AriEvent;

export const leftBridge: AriEvent = { ...enteredBridge, type: 'ChannelLeftBridge' };

export const recording = (type: string, extra: Record<string, unknown> = {}): AriEvent =>
  ({
    type,
    timestamp: '2026-11-26T18:01:30.000+0000',
    recording: { name: 'call-42', format: 'wav', target_uri: 'bridge:br-1', state: 'recording', ...extra },
    application: 'ringside',
  }) as AriEvent;

export const stasisEnd: AriEvent = {
  type: 'StasisEnd',
  timestamp: '2026-11-26T18:01:20.005+0000',
  channel: channel({ state: 'Up' }),
  application: 'ringside',
};

export const dial: AriEvent = {
  type: 'Dial',
  timestamp: '2026-11-26T18:01:14.200+0000',
  dialstatus: 'NOANSWER',
  peer: channel(),
  application: 'ringside',
} as AriEvent;
