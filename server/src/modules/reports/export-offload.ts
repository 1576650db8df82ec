// The server's side of report exports: the file is written in a worker thread (export-task.ts).
import { LIGHT_WORKER } from '../../workers/limits.ts';
import { runInWorker } from '../../workers/pool.ts';
import type { ReportFileInput } from './export-task.ts';

const TASK = new URL('./export-task.ts', import.meta.url);

export async function reportFile(input: ReportFileInput): Promise<Buffer> {
  const bytes = await runInWorker<Uint8Array>({
    module: TASK,
    export: 'reportFileTask',
    input,
    lane: 'light',
    limits: LIGHT_WORKER,
  });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
