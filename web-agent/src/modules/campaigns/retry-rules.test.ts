import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_RULES, retryFormFromJson, retryFormToJson } from './retry-rules.ts';

describe('retry rules form ↔ JSON', () => {
  it('round-trips the default rules through minutes and hours', () => {
    const form = retryFormFromJson(DEFAULT_RETRY_RULES);
    expect(form.perOutcome.busy).toEqual({ delayMin: 15, maxAttempts: 5 });
    expect(form.perOutcome.noAnswer).toEqual({ delayMin: 120, maxAttempts: 6 });
    expect(form.abandonedNoRedialHours).toBe(72);
    expect(retryFormToJson(form)).toEqual(DEFAULT_RETRY_RULES);
  });

  it('fills missing or malformed outcomes from the defaults', () => {
    const form = retryFormFromJson({ perOutcome: { busy: { delaySec: 600, maxAttempts: 2 }, failed: { delaySec: -5, maxAttempts: Number.NaN } } });
    expect(form.perOutcome.busy).toEqual({ delayMin: 10, maxAttempts: 2 });
    expect(form.perOutcome.failed).toEqual({ delayMin: 30, maxAttempts: 3 });
    expect(form.perOutcome.machine).toEqual({ delayMin: 240, maxAttempts: 3 });
    expect(retryFormFromJson(null)).toEqual(retryFormFromJson(DEFAULT_RETRY_RULES));
  });

  it('never writes an abandon redial delay under 72 h, nor limits under 1', () => {
    const form = retryFormFromJson(DEFAULT_RETRY_RULES);
    form.perOutcome.busy.maxAttempts = 0;
    form.perOutcome.abandoned.delayMin = 30;
    form.abandonedNoRedialHours = 1;
    form.maxAttempts = 0;
    form.unreachableAfterNoAnswerDays = 0;
    const json = retryFormToJson(form);
    expect(json.perOutcome.abandoned!.delaySec).toBe(72 * 3600);
    expect(json.abandonedNoRedialSec).toBe(72 * 3600);
    expect(json.maxAttempts).toBe(1);
    expect(json.perOutcome.busy!.maxAttempts).toBe(1);
    expect(json.unreachableAfterNoAnswerDays).toBe(1);
  });

  it('writes seconds from fractional minutes', () => {
    const form = retryFormFromJson(DEFAULT_RETRY_RULES);
    form.perOutcome.busy.delayMin = 2.5;
    expect(retryFormToJson(form).perOutcome.busy!.delaySec).toBe(150);
  });
});
