import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROLES } from '../../../server/src/modules/auth/guard.ts';
import type { RoleName } from '../../../server/src/db/schema/users.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { POLICY, type Who } from './policy.ts';

let ts: TestServer;
const cookies = {} as Record<RoleName, string>;

function declared(access: { public: true } | { roles: readonly RoleName[] }): Who {
  if ('public' in access) return 'public';
  return [...access.roles].sort().join() === [...ALL_ROLES].sort().join() ? 'any' : [...access.roles].sort();
}

function allows(who: Who, role: RoleName): boolean {
  return who === 'public' || who === 'any' || who.includes(role);
}

/** A concrete URL for a route pattern: every :param becomes a random uuid (no record behind it). */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z_]+/g, () => randomUUID()).replace(/\*$/, 'x');
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  for (const role of ALL_ROLES) {
    await ts.createUser({ username: `m-${role}`, password: `pw-${role}-123`, roles: [role] });
    const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `m-${role}`, password: `pw-${role}-123` } });
    cookies[role] = String(res.headers['set-cookie']).split(';')[0]!;
  }
});
afterAll(() => ts.close());

describe('authorization matrix', () => {
  it('covers every /api route, and lists none that does not exist', () => {
    const routes = ts.app.routeCatalog.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in POLICY)), 'routes missing from tests/integration/authz/policy.ts').toEqual([]);
    expect(Object.keys(POLICY).filter((r) => !routes.includes(r)), 'policy entries for routes that no longer exist').toEqual([]);
  });

  it('declares on every route exactly the access the reviewed policy gives it', () => {
    const mismatches = ts.app.routeCatalog
      .filter((r) => JSON.stringify(declared(r.access)) !== JSON.stringify(POLICY[`${r.method} ${r.url}`]))
      .map((r) => `${r.method} ${r.url}: declares ${JSON.stringify(declared(r.access))}`);
    expect(mismatches).toEqual([]);
  });

  it('enforces it: every route × every role, and anonymous callers', async () => {
    const failures: string[] = [];
    // Logging out would end the sessions the rest of the matrix uses; it is public and tested in auth.test.ts.
    for (const route of ts.app.routeCatalog.filter((r) => r.url !== '/api/auth/logout')) {
      const who = POLICY[`${route.method} ${route.url}`]!;
      const url = concrete(route.url);
      const anonymous = await ts.app.inject({ method: route.method as 'GET', url, payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      if (who !== 'public' && anonymous.statusCode !== 401) failures.push(`anonymous ${route.method} ${route.url} → ${anonymous.statusCode}`);
      for (const role of ALL_ROLES) {
        const res = await ts.app.inject({
          method: route.method as 'GET',
          url,
          headers: { cookie: cookies[role] },
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const denied = res.statusCode === 403;
        if (allows(who, role) === denied) failures.push(`${role} ${route.method} ${route.url} → ${res.statusCode}`);
        if (res.statusCode >= 500) failures.push(`${role} ${route.method} ${route.url} → ${res.statusCode} (server error on a bare request)`);
      }
    }
    expect(failures).toEqual([]);
  });
});
