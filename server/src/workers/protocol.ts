// Messages between the server (pool.ts) and a worker thread (host.ts).
import type { ErrorCode, ErrorDetail } from '../errors/catalog.ts';

/** What the worker runs: an exported function of a module, by file URL, on a structured-cloneable input. */
export interface WorkerJob {
  module: string;
  export: string;
  input: unknown;
  /** once: the function's result is the answer. session: it returns { meta, next(max) } to pull from. */
  mode: 'once' | 'session';
}

/** A session function's answer: something small up front, then items pulled in chunks. */
export interface SessionHandle<M, T> {
  meta: M;
  next(max: number): T[] | Promise<T[]>;
}

/** A domain refusal (an AppError in the worker) crosses as its code; anything else as a message. */
export type WorkerFailure =
  | { kind: 'app'; code: ErrorCode; message: string; details?: ErrorDetail[] }
  | { kind: 'internal'; message: string };

export type ToWorker = { type: 'next'; max: number };

export type FromWorker =
  | { type: 'result'; value: unknown }
  | { type: 'ready'; value: unknown }
  | { type: 'chunk'; items: unknown[] }
  | { type: 'error'; error: WorkerFailure };
