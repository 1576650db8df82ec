import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect.ts';

describe('post-login redirect', () => {
  it('keeps an in-app path with its query', () => {
    expect(safeRedirect('/customers?page=2')).toBe('/customers?page=2');
  });

  it('refuses other origins, protocol-relative and backslash tricks', () => {
    expect(safeRedirect('https://evil.example/')).toBeNull();
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
  });

  it('ignores missing values and a redirect back to the login page', () => {
    expect(safeRedirect(undefined)).toBeNull();
    expect(safeRedirect(null)).toBeNull();
    expect(safeRedirect('/login')).toBeNull();
  });

  it('takes the first of repeated query values', () => {
    expect(safeRedirect(['/leads', '/admin'])).toBe('/leads');
  });
});
