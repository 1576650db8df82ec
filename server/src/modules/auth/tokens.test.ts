import { describe, expect, it } from 'vitest';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { hashToken, newSessionToken } from './tokens.ts';

describe('session tokens', () => {
  it('are 256-bit URL-safe strings, different every time', () => {
    const a = newSessionToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionToken()).not.toBe(a);
  });

  it('are stored only as a SHA-256 hex digest', () => {
    const t = newSessionToken();
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).not.toContain(t);
  });
});

describe('passwords', () => {
  it('hash with argon2id and verify only the right password', async () => {
    const h = await hashPassword('密码 correct');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, '密码 correct')).toBe(true);
    expect(await verifyPassword(h, '密码 wrong')).toBe(false);
  });

  it('treat a malformed stored hash as a failed login, not an exception', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('keep a dummy hash for unknown usernames so timing reveals nothing', async () => {
    expect(await verifyPassword(await dummyPasswordHash(), 'anything')).toBe(false);
  });
});
