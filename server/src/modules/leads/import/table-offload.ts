// The server's side of reading an import file: the parse happens in a heap-capped worker thread
// (workers/pool.ts), never on the event loop that also carries live calls. A worker stopped by its
// heap or time limit is the file's fault as far as the user is concerned: RS_IMPORT_TOO_LARGE.
import { AppError } from '../../../errors/catalog.ts';
import { PARSE_WORKER } from '../../../workers/limits.ts';
import {
  openWorkerSession,
  runInWorker,
  WorkerLimitError,
  type JobSpec,
  type WorkerSession,
} from '../../../workers/pool.ts';
import type { NumberedRow, TableInput, TableMeta, TablePreview } from './table-task.ts';

export type { NumberedRow, TableMeta, TablePreview } from './table-task.ts';

const TASK = new URL('./table-task.ts', import.meta.url);

const spec = (exportName: string, input: TableInput): JobSpec => ({
  module: TASK,
  export: exportName,
  input,
  lane: 'parse',
  limits: PARSE_WORKER,
});

function asImportError(err: unknown): unknown {
  if (err instanceof WorkerLimitError && err.reason !== 'crash') {
    const why =
      err.reason === 'memory'
        ? 'reading it needs more memory than an import may use'
        : `reading it takes longer than ${PARSE_WORKER.timeoutMs / 1000} s`;
    return new AppError('RS_IMPORT_TOO_LARGE', undefined, [{ path: 'file', message: why }]);
  }
  return err;
}

/** Header, sample rows, row count and file hash of an upload, read in a parse worker. */
export async function previewTable(bytes: Buffer, filename: string): Promise<TablePreview> {
  try {
    return await runInWorker<TablePreview>(spec('previewTableTask', { bytes, filename }));
  } catch (err) {
    throw asImportError(err);
  }
}

export interface TableRows {
  meta: TableMeta;
  /** The non-blank data rows, at most `size` at a time; the worker is closed at the end or on a throw. */
  chunks(size: number): AsyncGenerator<NumberedRow[]>;
}

/**
 * Opens the file's rows for an import job. The worker keeps the parsed rows and hands them out a
 * chunk at a time, so the server holds one chunk, not the file. Iterating `chunks` to the end (or
 * leaving the loop early, or a throw inside it) ends the worker; a caller that never iterates must
 * call `close`.
 */
export async function openTableRows(
  bytes: Buffer,
  filename: string,
): Promise<TableRows & { close(): Promise<void> }> {
  let session: WorkerSession<TableMeta, NumberedRow>;
  try {
    session = await openWorkerSession<TableMeta, NumberedRow>(spec('tableRowsTask', { bytes, filename }));
  } catch (err) {
    throw asImportError(err);
  }
  return {
    meta: session.meta,
    close: () => session.close(),
    async *chunks(size) {
      try {
        for (;;) {
          let rows: NumberedRow[];
          try {
            rows = await session.next(size);
          } catch (err) {
            throw asImportError(err);
          }
          if (!rows.length) return;
          yield rows;
        }
      } finally {
        await session.close();
      }
    },
  };
}
