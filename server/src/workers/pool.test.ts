import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/catalog.ts';
import {
  activeWorkers,
  openWorkerSession,
  runInWorker,
  WorkerLimitError,
  WorkerTaskError,
  type JobSpec,
} from './pool.ts';
import { Semaphore } from './semaphore.ts';

const TASKS = new URL('./pool.test-tasks.ts', import.meta.url);
const job = (name: string, input: unknown = {}, limits = { heapMb: 64, timeoutMs: 10_000 }): JobSpec => ({
  module: TASKS,
  export: name,
  input,
  lane: 'light',
  limits,
});

describe('worker pool', () => {
  it('runs a job in a worker thread and returns its result; the thread is gone afterwards', async () => {
    expect(await runInWorker(job('echo', { n: 21 }))).toEqual({ doubled: 42 });
    expect(activeWorkers()).toBe(0);
  });

  it('carries an AppError across with its code and details; any other throw is a WorkerTaskError', async () => {
    const refused = await runInWorker(job('refuse')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'RS_IMPORT_TOO_LARGE',
      status: 413,
      details: [{ path: 'file', message: 'too many things' }],
    });
    await expect(runInWorker(job('fail'))).rejects.toBeInstanceOf(WorkerTaskError);
  });

  it('a job past its heap cap kills only its worker (reason memory); this process carries on', async () => {
    const err = await runInWorker(job('hog', {}, { heapMb: 32, timeoutMs: 20_000 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerLimitError);
    expect(err).toMatchObject({ reason: 'memory' });
    expect(activeWorkers()).toBe(0);
    expect(await runInWorker(job('echo', { n: 1 }))).toEqual({ doubled: 2 });
  });

  it('a job past its time limit is terminated (reason time)', async () => {
    await expect(runInWorker(job('spin', {}, { heapMb: 64, timeoutMs: 1500 }))).rejects.toMatchObject({
      reason: 'time',
    });
    expect(activeWorkers()).toBe(0);
  });

  it('a session hands out its items in chunks on request and ends with an empty chunk', async () => {
    const s = await openWorkerSession<{ total: number }, number>(job('counter', { total: 5 }));
    try {
      expect(s.meta).toEqual({ total: 5 });
      expect(await s.next(2)).toEqual([0, 1]);
      expect(await s.next(2)).toEqual([2, 3]);
      expect(await s.next(2)).toEqual([4]);
      expect(await s.next(2)).toEqual([]);
    } finally {
      await s.close();
    }
    expect(activeWorkers()).toBe(0);
  });
});

describe('semaphore', () => {
  it('admits `size` holders and hands slots over in arrival order', async () => {
    const sem = new Semaphore(1);
    const order: string[] = [];
    const first = await sem.acquire();
    const second = sem.acquire().then((release) => (order.push('second'), release));
    const third = sem.acquire().then((release) => (order.push('third'), release));
    order.push('first');
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['first', 'second', 'third']);
  });
});
