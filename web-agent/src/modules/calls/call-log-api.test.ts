import { describe, expect, it } from 'vitest';
import { callLogQuery } from './call-log-api.ts';

describe('call log query', () => {
  it('sends only the filters that are set (0 is a bound, not empty)', () => {
    expect(callLogQuery({ agentId: '', direction: 'inbound', minTalkSec: 0, maxTalkSec: null, number: '+8613' })).toBe('?direction=inbound&minTalkSec=0&number=%2B8613');
    expect(callLogQuery({})).toBe('');
  });
});
