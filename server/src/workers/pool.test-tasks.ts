// Jobs for pool.test.ts, run inside real worker threads.
import { AppError } from '../errors/catalog.ts';
import type { SessionHandle } from './protocol.ts';

export const echo = (input: { n: number }) => ({ doubled: input.n * 2 });

export function refuse(): never {
  throw new AppError('RS_IMPORT_TOO_LARGE', undefined, [{ path: 'file', message: 'too many things' }]);
}

export function fail(): never {
  throw new Error('a bug');
}

/** Allocates until the heap cap stops the worker. */
export function hog(): never {
  const keep: string[][] = [];
  for (;;) keep.push(Array.from({ length: 1000 }, (_, i) => `${i}-${keep.length}-${Math.random()}`));
}

export function spin(): never {
  for (;;);
}

export function counter(input: { total: number }): SessionHandle<{ total: number }, number> {
  let at = 0;
  return {
    meta: { total: input.total },
    next(max) {
      const out: number[] = [];
      while (out.length < max && at < input.total) out.push(at++);
      return out;
    },
  };
}
