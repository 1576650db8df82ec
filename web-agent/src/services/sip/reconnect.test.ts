import { describe, expect, it } from 'vitest';
import { reconnectDelayMs, Reconnector, shouldReconnect, type ReconnectTimers } from './reconnect.ts';

/** Timers run by hand: `fire()` runs the pending one and lets the attempt's promise settle. */
function manualTimers() {
  const pending: { fn: () => void; ms: number; id: number }[] = [];
  let seq = 0;
  const timers: ReconnectTimers = {
    set(fn, ms) {
      pending.push({ fn, ms, id: ++seq });
      return seq;
    },
    clear(h) {
      const i = pending.findIndex((p) => p.id === h);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return {
    timers,
    pending,
    async fire(): Promise<number> {
      const next = pending.shift();
      if (!next) throw new Error('no timer pending');
      next.fn();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return next.ms;
    },
  };
}

describe('reconnect backoff', () => {
  it('doubles from 0.5 s and stays at 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(reconnectDelayMs)).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it('reconnects only after a loss the agent did not ask for', () => {
    expect(shouldReconnect({ unexpected: true, stopping: false })).toBe(true);
    expect(shouldReconnect({ unexpected: false, stopping: false })).toBe(false);
    expect(shouldReconnect({ unexpected: true, stopping: true })).toBe(false);
  });
});

describe('Reconnector', () => {
  it('retries with the backoff until an attempt succeeds, then stops', async () => {
    const t = manualTimers();
    const results = [false, false, false, false, false, false, true];
    let calls = 0;
    const r = new Reconnector(() => Promise.resolve(results[calls++]!), t.timers);
    r.start();
    const delays: number[] = [];
    while (t.pending.length) delays.push(await t.fire());
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(calls).toBe(7);
    expect(r.running).toBe(false);
  });

  it('counts a thrown attempt as a failure and keeps going', async () => {
    const t = manualTimers();
    let calls = 0;
    const r = new Reconnector(
      () => (++calls === 1 ? Promise.reject(new Error('refused')) : Promise.resolve(true)),
      t.timers,
    );
    r.start();
    expect(await t.fire()).toBe(500);
    expect(await t.fire()).toBe(1000);
    expect(calls).toBe(2);
    expect(r.running).toBe(false);
  });

  it('stop() cancels the pending retry and ignores an attempt still running', async () => {
    const t = manualTimers();
    let release: (ok: boolean) => void = () => undefined;
    const r = new Reconnector(() => new Promise<boolean>((res) => (release = res)), t.timers);
    r.start();
    t.pending[0]!.fn();
    t.pending.shift();
    r.stop();
    release(false);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(t.pending).toHaveLength(0);
    expect(r.running).toBe(false);
  });

  it('start() during a round changes nothing; after success a new loss starts from 0.5 s again', async () => {
    const t = manualTimers();
    let ok = false;
    const r = new Reconnector(() => Promise.resolve(ok), t.timers);
    r.start();
    expect(await t.fire()).toBe(500);
    r.start();
    expect(t.pending.map((p) => p.ms)).toEqual([1000]);
    ok = true;
    await t.fire();
    expect(r.running).toBe(false);
    r.start();
    expect(t.pending.map((p) => p.ms)).toEqual([500]);
  });
});
