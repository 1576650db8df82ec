// What a party of a call hears, measured on the PBX: a snoop on its channel (spy 'out' = the audio the
// PBX sends to that channel) recorded for a moment, and the tone's strength found with Goertzel filters.
// Needs no browser and no RTP tooling, so every call of a crowded fault test can be checked both ways.
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Recorder } from '../../integration/pbx/support.ts';

/** Power of `hz` relative to the signal's total power (0..1): a clean tone gives ~0.5 or more. */
export function toneShare(samples: Int16Array, hz: number, rate = 8000): number {
  const k = 2 * Math.cos((2 * Math.PI * hz) / rate);
  let s1 = 0;
  let s2 = 0;
  let total = 0;
  for (const x of samples) {
    const s0 = x + k * s1 - s2;
    s2 = s1;
    s1 = s0;
    total += x * x;
  }
  const power = s1 * s1 + s2 * s2 - k * s1 * s2;
  return total === 0 ? 0 : (2 * power) / (samples.length * total);
}

/** The 16-bit PCM samples of a WAV file's data chunk. */
export function wavSamples(file: string): Int16Array {
  const buf = readFileSync(file);
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'data')
      return new Int16Array(buf.buffer.slice(buf.byteOffset + at + 8, buf.byteOffset + at + 8 + (size & ~1)));
    at += 8 + size + (size & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

/**
 * Records what `channelId` hears for `seconds` and returns each candidate tone's share. The probe app's
 * adapter owns the snoop; the recording lands in `recordingsDir` and is deleted after reading.
 */
export async function heardTones(
  probe: Recorder,
  channelId: string,
  recordingsDir: string,
  tones: number[],
  seconds = 2,
  /** 'out' (default): what the PBX sends to the channel, i.e. what its party hears; 'in': what it says. */
  direction: 'out' | 'in' = 'out',
): Promise<Record<number, number>> {
  const snoopId = randomUUID();
  const entered = probe.next((e) => e.type === 'callEntered' && e.channelId === snoopId, 5_000);
  await probe.adapter.snoop({ channelId, spy: direction, whisper: 'none', snoopId, appArgs: ['probe'] });
  await entered;
  const name = `probe-${snoopId}`;
  const done = probe.next(
    (e) => (e.type === 'recordingFinished' || e.type === 'recordingFailed') && e.name === name,
    (seconds + 8) * 1000,
  );
  await probe.adapter.recordChannel(snoopId, {
    name,
    format: 'wav',
    maxDurationSec: seconds,
    ifExists: 'overwrite',
  });
  const end = await done;
  await probe.adapter.hangup(snoopId).catch(() => undefined);
  if (end.type !== 'recordingFinished') throw new Error(`probe recording on ${channelId} failed`);
  const file = join(recordingsDir, `${name}.wav`);
  try {
    const samples = wavSamples(file);
    return Object.fromEntries(tones.map((hz) => [hz, toneShare(samples, hz)]));
  } finally {
    rmSync(file, { force: true });
  }
}
