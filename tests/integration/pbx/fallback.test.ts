// With no Stasis app connected, a call to a DID must hear the fallback prompt, not silence.
// Evidence: (1) Asterisk's log line from the fallback branch for this exact DID and channel,
// (2) a recording of what the caller heard, measured with sox to contain speech-level audio.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PbxEvent } from '@ringside/pbx';
import type { Config } from '../../../server/src/config/index.ts';
import { connectAdapter, pbxReady, uniqueApp, uniqueDid, until, type Recorder } from './support.ts';

let config: Config;
let caller: Recorder;

beforeAll(async () => {
  config = await pbxReady();
  // This app only plays the caller (the ;1 half of the Local channel); it is not the app the DID
  // routes to, which is one nobody registered.
  caller = await connectAdapter(config, uniqueApp('ringside-it-caller'));
}, 180_000);
afterAll(() => caller?.adapter.close());

function rmsAmplitude(file: string): number {
  // sox writes its statistics to stderr.
  const res = execFileSync('sh', ['-c', 'sox "$0" -n stat 2>&1', file], { encoding: 'utf8' });
  const m = /RMS\s+amplitude:\s+([\d.]+)/.exec(res);
  return m ? Number(m[1]) : 0;
}

describe('the inbound fallback', () => {
  it('plays the unavailable prompt when the Stasis app is not connected', async () => {
    const did = uniqueDid();
    const absentApp = uniqueApp('ringside-absent');
    const recording = `it-fallback-${did}`;
    const { channelId } = await caller.adapter.originate({
      target: { kind: 'address', address: `Local/did-${did}@ringside-test` },
      appArgs: ['caller'],
      variables: { RINGSIDE_APP: absentApp },
      timeoutSec: 15,
    });
    // The fallback answers, so the caller's half enters our app: record what it hears until hang-up.
    await caller.next((e) => e.type === 'callEntered' && e.channelId === channelId);
    await caller.adapter.recordChannel(channelId, { name: recording, format: 'wav', ifExists: 'overwrite' });
    const destroyed = await caller.next(
      (e): e is Extract<PbxEvent, { type: 'channelDestroyed' }> =>
        e.type === 'channelDestroyed' && e.channelId === channelId,
      25_000,
    );
    expect(destroyed.outcome).toBe('answered-normal');

    const log = readFileSync(join(config.PBX_ROOT, 'var/log/asterisk/messages.log'), 'utf8');
    expect(log).toContain(
      `Ringside fallback: app ${absentApp} not connected - call to ${did} on Local/did-${did}@ringside-test`,
    );

    const file = join(config.PBX_ROOT, 'var/spool/asterisk/recording', `${recording}.wav`);
    await until(() => existsSync(file), 5_000, `recording ${file}`);
    await caller
      .next((e) => e.type === 'recordingFinished' && e.name === recording, 5_000)
      .catch(() => undefined);
    const seconds = Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim());
    expect(seconds).toBeGreaterThan(3); // zh + en prompts, several seconds
    const rms = rmsAmplitude(file);
    rmSync(file, { force: true });
    expect(rms).toBeGreaterThan(0.02); // speech, not silence (silence is ~0)
  }, 40_000);

  it('plays the unavailable prompt when the server hands the call over (playFallback)', async () => {
    const did = uniqueDid();
    const server = await connectAdapter(config, uniqueApp('ringside-it-server'));
    const recording = `it-fallback-port-${did}`;
    try {
      const { channelId } = await caller.adapter.originate({
        target: { kind: 'address', address: `Local/did-${did}@ringside-test` },
        appArgs: ['caller'],
        variables: { RINGSIDE_APP: server.adapter.app },
        timeoutSec: 15,
      });
      const entered = await server.next(
        (e): e is Extract<PbxEvent, { type: 'callEntered' }> => e.type === 'callEntered' && e.args[1] === did,
      );
      await server.adapter.playFallback(entered.channelId, did);
      await server.next((e) => e.type === 'stasisEnd' && e.channelId === entered.channelId);
      await caller.next((e) => e.type === 'callEntered' && e.channelId === channelId);
      await caller.adapter.recordChannel(channelId, {
        name: recording,
        format: 'wav',
        ifExists: 'overwrite',
      });
      const destroyed = await caller.next(
        (e): e is Extract<PbxEvent, { type: 'channelDestroyed' }> =>
          e.type === 'channelDestroyed' && e.channelId === channelId,
        25_000,
      );
      expect(destroyed.outcome).toBe('answered-normal');
      const file = join(config.PBX_ROOT, 'var/spool/asterisk/recording', `${recording}.wav`);
      await until(() => existsSync(file), 5_000, `recording ${file}`);
      await caller
        .next((e) => e.type === 'recordingFinished' && e.name === recording, 5_000)
        .catch(() => undefined);
      const rms = rmsAmplitude(file);
      rmSync(file, { force: true });
      expect(rms).toBeGreaterThan(0.02);
    } finally {
      await server.adapter.close();
    }
  }, 40_000);
});
