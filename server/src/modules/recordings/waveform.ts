// Waveform peaks computed on the server: the console then draws the waveform from a few KB of JSON and
// streams the audio itself with Range requests, instead of downloading and decoding the whole file in
// the browser (WebAudio decodeAudioData needs all of it) before the first seek. Results are memoised
// per file version (size + mtime), since a file changes only when paused spans are put back.
import { readFile, stat } from 'node:fs/promises';
import { peaks } from './wav.ts';

const memo = new Map<string, { durationMs: number; peaks: number[] }>();
const MEMO_MAX = 64;

export async function waveformOf(file: string, buckets: number): Promise<{ durationMs: number; peaks: number[] }> {
  const st = await stat(file);
  const key = `${file}|${st.size}|${st.mtimeMs}|${buckets}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const r = peaks(await readFile(file), buckets);
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(key, r);
  return r;
}
