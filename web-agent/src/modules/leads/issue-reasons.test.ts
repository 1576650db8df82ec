import { describe, expect, it } from 'vitest';
import { reasonKey } from './issue-reasons.ts';

describe('import issue reasons', () => {
  it('maps the server sentences to message keys with their argument', () => {
    expect(reasonKey('duplicate of row 12 in this file')).toEqual({ key: 'leadsPage.reasons.duplicateRow', arg: '12' });
    expect(reasonKey('matches an existing customer')).toEqual({ key: 'leadsPage.reasons.matchesExisting', arg: 'customer' });
    expect(reasonKey('not a valid phone number: 12')).toEqual({ key: 'leadsPage.reasons.badPhone', arg: '12' });
    expect(reasonKey('is not a defined field')).toBeUndefined();
  });
});
