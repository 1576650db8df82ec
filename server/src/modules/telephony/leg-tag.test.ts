import { describe, expect, it } from 'vitest';
import { decodeLegTag, encodeLegTag, type LegTag } from './leg-tag.ts';

const id = '0b6f7a52-5d4e-4c61-9d1a-2f8c3e7b9a10';
const tags: LegTag[] = [
  { kind: 'caller', callId: id },
  { kind: 'agentLeg', callId: id, agentId: 'a1' },
  { kind: 'consultLeg', callId: id, agentId: null },
  { kind: 'consultLeg', callId: id, agentId: 'a2' },
  { kind: 'dialAgent', callId: id, agentId: 'a3' },
  { kind: 'dialOut', callId: id },
  { kind: 'dialer', callId: id, campaignId: 'c1', recordId: 'r1' },
  { kind: 'supervisor', callId: id, supervisorId: 's1' },
  { kind: 'snoop', callId: id, supervisorId: 's1' },
];

describe('leg tags', () => {
  it.each(tags)('a %s tag decodes to what was encoded', (tag) => {
    expect(decodeLegTag(encodeLegTag(tag))).toEqual(tag);
  });

  it('a tag is short and carries its version', () => {
    expect(encodeLegTag({ kind: 'agentLeg', callId: id, agentId: 'a1' })).toBe(`v1|agentLeg|${id}|a1`);
  });

  it('anything that is not a tag of this version decodes to null', () => {
    for (const raw of [
      undefined,
      '',
      'v2|caller|x',
      'v1|nope|x',
      'v1|caller',
      'v1|caller|x|y',
      'v1|agentLeg|x|',
      'v1|caller|a;b',
      `v1|caller|${id}\n`,
    ])
      expect(decodeLegTag(raw)).toBeNull();
  });

  it('refuses to encode a field that would break the separator or the variable syntax', () => {
    expect(() => encodeLegTag({ kind: 'caller', callId: 'a|b' })).toThrow();
    expect(() => encodeLegTag({ kind: 'agentLeg', callId: id, agentId: 'x,y' })).toThrow();
  });
});
