// The port's bridge, hold-music, recording, snoop and variable commands against the real Asterisk.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PbxEvent } from '@ringside/pbx';
import type { Config } from '../../../server/src/config/index.ts';
import { connectAdapter, pbxReady, uniqueApp, uniqueDid, until, type Recorder } from './support.ts';

let config: Config;
let rec: Recorder;
const app = uniqueApp();

beforeAll(async () => {
  config = await pbxReady();
  rec = await connectAdapter(config, app);
}, 180_000);
afterAll(() => rec?.adapter.close());

type Entered = Extract<PbxEvent, { type: 'callEntered' }>;

async function inboundAnswered(): Promise<string> {
  const did = uniqueDid();
  await rec.adapter.originate({
    target: { kind: 'address', address: `Local/did-${did}@ringside-test` },
    appArgs: ['caller'],
    variables: { RINGSIDE_APP: app },
  });
  const e = (await rec.next((x) => x.type === 'callEntered' && x.args[1] === did)) as Entered;
  await rec.adapter.answer(e.channelId);
  return e.channelId;
}

describe('bridges and media through the port', () => {
  it('holds a caller with music, bridges two parties, records the bridge and snoops on a leg', async () => {
    const customer = await inboundAnswered();
    const agent = await inboundAnswered();

    const hold = await rec.adapter.createBridge('holding', { name: 'queue' });
    await rec.adapter.addToBridge(hold, [customer]);
    await rec.next(
      (e) => e.type === 'channelEnteredBridge' && e.bridgeId === hold && e.channelId === customer,
    );
    await rec.adapter.startBridgeMoh(hold);
    await rec.adapter.stopBridgeMoh(hold);

    const call = await rec.adapter.createBridge('mixing');
    await rec.adapter.addToBridge(call, [customer, agent]);
    await rec.next((e) => e.type === 'channelLeftBridge' && e.bridgeId === hold && e.channelId === customer);
    await rec.next((e) => e.type === 'channelEnteredBridge' && e.bridgeId === call && e.channelId === agent);

    const name = `it-bridge-${Date.now()}`;
    await rec.adapter.recordBridge(call, { name, ifExists: 'overwrite' });
    await rec.next((e) => e.type === 'recordingStarted' && e.name === name);
    await rec.adapter.pauseRecording(name);
    await rec.adapter.unpauseRecording(name);

    const { channelId: snoop } = await rec.adapter.snoop({
      channelId: agent,
      spy: 'both',
      whisper: 'out',
      appArgs: ['snoop', agent],
    });
    await expect(rec.next((e) => e.type === 'callEntered' && e.channelId === snoop)).resolves.toMatchObject({
      args: ['snoop', agent],
    });

    await rec.adapter.setVariable(agent, 'RINGSIDE_CALL', 'c-1');
    await expect(rec.adapter.getVariable(agent, 'RINGSIDE_CALL')).resolves.toBe('c-1');
    await expect(rec.adapter.getVariable(agent, 'NOT_SET_ANYWHERE')).resolves.toBeUndefined();
    await rec.adapter.sendDtmf(agent, '12#');

    await rec.adapter.stopRecording(name);
    await expect(rec.next((e) => e.type === 'recordingFinished' && e.name === name)).resolves.toMatchObject({
      target: { kind: 'bridge', id: call },
    });
    const file = join(config.PBX_ROOT, 'var/spool/asterisk/recording', `${name}.wav`);
    await until(() => existsSync(file), 5_000, 'the bridge recording file');
    rmSync(file, { force: true });

    for (const ch of [snoop, customer, agent]) await rec.adapter.hangup(ch);
    await rec.adapter.destroyBridge(call);
    await rec.adapter.destroyBridge(hold);
    // Right after a destroy ARI may still see the bridge leaving Stasis (409) before it is gone (404).
    const again = await rec.adapter.destroyBridge(call).then(
      () => 'destroyed twice',
      (e: { code: string }) => e.code,
    );
    expect(['not-found', 'conflict']).toContain(again);
  });

  it('plays hold music to one channel; hanging it up as busy reports cause 17', async () => {
    const ch = await inboundAnswered();
    await rec.adapter.startMoh(ch);
    await rec.adapter.stopMoh(ch);
    await rec.adapter.hangup(ch, 'busy');
    await expect(rec.next((e) => e.type === 'channelDestroyed' && e.channelId === ch)).resolves.toMatchObject(
      { cause: 17 },
    );
  });

  it('reports an unanswered originate that times out as no-answer', async () => {
    const { channelId } = await rec.adapter.originate({
      target: { kind: 'address', address: 'Local/noanswer@ringside-test' },
      timeoutSec: 1,
    });
    await expect(
      rec.next((e) => e.type === 'channelDestroyed' && e.channelId === channelId, 8_000),
    ).resolves.toMatchObject({
      outcome: 'no-answer',
    });
  });
});
