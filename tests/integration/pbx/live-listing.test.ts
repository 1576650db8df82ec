// listChannels / listBridges against the real Asterisk: what a restarted server would find of its app.
// Each test has its own app name, so everything listed is what the test made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ignoreGone, type PbxEvent } from '@ringside/pbx';
import type { Config } from '../../../server/src/config/index.ts';
import { connectAdapter, pbxReady, uniqueApp, type Recorder } from './support.ts';

let config: Config;
let rec: Recorder;
const app = uniqueApp('rs-it-live');

beforeAll(async () => {
  config = await pbxReady();
  rec = await connectAdapter(config, app);
}, 180_000);
afterAll(() => rec?.adapter.close());

const local = (exten: string) => ({ kind: 'address', address: `Local/${exten}@ringside-test` }) as const;

async function answeredLeg(callId: string, userId: string): Promise<string> {
  const { channelId } = await rec.adapter.originate({
    target: local('answer'),
    appArgs: ['agent', callId, userId],
    variables: { RINGSIDE_CALL: callId },
    timeoutSec: 10,
  });
  await rec.next((e) => e.type === 'callEntered' && e.channelId === channelId);
  return channelId;
}

describe('listing what the PBX holds for our app', () => {
  it('lists channels in the app with their args and variables, a leg still ringing, and our bridges', async () => {
    const callId = `call-${Date.now()}`;
    const a = await answeredLeg(callId, 'u1');
    const b = await answeredLeg(callId, 'u2');
    await rec.adapter.setVariable(b, 'RINGSIDE_ROLE', 'consult');
    // Not answered: not in Stasis yet (ARI shows it in AppDial2); still ours.
    const { channelId: ringing } = await rec.adapter.originate({
      target: local('noanswer'),
      appArgs: ['agent', callId, 'u3'],
      variables: { RINGSIDE_CALL: callId },
      timeoutSec: 20,
    });
    const talk = await rec.adapter.createBridge('mixing', {
      bridgeId: `it-talk-${callId}`,
      name: `call-${callId}`,
    });
    const hold = await rec.adapter.createBridge('holding');
    await rec.adapter.addToBridge(talk, [a, b]);
    await rec.next((e) => e.type === 'channelEnteredBridge' && e.channelId === b);

    try {
      const channels = await rec.adapter.listChannels(['RINGSIDE_CALL', 'RINGSIDE_ROLE']);
      const byId = new Map(channels.map((c) => [c.channelId, c]));
      expect([...byId.keys()].sort()).toEqual([a, b, ringing].sort());
      expect(byId.get(a)).toMatchObject({
        state: 'up',
        args: ['agent', callId, 'u1'],
        variables: { RINGSIDE_CALL: callId },
      });
      expect(byId.get(a)!.variables).not.toHaveProperty('RINGSIDE_ROLE');
      expect(byId.get(b)).toMatchObject({
        args: ['agent', callId, 'u2'],
        variables: { RINGSIDE_CALL: callId, RINGSIDE_ROLE: 'consult' },
      });
      expect(byId.get(ringing)).toMatchObject({
        state: 'ringing',
        args: ['agent', callId, 'u3'],
        variables: { RINGSIDE_CALL: callId },
      });
      expect(Math.abs(byId.get(a)!.createdAt - Date.now())).toBeLessThan(60_000);

      const bridges = await rec.adapter.listBridges();
      expect(bridges.find((x) => x.bridgeId === talk)).toEqual({
        bridgeId: talk,
        type: 'mixing',
        channelIds: expect.arrayContaining([a, b]),
      });
      expect(bridges.find((x) => x.bridgeId === talk)!.channelIds).toHaveLength(2);
      expect(bridges.find((x) => x.bridgeId === hold)).toEqual({
        bridgeId: hold,
        type: 'holding',
        channelIds: [],
      });
      expect(bridges).toHaveLength(2);
    } finally {
      for (const ch of [a, b, ringing]) await ignoreGone(rec.adapter.hangup(ch));
      for (const br of [talk, hold]) await ignoreGone(rec.adapter.destroyBridge(br));
    }
  });

  it('another app sees none of it', async () => {
    const other = await connectAdapter(config, uniqueApp('rs-it-other'));
    const a = await answeredLeg(`call-x-${Date.now()}`, 'u9');
    const talk = await rec.adapter.createBridge('mixing');
    try {
      await expect(other.adapter.listChannels()).resolves.toEqual([]);
      await expect(other.adapter.listBridges()).resolves.toEqual([]);
    } finally {
      await other.adapter.close();
      await ignoreGone(rec.adapter.hangup(a));
      await ignoreGone(rec.adapter.destroyBridge(talk));
    }
  });

  it('answers not-found (gone) for a channel that already left the bridge or hung up', async () => {
    const a = await answeredLeg(`call-g-${Date.now()}`, 'u1');
    const talk = await rec.adapter.createBridge('mixing');
    try {
      await expect(rec.adapter.removeFromBridge(talk, [a])).rejects.toMatchObject({ code: 'not-found' });
      await rec.adapter.hangup(a);
      await rec.next((e): e is PbxEvent => e.type === 'channelDestroyed' && e.channelId === a);
      await expect(rec.adapter.addToBridge(talk, [a])).rejects.toMatchObject({ code: 'not-found' });
      await expect(ignoreGone(rec.adapter.removeFromBridge(talk, [a]))).resolves.toBeUndefined();
    } finally {
      await ignoreGone(rec.adapter.destroyBridge(talk));
    }
  });
});
