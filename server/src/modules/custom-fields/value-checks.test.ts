import { describe, expect, it } from 'vitest';
import { checkValue, formatAutoNumber, isEmptyValue, type FieldRule } from './value-checks.ts';

const rule = (type: FieldRule['type'], extra: Partial<FieldRule> = {}): FieldRule => ({ type, options: [], settings: {}, ...extra });

describe('custom field value checks', () => {
  it('treats null, blank text and empty lists as empty', () => {
    expect([null, undefined, ' ', []].every(isEmptyValue)).toBe(true);
    expect(isEmptyValue(0)).toBe(false);
  });

  it('keeps HTML in text as typed', () => {
    expect(checkValue(rule('text'), '<b>hi</b>', 'CN')).toEqual({ ok: true, value: '<b>hi</b>' });
  });

  it('bounds numbers', () => {
    expect(checkValue(rule('number', { settings: { min: 1, max: 5 } }), 6, 'CN').ok).toBe(false);
    expect(checkValue(rule('number'), Number.NaN, 'CN').ok).toBe(false);
  });

  it('normalises phones with the default region', () => {
    expect(checkValue(rule('phone'), '020 7946 0958', 'GB')).toEqual({ ok: true, value: '+442079460958' });
  });

  it('never accepts a client value for auto-numbers and pads them', () => {
    expect(checkValue(rule('autonumber'), 'X', 'CN').ok).toBe(false);
    expect(formatAutoNumber(7, { prefix: 'CUS-' })).toBe('CUS-000007');
  });
});
