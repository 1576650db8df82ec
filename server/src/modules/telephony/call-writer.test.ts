import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CallWriter, isTransientDbError } from './call-writer.ts';

const log = pino({ level: 'silent' });
const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

describe('the telephony database writer', () => {
  it('runs writes in the order they were enqueued', async () => {
    const w = new CallWriter(log, { first: 1, max: 1 });
    const done: number[] = [];
    for (const i of [1, 2, 3]) w.enqueue(`w${i}`, async () => void done.push(i));
    await w.flush();
    expect(done).toEqual([1, 2, 3]);
  });

  it('retries while the database is unreachable and loses nothing, in order', async () => {
    const w = new CallWriter(log, { first: 1, max: 2 });
    let down = 5;
    const done: string[] = [];
    w.enqueue('insert', async () => {
      if (down-- > 0) throw refused();
      done.push('insert');
    });
    w.enqueue('finish', async () => void done.push('finish'));
    await w.flush();
    expect(done).toEqual(['insert', 'finish']);
  });

  it('drops a write that retrying cannot fix, and goes on with the next', async () => {
    const w = new CallWriter(log, { first: 1, max: 1 });
    const done: string[] = [];
    w.enqueue('bad', async () => {
      throw Object.assign(new Error('duplicate key'), { code: '23505' });
    });
    w.enqueue('good', async () => void done.push('good'));
    await w.flush();
    expect(done).toEqual(['good']);
  });

  it('coalesces keyed writes that have not started: only the latest snapshot is written', async () => {
    const w = new CallWriter(log, { first: 1, max: 1 });
    const done: string[] = [];
    let release!: () => void;
    w.enqueue('head', () => new Promise<void>((r) => (release = r)));
    w.enqueue('agent a v1', async () => void done.push('a1'), 'agent:a');
    w.enqueue('agent b v1', async () => void done.push('b1'), 'agent:b');
    w.enqueue('agent a v2', async () => void done.push('a2'), 'agent:a');
    release();
    await w.flush();
    expect(done).toEqual(['b1', 'a2']);
  });

  it('knows connection failures from other errors', () => {
    expect(isTransientDbError(refused())).toBe(true);
    expect(isTransientDbError({ code: '57P01' })).toBe(true);
    expect(isTransientDbError({ code: '08006' })).toBe(true);
    expect(isTransientDbError({ code: '23505' })).toBe(false);
    expect(isTransientDbError(new Error('x'))).toBe(false);
  });

  it('sees a connection failure through the query error drizzle wraps it in', () => {
    // drizzle-orm's DrizzleQueryError: no code of its own, the driver's error as its cause.
    const wrapped = Object.assign(new Error('Failed query: insert into "calls" …'), { cause: refused() });
    expect(isTransientDbError(wrapped)).toBe(true);
    const constraint = Object.assign(new Error('Failed query: …'), { cause: { code: '23503' } });
    expect(isTransientDbError(constraint)).toBe(false);
  });

  it('tells a waiting caller when its write landed, even after retries', async () => {
    const w = new CallWriter(log, { first: 1, max: 1 });
    let down = 3;
    let landed = false;
    await w.enqueueSettled('insert', async () => {
      if (down-- > 0) throw refused();
      landed = true;
    });
    expect(landed).toBe(true);
  });
});
