import { describe, expect, it } from 'vitest';
import { generateSnippet } from './snippet.ts';

describe('web-form snippet', () => {
  const html = generateSnippet(
    { id: 'f1', fields: [{ key: 'name', label: '姓名 "x"', required: true }, { key: 'email', label: 'Email', required: false }, { key: 'notes', label: '留言', required: false }] },
    'https://crm.example/api/public/webforms/f1/submit',
    '提交',
  );

  it('has one input per field with the right type, plus a hidden honeypot', () => {
    expect(html).toContain('<input name="name" type="text" maxlength="500" required>');
    expect(html).toContain('<input name="email" type="email" maxlength="500">');
    expect(html).toContain('<textarea name="notes"');
    expect(html).toMatch(/aria-hidden="true"><input name="website"[^>]*tabindex="-1"/);
  });

  it('escapes labels and posts to the endpoint', () => {
    expect(html).toContain('姓名 &quot;x&quot;');
    expect(html).toContain('action="https://crm.example/api/public/webforms/f1/submit"');
    expect(html).toContain('data-rs-form="f1"');
  });
});
