// The worker side: loads the job's module, runs its function, posts the answer (or the refusal).
// Nothing here touches the database, Redis or the PBX; a job gets its input and returns values.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors/catalog.ts';
import type { FromWorker, SessionHandle, ToWorker, WorkerFailure, WorkerJob } from './protocol.ts';

const port = parentPort!;
const job = workerData as WorkerJob;
const post = (m: FromWorker) => port.postMessage(m);
let session: SessionHandle<unknown, unknown> | undefined;

function failureOf(err: unknown): WorkerFailure {
  if (err instanceof AppError)
    return {
      kind: 'app',
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
    };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

// Listening from the start also keeps this thread alive after it answers, until the server has read
// the answer and terminates it: an answer can never race the thread's exit.
// One request at a time: the server asks for the next chunk only when it has written the last one,
// so a session's rows wait here, inside this worker's capped heap, and not in the server's.
port.on('message', (m: ToWorker) => {
  if (!session) return;
  const s = session;
  Promise.resolve()
    .then(() => s.next(m.max))
    .then((items) => post({ type: 'chunk', items }))
    .catch((err: unknown) => post({ type: 'error', error: failureOf(err) }));
});

async function run(): Promise<void> {
  const mod = (await import(job.module)) as Record<string, (input: unknown) => unknown>;
  const fn = mod[job.export];
  if (typeof fn !== 'function') throw new Error(`${job.module} has no export ${job.export}`);
  if (job.mode === 'once') {
    post({ type: 'result', value: await fn(job.input) });
    return;
  }
  session = (await fn(job.input)) as SessionHandle<unknown, unknown>;
  post({ type: 'ready', value: session.meta });
}

run().catch((err: unknown) => post({ type: 'error', error: failureOf(err) }));
