import { describe, expect, it } from 'vitest';
import { assertConfigSafe, renderTemplate } from './template.ts';
import { fillText } from './sounds.ts';

describe('renderTemplate', () => {
  it('fills placeholders and leaves Asterisk ${} syntax alone', () => {
    expect(renderTemplate('a={{x}} b=${EXTEN} c={{y}}', { x: 1, y: 'z' })).toBe('a=1 b=${EXTEN} c=z');
  });
  it('throws on a placeholder without a value', () => {
    expect(() => renderTemplate('{{missing}}', {})).toThrow(/missing/);
  });
});

describe('assertConfigSafe', () => {
  it('accepts a plain password', () => expect(() => assertConfigSafe('p', 'aB3-x_y.z')).not.toThrow());
  it.each(['', ' a', 'a;b', 'a\nb', '[x]'])('rejects %j', (v) => expect(() => assertConfigSafe('p', v)).toThrow());
});

describe('fillText', () => {
  it('replaces prompt placeholders', () => expect(fillText('this is {company}', { company: 'Acme' })).toBe('this is Acme'));
  it('throws on unknown placeholders', () => expect(() => fillText('{nope}', {})).toThrow(/nope/));
});
