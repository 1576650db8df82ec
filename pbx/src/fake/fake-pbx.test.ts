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
    expect(pbx.events.at(-1)).toMatchObject({ type: 'channelDestroyed', cause: 16, outcome: 'answered-normal' });
    expect(pbx.calls('play')[0]![1]).toEqual(['sound:ringside/zh/queue-welcome']);
  });

  it('answers not-found for a channel that is gone, like ARI', async () => {
    const pbx = new FakePbx();
    await expect(pbx.answer('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('injects failures', async () => {
    const pbx = new FakePbx();
    pbx.failNext('originate', new PbxError('unavailable', 'down'));
    await expect(pbx.originate({ endpoint: 'PJSIP/1' })).rejects.toMatchObject({ code: 'unavailable' });
    await expect(pbx.originate({ endpoint: 'PJSIP/1', appArgs: ['agent'] })).resolves.toEqual({ channelId: 'orig-1' });
  });

  it('lets a test play the far end of an originated leg', async () => {
    const pbx = new FakePbx();
    const events: PbxEvent[] = [];
    pbx.on((e) => events.push(e));
    const { channelId } = await pbx.originate({ endpoint: 'PJSIP/agent-7', appArgs: ['agent', '7'] });
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
});
