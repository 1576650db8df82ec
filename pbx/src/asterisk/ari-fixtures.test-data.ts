// Recorded-looking ARI events (Asterisk 22.10, shapes as sent on /ari/events) for the mapper tests.
import type { AriApplication, AriBridge, AriChannel, AriEvent } from './ari-json.ts';

export const channel = (over: Partial<AriChannel> = {}): AriChannel =>
  ({
    id: '1795716074.1',
    name: 'PJSIP/trunk-00000001',
    state: 'Ring',
    protocol_id: 'a84d2c1e-7c1b@127.0.0.1',
    caller: { name: 'Wang Li', number: '13800138000' },
    connected: { name: '', number: '' },
    accountcode: '',
    dialplan: {
      context: 'ringside-stasis',
      exten: 's',
      priority: 4,
      app_name: 'Stasis',
      app_data: 'ringside,inbound,4001',
    },
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

// --- GET /channels, /bridges, /applications/<app> as Asterisk 22.10 answered them (ids shortened), for
// an app "rs-it" holding: an agent leg in Stasis, a snoop, an originated leg still ringing (and its Local
// ;2 half, subscribed but in the dialplan), another app's channel, and a plain dialplan channel.
export const liveChannelsJson: AriChannel[] = [
  channel({
    id: '1796679254.0',
    name: 'Local/answer@ringside-test-00000000;1',
    state: 'Up',
    caller: { name: '', number: '' },
    dialplan: {
      context: 'ringside-test',
      exten: 'answer',
      priority: 1,
      app_name: 'Stasis',
      app_data: 'rs-it,agent,call-1,u1',
    },
    creationtime: '2026-12-07T21:34:14.549+0000',
  }),
  channel({
    id: '1796679269.6',
    name: 'Snoop/1796679269.4-00000000',
    state: 'Up',
    caller: { name: '', number: '' },
    dialplan: { context: 'default', exten: 's', priority: 1, app_name: 'Stasis', app_data: 'rs-it,snoop,1' },
    creationtime: '2026-12-07T21:34:29.900+0000',
  }),
  channel({
    id: '1796679269.2',
    name: 'Local/noanswer@ringside-test-00000001;1',
    state: 'Ringing',
    caller: { name: '', number: '' },
    dialplan: {
      context: 'ringside-test',
      exten: 'noanswer',
      priority: 1,
      app_name: 'AppDial2',
      app_data: '(Outgoing Line)',
    },
    creationtime: '2026-12-07T21:34:29.100+0000',
  }),
  channel({
    id: '1796679269.3',
    name: 'Local/noanswer@ringside-test-00000001;2',
    state: 'Ring',
    dialplan: { context: 'ringside-test', exten: 'noanswer', priority: 2, app_name: 'Wait', app_data: '300' },
  }),
  channel({
    id: '1796679300.1',
    dialplan: {
      context: 'ringside-inbound',
      exten: '4001',
      priority: 4,
      app_name: 'Stasis',
      app_data: 'rs-it-other,inbound,4001',
    },
  }),
  channel({
    id: '1796679300.2',
    dialplan: {
      context: 'ringside-fallback',
      exten: 'unavailable',
      priority: 5,
      app_name: 'Playback',
      app_data: 'ringside/zh/fallback-unavailable',
    },
  }),
];

export const liveBridgesJson: AriBridge[] = [
  {
    id: 'call-call-1',
    technology: 'simple_bridge',
    bridge_type: 'mixing',
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: 'rs-it:call-call-1',
    channels: ['1796679254.0'],
    creationtime: '2026-12-07T21:34:29.964+0000',
    video_mode: 'talker',
  } as AriBridge,
  {
    id: 'eeee0af7-d6c9-4d59-b375-015127df9e8d',
    technology: 'holding_bridge',
    bridge_type: 'holding',
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: 'rs-it',
    channels: [],
    creationtime: '2026-12-07T21:34:29.963+0000',
    video_mode: 'talker',
  } as AriBridge,
  // Made before bridges were named by app: ours only because one of our channels was in it.
  { id: 'legacy-1', bridge_type: 'mixing', creator: 'Stasis', name: '', channels: ['1796679269.6'] },
  // Another app's bridge: same creator, other name.
  {
    id: 'other-1',
    bridge_type: 'mixing',
    creator: 'Stasis',
    name: 'rs-it-other:call-9',
    channels: ['1796679300.1'],
  },
];

export const applicationJson: AriApplication = {
  name: 'rs-it',
  channel_ids: ['1796679254.0', '1796679269.2', '1796679269.3', '1796679269.6'],
  bridge_ids: ['call-call-1', 'legacy-1'],
};
