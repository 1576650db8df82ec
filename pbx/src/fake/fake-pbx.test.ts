import { describe, expect, it } from 'vitest';
import type { PbxEvent } from '../port/events.ts';
import { PbxError } from '../port/errors.ts';
import { FakePbx } from './fake-pbx.ts';

describe('FakePbx', () => {
  it('simulates an inbound call answered, played to, bridged and hung up', async () => {
    const pbx = new FakePbx();
    const seen: PbxEvent['type'][] = [];
    pbx.on((e) => seen.push(e.type));
    await pbx.connect();
    const ch = pbx.inboundCall({ did: '4001' });
    await pbx.answer(ch);
    const pb = await pbx.play({ kind: 'channel', id: ch }, ['sound:ringside/zh/queue-welcome']);
    await pbx.settle();
    pbx.finishPlayback(pb, { kind: 'channel', id: ch });
    const bridge = await pbx.createBridge('mixing');
    await pbx.addToBridge(bridge, [ch]);
    await pbx.settle();
    await pbx.hangup(ch, 'normal');
    await pbx.settle();
    expect(seen).toEqual([
      'callEntered',
      'connected',
      'channelStateChanged',
      'channelAnswered',
      'playbackStarted',
      'playbackFinished',
      'channelEnteredBridge',
      'channelLeftBridge',
      'stasisEnd',
      'channelDestroyed',
    ]);
    expect(pbx.events.at(-1)).toMatchObject({
      type: 'channelDestroyed',
      cause: 16,
      outcome: 'answered-normal',
    });
    expect(pbx.calls('play')[0]![1]).toEqual(['sound:ringside/zh/queue-welcome']);
  });

  it('answers not-found for a channel that is gone, like ARI', async () => {
    const pbx = new FakePbx();
    await expect(pbx.answer('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('injects failures', async () => {
    const pbx = new FakePbx();
    pbx.failNext('originate', new PbxError('unavailable', 'down'));
    await expect(pbx.originate({ target: { kind: 'agent', userId: '1' } })).rejects.toMatchObject({
      code: 'unavailable',
    });
    await expect(
      pbx.originate({ target: { kind: 'agent', userId: '1' }, appArgs: ['agent'] }),
    ).resolves.toEqual({ channelId: 'orig-1' });
  });

  it('lets a test play the far end of an originated leg', async () => {
    const pbx = new FakePbx();
    const events: PbxEvent[] = [];
    pbx.on((e) => events.push(e));
    const { channelId } = await pbx.originate({
      target: { kind: 'agent', userId: '7' },
      appArgs: ['agent', '7'],
    });
    pbx.remoteAnswer(channelId);
    pbx.remoteHangup(channelId, 17, 'busy');
    expect(events.map((e) => e.type)).toEqual([
      'channelStateChanged',
      'channelAnswered',
      'callEntered',
      'channelHungup',
      'stasisEnd',
      'channelDestroyed',
    ]);
    expect(events[2]).toMatchObject({ args: ['agent', '7'] });
  });

  it('keeps variables per channel', async () => {
    const pbx = new FakePbx();
    const ch = pbx.inboundCall({ did: '1' });
    await pbx.setVariable(ch, 'X', '1');
    await expect(pbx.getVariable(ch, 'X')).resolves.toBe('1');
    await expect(pbx.getVariable(ch, 'Y')).resolves.toBeUndefined();
  });

  it('sends a channel through AMD: the chosen verdict arrives as amdResult, with no stasisEnd', async () => {
    const pbx = new FakePbx();
    const events: PbxEvent[] = [];
    pbx.on((e) => events.push(e));
    const { channelId: a } = await pbx.originate({
      target: { kind: 'number', number: '+8613800000001', trunk: 'carrier' },
    });
    const { channelId: b } = await pbx.originate({
      target: { kind: 'number', number: '+8613800000002', trunk: 'carrier' },
    });
    const { channelId: c } = await pbx.originate({
      target: { kind: 'number', number: '+8613800000003', trunk: 'carrier' },
    });
    pbx.setAmdVerdict('+8613800000001', 'machine');
    pbx.setAmdVerdict(b, 'notsure');
    for (const id of [a, b, c]) pbx.remoteAnswer(id);
    events.length = 0;
    for (const id of [a, b, c]) await pbx.startAmd(id);
    await pbx.settle();
    expect(events).toMatchObject([
      { type: 'amdResult', channelId: a, verdict: 'machine' },
      { type: 'amdResult', channelId: b, verdict: 'notsure' },
      { type: 'amdResult', channelId: c, verdict: 'human' },
    ]);
    await expect(pbx.startAmd('gone')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('lists its channels with the variables asked for, and its bridges with their members', async () => {
    const pbx = new FakePbx();
    const caller = pbx.inboundCall({ did: '4001', callerNumber: '+8613800138000' });
    const { channelId: leg } = await pbx.originate({
      target: { kind: 'agent', userId: 'u1' },
      appArgs: ['agent', 'call-1', 'u1'],
      variables: { RINGSIDE_CALL: 'call-1' },
    });
    await pbx.setVariable(caller, 'RINGSIDE_CALL', 'call-1');
    await pbx.setVariable(caller, 'OTHER', 'x');
    const bridge = await pbx.createBridge('mixing', { bridgeId: 'call-call-1' });
    await pbx.addToBridge(bridge, [caller]);
    const hold = await pbx.createBridge('holding');

    const channels = await pbx.listChannels(['RINGSIDE_CALL', 'MISSING']);
    expect(channels).toEqual([
      {
        channelId: caller,
        state: 'ring',
        callerNumber: '+8613800138000',
        args: ['inbound', '4001'],
        createdAt: expect.any(Number),
        variables: { RINGSIDE_CALL: 'call-1' },
      },
      {
        channelId: leg,
        state: 'down',
        callerNumber: '',
        args: ['agent', 'call-1', 'u1'],
        createdAt: expect.any(Number),
        variables: { RINGSIDE_CALL: 'call-1' },
      },
    ]);
    await expect(pbx.listBridges()).resolves.toEqual([
      { bridgeId: 'call-call-1', type: 'mixing', channelIds: [caller] },
      { bridgeId: hold, type: 'holding', channelIds: [] },
    ]);
  });

  it('hands a caller to the fallback announcement: the channel leaves the app', async () => {
    const pbx = new FakePbx();
    const ch = pbx.inboundCall({ did: '4999' });
    const seen: PbxEvent['type'][] = [];
    pbx.on((e) => seen.push(e.type));
    await pbx.playFallback(ch, '4999');
    await pbx.settle();
    expect(seen).toEqual(['stasisEnd']);
    expect(pbx.calls('playFallback')).toEqual([[ch, '4999']]);
  });
});
