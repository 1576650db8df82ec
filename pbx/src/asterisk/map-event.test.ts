import { describe, expect, it } from 'vitest';
import * as f from './ari-fixtures.test-data.ts';
import { channelState, mapAriEvent, mediaTarget } from './map-event.ts';

describe('mapAriEvent', () => {
  it('maps StasisStart to callEntered with args, caller and dialed extension', () => {
    expect(mapAriEvent(f.stasisStart)).toEqual([
      {
        type: 'callEntered',
        at: '2026-11-26T18:01:14.110+0000',
        channelId: '1795716074.1',
        channelName: 'PJSIP/trunk-00000001',
        args: ['inbound', '4001'],
        callerNumber: '13800138000',
        callerName: 'Wang Li',
        dialedExten: '4001',
        context: 'ringside-inbound',
        state: 'ring',
        language: 'en',
      },
    ]);
  });

  it('maps a state change to up as channelStateChanged followed by channelAnswered', () => {
    expect(mapAriEvent(f.stateUp).map((e) => e.type)).toEqual(['channelStateChanged', 'channelAnswered']);
  });

  it('maps other state changes without an answer', () => {
    expect(mapAriEvent(f.stateRinging)).toEqual([
      { type: 'channelStateChanged', at: f.stateRinging.timestamp, channelId: '1795716074.1', state: 'ringing' },
    ]);
  });

  it('maps DTMF with its duration', () => {
    expect(mapAriEvent(f.dtmf)).toMatchObject([{ type: 'dtmfReceived', digit: '5', durationMs: 120 }]);
  });

  it('maps playback start and finish with a typed target', () => {
    expect(mapAriEvent(f.playbackStarted)).toEqual([
      {
        type: 'playbackStarted',
        at: f.playbackStarted.timestamp,
        playbackId: 'pb-1',
        target: { kind: 'channel', id: '1795716074.1' },
        media: 'sound:ringside/zh/queue-welcome',
      },
    ]);
    expect(mapAriEvent(f.playbackFinished('done'))).toMatchObject([{ type: 'playbackFinished', result: 'done' }]);
    expect(mapAriEvent(f.playbackFinished('failed'))).toMatchObject([{ type: 'playbackFinished', result: 'failed' }]);
  });

  it('maps hang-up request and destruction with the Q.850 outcome', () => {
    expect(mapAriEvent(f.hangupRequest)).toMatchObject([
      { type: 'channelHungup', cause: 16, outcome: 'answered-normal', channelId: '1795716074.1' },
    ]);
    expect(mapAriEvent(f.destroyed(17, 'User busy'))).toEqual([
      {
        type: 'channelDestroyed',
        at: '2026-11-26T18:01:20.010+0000',
        channelId: '1795716074.1',
        cause: 17,
        causeText: 'User busy',
        outcome: 'busy',
      },
    ]);
  });

  it('reports a hang-up without a cause as unknown', () => {
    const { cause: _c, ...noCause } = f.hangupRequest;
    expect(mapAriEvent(noCause)).toMatchObject([{ type: 'channelHungup', cause: 0, outcome: 'unknown' }]);
  });

  it('maps bridge membership changes', () => {
    expect(mapAriEvent(f.enteredBridge)).toMatchObject([{ type: 'channelEnteredBridge', bridgeId: 'br-1' }]);
    expect(mapAriEvent(f.leftBridge)).toMatchObject([{ type: 'channelLeftBridge', bridgeId: 'br-1' }]);
  });

  it('maps recording events with bridge targets', () => {
    expect(mapAriEvent(f.recording('RecordingStarted'))).toMatchObject([
      { type: 'recordingStarted', name: 'call-42', target: { kind: 'bridge', id: 'br-1' } },
    ]);
    expect(mapAriEvent(f.recording('RecordingFinished', { state: 'done', duration: 12 }))).toMatchObject([
      { type: 'recordingFinished', durationSec: 12 },
    ]);
    expect(mapAriEvent(f.recording('RecordingFailed', { state: 'failed', cause: 'disk full' }))).toMatchObject([
      { type: 'recordingFailed', reason: 'disk full' },
    ]);
  });

  it('maps StasisEnd and ApplicationReplaced', () => {
    expect(mapAriEvent(f.stasisEnd)).toMatchObject([{ type: 'stasisEnd', channelId: '1795716074.1' }]);
    expect(mapAriEvent({ type: 'ApplicationReplaced', application: 'ringside' })).toMatchObject([{ type: 'appReplaced' }]);
  });

  it('ignores events the port does not model (Dial: dialstatus misreports 404 as NOANSWER)', () => {
    expect(mapAriEvent(f.dial)).toEqual([]);
    expect(mapAriEvent({ type: 'ChannelVarset', channel: f.channel() })).toEqual([]);
    expect(mapAriEvent({ type: 'PlaybackContinuing' })).toEqual([]);
  });

  it('stamps events without a timestamp with the current time', () => {
    const [e] = mapAriEvent({ type: 'StasisEnd', channel: f.channel() });
    expect(Date.parse(e!.at)).not.toBeNaN();
  });
});

describe('channelState', () => {
  it.each([
    ['Down', 'down'],
    ['Rsrved', 'reserved'],
    ['OffHook', 'offhook'],
    ['Dialing', 'dialing'],
    ['Ring', 'ring'],
    ['Ringing', 'ringing'],
    ['Up', 'up'],
    ['Busy', 'busy'],
    ['Dialing Offhook', 'dialing-offhook'],
    ['Pre-ring', 'pre-ring'],
    ['Mystery', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (ari, state) => expect(channelState(ari)).toBe(state));
});

describe('mediaTarget', () => {
  it('parses channel and bridge URIs', () => {
    expect(mediaTarget('channel:1.2')).toEqual({ kind: 'channel', id: '1.2' });
    expect(mediaTarget('bridge:abc')).toEqual({ kind: 'bridge', id: 'abc' });
  });
});
