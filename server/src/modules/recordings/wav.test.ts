import { describe, expect, it } from 'vitest';
import { durationMs, peaks, readWavLayout, withSilence } from './wav.ts';

/** 8 kHz mono 16-bit: `ms` of a constant sample value. */
function wav(segments: { ms: number; value: number }[]): Buffer {
  const samples = segments.flatMap((s) => new Array<number>(s.ms * 8).fill(s.value));
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(v, i * 2));
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(8000, 24);
  h.writeUInt32LE(16000, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

describe('wav', () => {
  it('reads the layout and duration of an Asterisk-style file', () => {
    const l = readWavLayout(wav([{ ms: 250, value: 100 }]));
    expect(l).toMatchObject({ sampleRate: 8000, channels: 1, bitsPerSample: 16, dataOffset: 44, dataLength: 4000 });
    expect(durationMs(l)).toBe(250);
  });

  it('rejects what is not PCM WAV', () => {
    expect(() => readWavLayout(Buffer.from('ID3 not a wave file'))).toThrow(/RIFF/);
  });

  it('inserts silence at the given points and fixes the header sizes', () => {
    const out = withSilence(wav([{ ms: 100, value: 1000 }, { ms: 100, value: 2000 }]), [
      { atMs: 100, lengthMs: 50 },
      { atMs: 200, lengthMs: 25 },
    ]);
    const l = readWavLayout(out);
    expect(durationMs(l)).toBe(275);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    const at = (ms: number) => out.readInt16LE(44 + ms * 16);
    expect([at(0), at(99), at(100), at(149), at(150), at(249), at(250), at(274)]).toEqual([1000, 1000, 0, 0, 2000, 2000, 0, 0]);
  });

  it('reduces samples to peaks per bucket', () => {
    const r = peaks(wav([{ ms: 100, value: 16384 }, { ms: 100, value: -32768 }, { ms: 100, value: 0 }]), 3);
    expect(r).toEqual({ durationMs: 300, peaks: [0.5, 1, 0] });
    expect(peaks(wav([]), 10)).toEqual({ durationMs: 0, peaks: [] });
  });
});
