// Runs in a light worker (workers/pool.ts): reads the wav and reduces it to peaks. An hour-long
// recording is ~58 MB and 29 M samples; looping over them on the event loop would stall every
// live call's events for the duration, so the loop runs here instead.
import { readFile } from 'node:fs/promises';
import { peaks } from './wav.ts';

export interface WaveformInput {
  file: string;
  buckets: number;
}

export async function waveformTask({
  file,
  buckets,
}: WaveformInput): Promise<{ durationMs: number; peaks: number[] }> {
  return peaks(await readFile(file), buckets);
}
