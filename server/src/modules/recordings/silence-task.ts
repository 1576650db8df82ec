// Runs in a light worker (workers/pool.ts): writes a finished recording's paused spans back in as
// silence (telephony/recording-pause.ts). The file is read whole and copied with the gaps filled — an
// hour-long recording is ~58 MB — which must not happen on the event loop that carries live calls.
// Writes the result next to the file; the caller swaps it in (owner and rename stay on its side).
import { readFile, writeFile } from 'node:fs/promises';
import { silenceInserts } from '../../core/recording/pause-spans.ts';
import { durationMs, readWavLayout, withSilence } from './wav.ts';

export interface SilenceInput {
  file: string;
  /** Where the silenced copy is written. */
  out: string;
  mode: number;
  spans: { pauseOffsetMs: number; resumeOffsetMs: number }[];
}

/** Returns the silenced file's duration (it now runs as long as the call). */
export async function silenceTask({ file, out, mode, spans }: SilenceInput): Promise<{ durationMs: number }> {
  const buf = await readFile(file);
  const silenced = withSilence(buf, silenceInserts(spans, durationMs(readWavLayout(buf))));
  await writeFile(out, silenced, { mode });
  return { durationMs: durationMs(readWavLayout(silenced)) };
}
