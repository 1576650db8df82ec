import { describe, expect, it } from 'vitest';
import { defaultRetryRules, nextAttempt, scheduleCallback } from '../../core/dialer/rules/index.ts';
import { campaignRetryRules, fromDialRecord, statusBeforeClaim, toCallingWindow, toCoreOutcome, toDialRecord, type RecordRow } from './record-state.ts';

const row = (over: Partial<RecordRow> = {}): RecordRow => ({
  phoneE164: '+862088812345',
  timezone: 'Asia/Shanghai',
  status: 'pending',
  attempts: 0,
  attemptsByOutcome: {},
  noAnswerDays: [],
  nextAttemptAt: null,
  callbackAt: null,
  callbackAgentId: null,
  abandonedAt: null,
  ...over,
});
const t0 = Date.UTC(2026, 6, 1, 4);

describe('campaign record ↔ core DialRecord', () => {
  it('maps the table statuses onto the core ones', () => {
    expect(toDialRecord(row()).status).toBe('active');
    expect(toDialRecord(row({ status: 'scheduled' })).status).toBe('active');
    expect(toDialRecord(row({ status: 'max_attempts' })).status).toBe('exhausted');
    expect(toDialRecord(row({ status: 'dnc' })).status).toBe('done');
    expect(toDialRecord(row({ status: 'invalid' })).status).toBe('invalid');
  });

  it('writes back waiting records as scheduled, and callbacks as callback whatever the core status', () => {
    const busy = fromDialRecord(nextAttempt('busy', toDialRecord(row()), defaultRetryRules, t0));
    expect(busy.status).toBe('scheduled');
    expect(busy.nextAttemptAt?.getTime()).toBe(t0 + 15 * 60_000);
    const done = nextAttempt('connected', toDialRecord(row()), defaultRetryRules, t0);
    expect(fromDialRecord(done).status).toBe('done');
    const cb = fromDialRecord(scheduleCallback(done, { atMs: t0 + 1000, agentId: 'u1' }));
    expect(cb).toMatchObject({ status: 'callback', callbackAgentId: 'u1' });
    expect(fromDialRecord(nextAttempt('unallocated', toDialRecord(row()), defaultRetryRules, t0)).status).toBe('invalid');
  });

  it('round-trips the rule state', () => {
    const r = row({ status: 'callback', attempts: 2, attemptsByOutcome: { noAnswer: 2 }, noAnswerDays: ['2026-07-01'], callbackAt: new Date(t0), callbackAgentId: 'u1', abandonedAt: new Date(t0 - 1) });
    const back = fromDialRecord(toDialRecord(r));
    expect(back).toEqual({ status: 'callback', attempts: 2, attemptsByOutcome: { noAnswer: 2 }, noAnswerDays: ['2026-07-01'], nextAttemptAt: null, callbackAt: new Date(t0), callbackAgentId: 'u1', abandonedAt: new Date(t0 - 1) });
  });

  it('returns a released claim to where it was', () => {
    expect(statusBeforeClaim({ callbackAt: new Date(), attempts: 3 })).toBe('callback');
    expect(statusBeforeClaim({ callbackAt: null, attempts: 1 })).toBe('scheduled');
    expect(statusBeforeClaim({ callbackAt: null, attempts: 0 })).toBe('pending');
  });

  it('maps contract outcomes and weekday keys', () => {
    expect(toCoreOutcome('answered')).toBe('connected');
    expect(toCoreOutcome('congestion')).toBe('failed');
    expect(toCoreOutcome('machine')).toBe('machine');
    expect(toCallingWindow({ '0': [{ from: '09:00', to: '12:00' }], '6': [], x: [] } as never)).toEqual({ sun: [{ from: '09:00', to: '12:00' }], sat: [] });
  });

  it('takes the campaign’s unreachable count over the stored rules', () => {
    expect(campaignRetryRules(null, 5).unreachableAfterNoAnswerDays).toBe(5);
    expect(campaignRetryRules(null, 5).perOutcome.busy).toEqual(defaultRetryRules.perOutcome.busy);
  });
});
