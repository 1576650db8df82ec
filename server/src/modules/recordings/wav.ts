// PCM WAV files as Asterisk writes them (RIFF, 16-bit linear, mono 8 kHz for "wav"): read the layout,
// put silence back where a recording was paused, and reduce the samples to peaks for the waveform.
import type { SilenceInsert } from '../../core/recording/pause-spans.ts';

export interface WavLayout {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Byte offset of the first sample and the number of sample bytes. */
  dataOffset: number;
  dataLength: number;
}

export function readWavLayout(buf: Buffer): WavLayout {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let fmt: Omit<WavLayout, 'dataOffset' | 'dataLength'> | null = null;
  let pos = 12;
  while (pos + 8 <= buf.length) {
    const id = buf.toString('ascii', pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const body = pos + 8;
    if (id === 'fmt ') {
      if (buf.readUInt16LE(body) !== 1) throw new Error('not linear PCM');
      fmt = { channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bitsPerSample: buf.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt) throw new Error('data before fmt');
      // A recording still being written may declare more (or less) than is there: trust the file.
      return { ...fmt, dataOffset: body, dataLength: Math.min(size, buf.length - body) };
    }
    pos = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

export function bytesPerMs(l: WavLayout): number {
  return (l.sampleRate * l.channels * (l.bitsPerSample / 8)) / 1000;
}

export function durationMs(l: WavLayout): number {
  return l.dataLength / bytesPerMs(l);
}

/** A canonical 44-byte header for the given layout and data length. */
function header(l: WavLayout, dataLength: number): Buffer {
  const h = Buffer.alloc(44);
  const block = l.channels * (l.bitsPerSample / 8);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataLength, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(l.channels, 22);
  h.writeUInt32LE(l.sampleRate, 24);
  h.writeUInt32LE(l.sampleRate * block, 28);
  h.writeUInt16LE(block, 32);
  h.writeUInt16LE(l.bitsPerSample, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataLength, 40);
  return h;
}

/** The file with zero samples (silence in linear PCM) inserted at each point; inserts sorted by atMs. */
export function withSilence(buf: Buffer, inserts: readonly SilenceInsert[]): Buffer {
  const l = readWavLayout(buf);
  const block = l.channels * (l.bitsPerSample / 8);
  const rate = bytesPerMs(l);
  const toBytes = (ms: number) => Math.round((ms * rate) / block) * block;
  const data = buf.subarray(l.dataOffset, l.dataOffset + l.dataLength);
  const parts: Buffer[] = [];
  let from = 0;
  for (const ins of inserts) {
    const at = Math.min(toBytes(ins.atMs), data.length);
    parts.push(data.subarray(from, at), Buffer.alloc(toBytes(ins.lengthMs)));
    from = at;
  }
  parts.push(data.subarray(from));
  const body = Buffer.concat(parts);
  return Buffer.concat([header(l, body.length), body]);
}

/** Max |sample| per bucket, 0..1 with 3 decimals, first channel of 16-bit PCM. */
export function peaks(buf: Buffer, buckets: number): { durationMs: number; peaks: number[] } {
  const l = readWavLayout(buf);
  if (l.bitsPerSample !== 16) throw new Error('peaks need 16-bit PCM');
  const frame = l.channels * 2;
  const frames = Math.floor(l.dataLength / frame);
  const n = Math.max(1, Math.min(buckets, frames));
  const out = new Array<number>(n).fill(0);
  for (let b = 0; b < n; b++) {
    const start = Math.floor((b * frames) / n);
    const end = Math.floor(((b + 1) * frames) / n);
    let max = 0;
    for (let i = start; i < end; i++) {
      const v = Math.abs(buf.readInt16LE(l.dataOffset + i * frame));
      if (v > max) max = v;
    }
    out[b] = Math.round((max / 32768) * 1000) / 1000;
  }
  return { durationMs: Math.round(durationMs(l)), peaks: frames === 0 ? [] : out };
}
