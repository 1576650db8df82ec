import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PbxEvent } from '@ringside/pbx';
import type { Config } from '../../../server/src/config/index.ts';
import { connectAdapter, pbxReady, uniqueApp, uniqueDid, type Recorder } from './support.ts';

let config: Config;
let rec: Recorder;
const app = uniqueApp();

beforeAll(async () => {
  config = await pbxReady();
  rec = await connectAdapter(config, app);
}, 180_000);
afterAll(() => rec?.adapter.close());

describe('a call through the PBX port against the real Asterisk', () => {
  it('delivers callEntered, answered, playback started/finished and destroyed with outcome, in order', async () => {
    const did = uniqueDid();
    // The Local channel's ;2 half runs ringside-inbound like a carrier call; RINGSIDE_APP (copied to
    // ;2) aims Stasis() at this test's app. The ;1 half joins the same app as 'caller' once answered.
    await rec.adapter.originate({
      target: { kind: 'address', address: `Local/did-${did}@ringside-test` },
      appArgs: ['caller'],
      variables: { RINGSIDE_APP: app },
      timeoutSec: 15,
    });
    const entered = await rec.next(
      (e): e is Extract<PbxEvent, { type: 'callEntered' }> => e.type === 'callEntered' && e.args[1] === did,
    );
    expect(entered).toMatchObject({
      args: ['inbound', did],
      dialedExten: did,
      context: 'ringside-inbound',
      state: 'ring',
    });
    const ch = entered.channelId;

    await rec.adapter.answer(ch);
    await rec.next((e) => e.type === 'channelAnswered' && e.channelId === ch);
    const playbackId = await rec.adapter.play({ kind: 'channel', id: ch }, ['sound:ringside/en/num-7']);
    await rec.next((e) => e.type === 'playbackFinished' && e.playbackId === playbackId);
    await rec.adapter.hangup(ch, 'normal');
    const destroyed = await rec.next((e) => e.type === 'channelDestroyed' && e.channelId === ch);

    expect(destroyed).toMatchObject({ cause: 16, outcome: 'answered-normal' });
    const mine = rec.events.filter(
      (e) => ('channelId' in e && e.channelId === ch) || ('playbackId' in e && e.playbackId === playbackId),
    );
    const order = mine.map((e) => e.type).filter((t) => t !== 'channelStateChanged' && t !== 'channelHungup');
    expect(order).toEqual([
      'callEntered',
      'channelAnswered',
      'playbackStarted',
      'playbackFinished',
      'stasisEnd',
      'channelDestroyed',
    ]);
    expect(mine.find((e) => e.type === 'playbackFinished')).toMatchObject({
      result: 'done',
      target: { kind: 'channel', id: ch },
    });
  });

  it('reports a failed playback of missing media as result "failed"', async () => {
    const did = uniqueDid();
    await rec.adapter.originate({
      target: { kind: 'address', address: `Local/did-${did}@ringside-test` },
      appArgs: ['caller'],
      variables: { RINGSIDE_APP: app },
    });
    const entered = await rec.next((e) => e.type === 'callEntered' && e.args[1] === did);
    const ch = (entered as Extract<PbxEvent, { type: 'callEntered' }>).channelId;
    await rec.adapter.answer(ch);
    const pb = await rec.adapter.play({ kind: 'channel', id: ch }, ['sound:ringside/en/no-such-prompt']);
    await expect(
      rec.next((e) => e.type === 'playbackFinished' && e.playbackId === pb),
    ).resolves.toMatchObject({ result: 'failed' });
    await rec.adapter.hangup(ch);
    // The REST reply can precede the teardown (ARI then answers 500 "Failed to answer"): wait for the end.
    await rec.next((e) => e.type === 'channelDestroyed' && e.channelId === ch);
    await expect(rec.adapter.answer(ch)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('maps a busy far end to outcome busy (Q.850 17)', async () => {
    const { channelId } = await rec.adapter.originate({
      target: { kind: 'address', address: 'Local/busy@ringside-test' },
      timeoutSec: 5,
    });
    await expect(
      rec.next((e) => e.type === 'channelDestroyed' && e.channelId === channelId),
    ).resolves.toMatchObject({
      outcome: 'busy',
      cause: 17,
    });
  });
});
