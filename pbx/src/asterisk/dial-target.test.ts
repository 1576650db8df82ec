import { describe, expect, it } from 'vitest';
import { dialPlanFor, isDialAddress, isNumberAddressTemplate } from './dial-target.ts';

describe('isDialAddress', () => {
  it.each([
    'PJSIP/agent-7',
    'PJSIP/desk-12',
    'PJSIP/86200000930000@carrier',
    'Local/tone@ringside-test',
    'Local/answer@ringside-test/n',
  ])('accepts %s', (s) => expect(isDialAddress(s)).toBe(true));
  it.each([
    ['a newline (header/line injection)', 'PJSIP/agent-7\nChannel: x'],
    ['a carriage return', 'PJSIP/agent-7\r'],
    ['a tab', 'PJSIP/a\tb'],
    ['a NUL', 'PJSIP/a\u0000b'],
    ['a ";" (channel options, the ;2 half)', 'Local/s@ctx;2'],
    ['a config section', 'PJSIP/[section]'],
    ['a lone "["', 'PJSIP/a['],
    ['a "," (ARI list separator)', 'PJSIP/a,PJSIP/b'],
    ['an "&" (parallel dial)', 'PJSIP/a&PJSIP/b'],
    ['a space', 'PJSIP/a b'],
    ['another technology', 'SIP/agent-7'],
    ['a bare technology', 'PJSIP/'],
    ['lower-case technology', 'pjsip/agent-7'],
    ['500 characters', `PJSIP/${'a'.repeat(494)}`],
    ['121 characters', `PJSIP/${'a'.repeat(115)}`],
    ['empty', ''],
  ])('refuses %s', (_what, s) => expect(isDialAddress(s)).toBe(false));
  it('accepts exactly 120 characters and refuses non-strings', () => {
    expect(isDialAddress(`PJSIP/${'a'.repeat(114)}`)).toBe(true);
    expect(isDialAddress(undefined)).toBe(false);
    expect(isDialAddress(42)).toBe(false);
  });
});

describe('dialPlanFor', () => {
  it("dials an agent's own endpoint and offers opus before ulaw (WebRTC)", () => {
    expect(dialPlanFor({ kind: 'agent', userId: '0b7c2a3e-1f00-4a5b-9c1d-2e3f4a5b6c7d' }, undefined)).toEqual(
      {
        endpoint: 'PJSIP/agent-0b7c2a3e-1f00-4a5b-9c1d-2e3f4a5b6c7d',
        formats: ['opus', 'ulaw'],
      },
    );
  });
  it("keeps the caller's formats when given", () => {
    expect(dialPlanFor({ kind: 'agent', userId: 'u1' }, ['ulaw']).formats).toEqual(['ulaw']);
  });
  it('dials a number through a named trunk without the "+"', () => {
    expect(dialPlanFor({ kind: 'number', number: '+8613800138000', trunk: 'carrier' }, undefined)).toEqual({
      endpoint: 'PJSIP/8613800138000@carrier',
      formats: undefined,
    });
  });
  it("dials a number without a trunk through the dialplan's outbound routing, or the configured template", () => {
    expect(dialPlanFor({ kind: 'number', number: '+8613800138000' }, undefined).endpoint).toBe(
      'Local/+8613800138000@ringside-outbound',
    );
    expect(
      dialPlanFor({ kind: 'number', number: '13800138000' }, undefined, 'Local/tone@ringside-test').endpoint,
    ).toBe('Local/tone@ringside-test');
    expect(
      dialPlanFor({ kind: 'number', number: '13800138000' }, undefined, 'PJSIP/{number}@gw').endpoint,
    ).toBe('PJSIP/13800138000@gw');
  });
  it('dials a configured address as given; a PJSIP one is offered opus too, a Local one keeps its defaults', () => {
    expect(dialPlanFor({ kind: 'address', address: 'PJSIP/desk-12' }, undefined)).toEqual({
      endpoint: 'PJSIP/desk-12',
      formats: ['opus', 'ulaw'],
    });
    expect(dialPlanFor({ kind: 'address', address: 'Local/tone@ringside-test' }, undefined)).toEqual({
      endpoint: 'Local/tone@ringside-test',
      formats: undefined,
    });
  });
  it.each([
    [{ kind: 'address', address: 'Local/s@ctx;2' }],
    [{ kind: 'address', address: 'PJSIP/a\nb' }],
    [{ kind: 'agent', userId: '7;x' }],
    [{ kind: 'agent', userId: '' }],
    [{ kind: 'number', number: '138 0013' }],
    [{ kind: 'number', number: '1380@evil' }],
    [{ kind: 'number', number: '13800138000', trunk: 'car rier' }],
    [{ kind: 'number', number: '13800138000', trunk: '' }],
  ] as const)('refuses %j with PbxError invalid, before anything is dialed', (target) => {
    expect(() => dialPlanFor(target, undefined)).toThrow(
      expect.objectContaining({ code: 'invalid', command: 'originate' }),
    );
  });
});

describe('isNumberAddressTemplate', () => {
  it('checks the address a number would give', () => {
    expect(isNumberAddressTemplate('Local/{number}@ringside-outbound')).toBe(true);
    expect(isNumberAddressTemplate('Local/tone@ringside-test')).toBe(true);
    expect(isNumberAddressTemplate('Local/{number}@out;2')).toBe(false);
    expect(isNumberAddressTemplate('{number}')).toBe(false);
  });
});
