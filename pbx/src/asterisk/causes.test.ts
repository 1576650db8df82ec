import { describe, expect, it } from 'vitest';
import { hangupParams, outcomeFromCause } from './causes.ts';

describe('outcomeFromCause', () => {
  it.each([
    [16, 'answered-normal'],
    [31, 'answered-normal'],
    [17, 'busy'],
    [18, 'no-answer'],
    [19, 'no-answer'],
    [102, 'no-answer'],
    [21, 'rejected'],
    [34, 'congestion'],
    [41, 'congestion'],
    [42, 'congestion'],
    [44, 'congestion'],
    [1, 'unallocated'],
    [3, 'unallocated'],
    [22, 'unallocated'],
    [28, 'invalid-number'],
    [20, 'unreachable'],
    [27, 'unreachable'],
    [26, 'answered-elsewhere'],
    [38, 'failed'],
    [47, 'failed'],
    [58, 'failed'],
    [65, 'failed'],
    [88, 'failed'],
    [127, 'failed'],
    [0, 'unknown'],
    [999, 'unknown'],
    [undefined, 'unknown'],
  ] as const)('cause %s → %s', (cause, outcome) => expect(outcomeFromCause(cause)).toBe(outcome));
});

describe('hangupParams', () => {
  it.each([
    [undefined, { reason: 'normal' }],
    ['normal', { reason: 'normal' }],
    ['busy', { reason: 'busy' }],
    ['congestion', { reason: 'congestion' }],
    ['no-answer', { reason: 'no_answer' }],
    ['rejected', { reason: 'rejected' }],
    ['unallocated', { reason: 'unallocated' }],
    ['answered-elsewhere', { reason: 'answered_elsewhere' }],
    ['failed', { reason: 'failure' }],
    [21, { reason_code: '21' }],
  ] as const)('%s → %o', (reason, params) => expect(hangupParams(reason)).toEqual(params));
});
