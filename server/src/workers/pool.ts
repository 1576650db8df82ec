// Runs CPU-heavy or untrusted-input work in a worker thread with a capped heap, one thread per job.
// The server process also runs live calls: a spreadsheet that explodes in memory, or a loop over a
// million samples, must cost one worker thread, never the event loop or the process. One thread per
// job (not a warm pool) because a job that hit a limit leaves nothing behind to reuse, and a worker
// starts in ~200 ms, small beside the work it isolates.
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors/catalog.ts';
import { WORKER_LANES, type WorkerLane, type WorkerLimits } from './limits.ts';
import type { FromWorker, ToWorker, WorkerJob } from './protocol.ts';
import { Semaphore } from './semaphore.ts';

const BOOT = new URL('./boot.mjs', import.meta.url);

/** The worker was stopped by a limit (heap, time) or died; the server itself is unaffected. */
export class WorkerLimitError extends Error {
  constructor(
    readonly reason: 'memory' | 'time' | 'crash',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerLimitError';
  }
}

/** The job itself threw something other than an AppError (a bug or an unreadable input). */
export class WorkerTaskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerTaskError';
  }
}

export interface JobSpec {
  /** File URL of the module (import.meta.url based) and the exported function to run. */
  module: string | URL;
  export: string;
  input: unknown;
  lane: WorkerLane;
  limits: WorkerLimits;
}

const lanes: Record<WorkerLane, Semaphore> = {
  parse: new Semaphore(WORKER_LANES.parse),
  light: new Semaphore(WORKER_LANES.light),
};

type Expected = 'result' | 'ready' | 'chunk';

let alive = 0;
/** Worker threads running now (observability and tests: a refused file leaves none behind). */
export const activeWorkers = () => alive;

/** One worker thread and the single answer the server is waiting for at a time. */
class JobThread {
  private readonly worker: Worker;
  private waiter:
    { expected: Expected; resolve: (m: FromWorker) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(spec: JobSpec, mode: WorkerJob['mode']) {
    const job: WorkerJob = { module: String(spec.module), export: spec.export, input: spec.input, mode };
    // execArgv [] so the worker does not inherit the parent's loader flags; boot.mjs registers tsx.
    this.worker = new Worker(BOOT, {
      execArgv: [],
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: spec.limits.heapMb },
    });
    alive++;
    // Without an 'error' listener a dying worker would throw in the server: this one is load-bearing.
    this.worker.on('error', (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(
        new WorkerLimitError(
          memory ? 'memory' : 'crash',
          memory ? 'the job needed more memory than a worker may use' : `the worker failed: ${err.message}`,
        ),
      );
    });
    this.worker.on('messageerror', (err) =>
      this.fail(new WorkerLimitError('crash', `unreadable message from the worker: ${err.message}`)),
    );
    this.worker.on('exit', () => {
      alive--;
      this.fail(new WorkerLimitError('crash', 'the worker exited before answering'));
    });
    this.worker.on('message', (m: FromWorker) => this.onMessage(m));
    this.timer = setTimeout(() => {
      this.fail(new WorkerLimitError('time', `the job took longer than ${spec.limits.timeoutMs / 1000} s`));
      void this.worker.terminate();
    }, spec.limits.timeoutMs);
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'error') {
      const e = m.error;
      this.fail(
        e.kind === 'app' ? new AppError(e.code, e.message, e.details) : new WorkerTaskError(e.message),
      );
      return;
    }
    const w = this.waiter;
    if (!w || w.expected !== m.type) {
      this.fail(new WorkerLimitError('crash', `unexpected ${m.type} from the worker`));
      return;
    }
    this.waiter = undefined;
    w.resolve(m);
  }

  /** The first failure wins and is kept, so a later wait sees it too. */
  private fail(err: Error): void {
    this.failure ??= err;
    this.clearTimer();
    const w = this.waiter;
    this.waiter = undefined;
    w?.reject(this.failure);
  }

  clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  wait(expected: Expected): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiter = { expected, resolve, reject };
    });
  }

  send(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  async stop(): Promise<void> {
    this.clearTimer();
    this.failure ??= new WorkerLimitError('crash', 'the worker was stopped');
    await this.worker.terminate();
  }
}

/** Runs `export(input)` in a fresh worker and returns its result; the worker is gone afterwards. */
export async function runInWorker<R>(spec: JobSpec): Promise<R> {
  const release = await lanes[spec.lane].acquire();
  const thread = new JobThread(spec, 'once');
  try {
    const m = await thread.wait('result');
    return (m as { value: R }).value;
  } finally {
    await thread.stop();
    release();
  }
}

export interface WorkerSession<M, T> {
  meta: M;
  /** The next items (at most max); an empty array once there are no more. */
  next(max: number): Promise<T[]>;
  /** Ends the worker; call it in a finally. */
  close(): Promise<void>;
}

/**
 * Starts `export(input)` in a worker that answers with `{ meta, next }`, then hands items out on
 * request. The time limit covers the work up to `meta`; afterwards the worker only waits to be asked.
 */
export async function openWorkerSession<M, T>(spec: JobSpec): Promise<WorkerSession<M, T>> {
  const release = await lanes[spec.lane].acquire();
  const thread = new JobThread(spec, 'session');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await thread.stop();
    release();
  };
  try {
    const ready = (await thread.wait('ready')) as { value: M };
    thread.clearTimer();
    return {
      meta: ready.value,
      async next(max) {
        const answer = thread.wait('chunk');
        thread.send({ type: 'next', max });
        return ((await answer) as { items: T[] }).items;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
