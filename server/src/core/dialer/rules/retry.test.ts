import { describe, expect, it } from 'vitest';
import { nextAttempt, ringTimeoutSec, scheduleCallback } from './retry.ts';
import { defaultRetryRules, newDialRecord, type DialRecord } from './types.ts';

const H = 3600_000;
const t0 = Date.UTC(2026, 6, 1, 10, 0);
const fresh = () => newDialRecord('+442079460000', 'Europe/London');

describe('retry scheduling per outcome', () => {
  it('marks a reached number done', () => {
    const r = nextAttempt('connected', fresh(), defaultRetryRules, t0);
    expect(r.status).toBe('done');
    expect(r.attempts).toBe(1);
  });

  it('marks an unallocated number invalid at once', () => {
    const r = nextAttempt('unallocated', fresh(), defaultRetryRules, t0);
    expect(r.status).toBe('invalid');
    expect(r.nextAttemptAtMs).toBeNull();
  });

  it('retries busy, failed, no-answer and machine after their own delays', () => {
    for (const outcome of ['busy', 'failed', 'noAnswer', 'machine'] as const) {
      const r = nextAttempt(outcome, fresh(), defaultRetryRules, t0);
      expect(r.status).toBe('active');
      expect(r.nextAttemptAtMs).toBe(t0 + defaultRetryRules.perOutcome[outcome].delaySec * 1000);
      expect(r.attemptsByOutcome[outcome]).toBe(1);
    }
  });

  it('never schedules a redial of an abandoned number within 72 hours, even with a shorter delay', () => {
    const rules = { ...defaultRetryRules, perOutcome: { ...defaultRetryRules.perOutcome, abandoned: { delaySec: 60, maxAttempts: 3 } } };
    const r = nextAttempt('abandoned', fresh(), rules, t0);
    expect(r.lastAbandonedAtMs).toBe(t0);
    expect(r.nextAttemptAtMs).toBe(t0 + 72 * H);
  });

  it('exhausts a record when an outcome reaches its maximum attempts', () => {
    let r: DialRecord = fresh();
    for (let i = 0; i < defaultRetryRules.perOutcome.busy.maxAttempts; i++) r = nextAttempt('busy', r, defaultRetryRules, t0 + i * H);
    expect(r.status).toBe('exhausted');
    expect(r.attempts).toBe(defaultRetryRules.perOutcome.busy.maxAttempts);
  });

  it('exhausts a record when the overall maximum is reached across outcomes', () => {
    const rules = { ...defaultRetryRules, maxAttempts: 3 };
    let r: DialRecord = fresh();
    r = nextAttempt('busy', r, rules, t0);
    r = nextAttempt('failed', r, rules, t0 + H);
    expect(r.status).toBe('active');
    r = nextAttempt('machine', r, rules, t0 + 2 * H);
    expect(r.status).toBe('exhausted');
  });

  it('marks a number unreachable after N consecutive no-answers on different local days', () => {
    let r: DialRecord = fresh();
    r = nextAttempt('noAnswer', r, defaultRetryRules, t0);
    r = nextAttempt('noAnswer', r, defaultRetryRules, t0 + 3 * H); // same day: still one day
    expect(r.noAnswerDays).toEqual(['2026-07-01']);
    r = nextAttempt('noAnswer', r, defaultRetryRules, t0 + 24 * H);
    expect(r.status).toBe('active');
    r = nextAttempt('noAnswer', r, defaultRetryRules, t0 + 48 * H);
    expect(r.status).toBe('unreachable');
    expect(r.nextAttemptAtMs).toBeNull();
  });

  it('counts days in the called party’s zone, not UTC', () => {
    // 23:30 and 00:30 UTC are the same day in New York (19:30 and 20:30).
    const ny = newDialRecord('+12125550100', 'America/New_York');
    let r = nextAttempt('noAnswer', ny, defaultRetryRules, Date.UTC(2026, 6, 1, 23, 30));
    r = nextAttempt('noAnswer', r, defaultRetryRules, Date.UTC(2026, 6, 2, 0, 30));
    expect(r.noAnswerDays).toEqual(['2026-07-01']);
  });

  it('restarts the no-answer run after any other outcome', () => {
    let r: DialRecord = fresh();
    r = nextAttempt('noAnswer', r, defaultRetryRules, t0);
    r = nextAttempt('noAnswer', r, defaultRetryRules, t0 + 24 * H);
    r = nextAttempt('busy', r, defaultRetryRules, t0 + 25 * H);
    r = nextAttempt('noAnswer', r, defaultRetryRules, t0 + 48 * H);
    expect(r.noAnswerDays).toEqual(['2026-07-03']);
    expect(r.status).toBe('active');
  });

  it('keeps a callback that is not yet due and uses it up once attempted', () => {
    const withCallback = scheduleCallback(fresh(), { atMs: t0 + 2 * H, agentId: 'agent-7' });
    expect(nextAttempt('busy', withCallback, defaultRetryRules, t0).callback).toEqual({ atMs: t0 + 2 * H, agentId: 'agent-7' });
    expect(nextAttempt('busy', withCallback, defaultRetryRules, t0 + 2 * H).callback).toBeNull();
  });

  it('does not book callbacks on invalid or unreachable numbers', () => {
    const invalid = nextAttempt('unallocated', fresh(), defaultRetryRules, t0);
    expect(scheduleCallback(invalid, { atMs: t0 + H })).toBe(invalid);
  });

  it('rings at least 15 seconds before giving up', () => {
    expect(ringTimeoutSec(8)).toBe(15);
    expect(ringTimeoutSec(25)).toBe(25);
  });
});
