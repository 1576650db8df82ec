import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

let ts: TestServer;

function cookieFrom(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? String(raw[0]) : String(raw);
  return first.split(';')[0]!;
}

async function auditCount(action: string): Promise<number> {
  const rows = await ts.app.pg`select count(*)::int as n from audit_log where action = ${action}`;
  return rows[0]!.n as number;
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  await ts.createUser({ username: 'alice', password: 'correct horse', roles: ['agent'], displayName: '王小丽' });
  await ts.createUser({ username: 'root', password: 'admin pass 1', roles: ['admin'] });
});
afterAll(() => ts.close());

describe('login', () => {
  it('signs in with the right password, sets an httpOnly cookie and answers /me', async () => {
    const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: 'correct horse' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'alice', displayName: '王小丽', roles: ['agent'], locale: 'zh-CN' });
    expect(String(res.headers['set-cookie'])).toMatch(/rs_session=.+HttpOnly/i);
    const me = await ts.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieFrom(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('alice');
  });

  it('rejects a wrong password with RS_INVALID_CREDENTIALS, creates no session and audits the attempt', async () => {
    const before = await ts.app.pg`select count(*)::int as n from sessions`;
    const failedBefore = await auditCount('auth.login_failed');
    const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'RS_INVALID_CREDENTIALS', message: expect.any(String) });
    expect(res.headers['set-cookie']).toBeUndefined();
    const after = await ts.app.pg`select count(*)::int as n from sessions`;
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await auditCount('auth.login_failed')).toBe(failedBefore + 1);
  });

  it('gives an unknown user the same answer as a wrong password', async () => {
    const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'mallory', password: 'x' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('RS_INVALID_CREDENTIALS');
  });

  it('logs out: the old cookie no longer works', async () => {
    const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: 'correct horse' } });
    const cookie = cookieFrom(res);
    const out = await ts.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await ts.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('RS_UNAUTHENTICATED');
  });

  it('answers /me without a cookie with RS_UNAUTHENTICATED', async () => {
    const me = await ts.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('RS_UNAUTHENTICATED');
  });
});

describe('bad input', () => {
  it('reports a missing field per path and writes nothing', async () => {
    const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'RS_VALIDATION', details: [{ path: 'password' }] });
  });

  it('rejects malformed JSON with RS_BAD_JSON and no stack trace', async () => {
    const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "alice",' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('RS_BAD_JSON');
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('rejects an oversized body with RS_PAYLOAD_TOO_LARGE', async () => {
    const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('RS_PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API route with RS_ROUTE_NOT_FOUND', async () => {
    const res = await ts.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('RS_ROUTE_NOT_FOUND');
  });

  it('rejects unknown properties rather than ignoring them silently', async () => {
    const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: 'correct horse', admin: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('RS_VALIDATION');
  });
});

describe('brute force', () => {
  it('rate-limits login attempts per client address with RS_RATE_LIMITED', async () => {
    const limited = await startTestServer({ listen: false, overrides: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().code).toBe('RS_RATE_LIMITED');
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
