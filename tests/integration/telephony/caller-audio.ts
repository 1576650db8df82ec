// What a Local caller "says" in the voicemail and IVR tests: a sine wave played from a file. A tone
// generator (tone:440) on the caller's channel only produces audio while the other side sends some,
// so it falls silent once the greeting ends; a file playback runs on its own timer.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PbxEvent } from '@ringside/pbx';
import type { TelephonyWorld } from './support.ts';

const written = new Set<string>();

/** Deletes the tone files this test file wrote (they sit next to real recordings). */
export function removeTones(): void {
  for (const f of written) rmSync(f, { force: true });
  written.clear();
}

/** Writes <RECORDINGS_DIR>/<name>.wav (8 kHz, 16-bit mono sine) and returns its media uri. */
export function sineRecording(dir: string, name: string, hz: number, seconds: number): `recording:${string}` {
  const rate = 8000;
  const samples = rate * seconds;
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) buf.writeInt16LE(Math.round(12_000 * Math.sin((2 * Math.PI * hz * i) / rate)), 44 + i * 2);
  const file = join(dir, `${name}.wav`);
  writeFileSync(file, buf, { mode: 0o644 });
  written.add(file);
  return `recording:${name}`;
}

/** Waits until the caller's (;1) channel is answered, then plays `seconds` of a sine into the call. */
export async function callerPlaysTone(w: TelephonyWorld, channelId: string, opts: { hz?: number; seconds?: number } = {}): Promise<void> {
  const media = sineRecording(w.server.config.RECORDINGS_DIR, `test-tone-${channelId.replace(/\W/g, '')}`, opts.hz ?? 440, opts.seconds ?? 30);
  await w.callers.next((e: PbxEvent) => e.type === 'callEntered' && e.channelId === channelId, 10_000);
  await w.callers.adapter.play({ kind: 'channel', id: channelId }, [media]);
}
