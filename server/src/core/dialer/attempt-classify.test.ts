import { describe, expect, it } from 'vitest';
import type { FarEndOutcome } from './attempt-classify.ts';
import {
  learnerResolution,
  outcomeOfAnswered,
  outcomeOfUnanswered,
  shouldAbandon,
} from './attempt-classify.ts';

describe('outcomeOfUnanswered', () => {
  it.each<[FarEndOutcome, string]>([
    ['busy', 'busy'],
    ['no-answer', 'noAnswer'],
    ['congestion', 'congestion'],
    ['unallocated', 'unallocated'],
    ['invalid-number', 'unallocated'],
    ['unreachable', 'noAnswer'],
    ['answered-normal', 'noAnswer'],
    ['rejected', 'failed'],
    ['answered-elsewhere', 'failed'],
    ['failed', 'failed'],
    ['unknown', 'failed'],
  ])('%s → %s', (pbx, outcome) => expect(outcomeOfUnanswered(pbx)).toBe(outcome));
});

describe('outcomeOfAnswered', () => {
  it('machine wins over everything, then abandoned, else answered', () => {
    expect(outcomeOfAnswered({ amd: 'MACHINE', reachedAgent: false, abandoned: false })).toBe('machine');
    expect(outcomeOfAnswered({ amd: 'HUMAN', reachedAgent: false, abandoned: true })).toBe('abandoned');
    expect(outcomeOfAnswered({ amd: null, reachedAgent: true, abandoned: false })).toBe('answered');
    expect(outcomeOfAnswered({ amd: 'NOTSURE', reachedAgent: false, abandoned: false })).toBe('answered');
  });
});

describe('learnerResolution', () => {
  it('an abandoned call was still a live answer for the pacing model', () => {
    expect(learnerResolution('abandoned')).toBe('answered');
    expect(learnerResolution('unallocated')).toBe('failed');
    expect(learnerResolution('congestion')).toBe('failed');
    expect(learnerResolution('machine')).toBe('machine');
  });
});

describe('shouldAbandon', () => {
  it('abandons only after the 2 s grace without an agent', () => {
    expect(shouldAbandon({ liveSince: 0, agentConnected: false, now: 1_999 })).toBe(false);
    expect(shouldAbandon({ liveSince: 0, agentConnected: false, now: 2_000 })).toBe(true);
    expect(shouldAbandon({ liveSince: 0, agentConnected: true, now: 9_000 })).toBe(false);
  });
});
