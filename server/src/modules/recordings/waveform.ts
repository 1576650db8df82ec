// Waveform peaks computed on the server: the console then draws the waveform from a few KB of JSON and
// streams the audio itself with Range requests, instead of downloading and decoding the whole file in
// the browser (WebAudio decodeAudioData needs all of it) before the first seek. Results are memoised
// per file version (size + mtime), since a file changes only when paused spans are put back.
// The reduction itself runs in a worker thread (waveform-task.ts): it is a loop over every sample.
import { stat } from 'node:fs/promises';
import { LIGHT_WORKER } from '../../workers/limits.ts';
import { runInWorker } from '../../workers/pool.ts';
import type { WaveformInput } from './waveform-task.ts';

const memo = new Map<string, { durationMs: number; peaks: number[] }>();
const MEMO_MAX = 64;
const TASK = new URL('./waveform-task.ts', import.meta.url);

export async function waveformOf(
  file: string,
  buckets: number,
): Promise<{ durationMs: number; peaks: number[] }> {
  const st = await stat(file);
  const key = `${file}|${st.size}|${st.mtimeMs}|${buckets}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const input: WaveformInput = { file, buckets };
  const r = await runInWorker<{ durationMs: number; peaks: number[] }>({
    module: TASK,
    export: 'waveformTask',
    input,
    lane: 'light',
    limits: LIGHT_WORKER,
  });
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(key, r);
  return r;
}
