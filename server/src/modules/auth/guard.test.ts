import { describe, expect, it } from 'vitest';
import type { RoleName } from '../../db/schema/users.ts';
import { access, ALL_ROLES, decideAccess, type SessionUser } from './guard.ts';

const user = (...roles: RoleName[]): SessionUser => ({
  id: '00000000-0000-0000-0000-000000000001',
  username: 'u',
  displayName: 'U',
  roles,
  teamId: null,
  managerId: null,
  locale: 'zh-CN',
});

describe('decideAccess', () => {
  it('lets anyone through a public route, signed in or not', () => {
    expect(decideAccess(access.public, null)).toBe('allow');
    expect(decideAccess(access.public, user('agent'))).toBe('allow');
  });

  it('asks an anonymous caller of a protected route to sign in', () => {
    expect(decideAccess(access.anyUser, null)).toBe('unauthenticated');
    expect(decideAccess(access.roles('admin'), null)).toBe('unauthenticated');
  });

  it('allows exactly the listed roles, for every role × requirement pair', () => {
    for (const required of ALL_ROLES) {
      for (const held of ALL_ROLES) {
        expect(decideAccess(access.roles(required), user(held))).toBe(held === required ? 'allow' : 'forbidden');
      }
    }
  });

  it('allows a user holding any one of several accepted roles', () => {
    expect(decideAccess(access.roles('supervisor', 'admin'), user('agent', 'supervisor'))).toBe('allow');
  });

  it('forbids a signed-in user with no roles at all', () => {
    expect(decideAccess(access.anyUser, user())).toBe('forbidden');
  });
});
