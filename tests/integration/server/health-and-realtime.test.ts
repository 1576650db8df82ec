import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
  await ts.createUser({ username: 'bob', password: 'pw-bob-123', roles: ['agent'] });
});
afterAll(() => ts.close());

async function loginCookie(): Promise<string> {
  const res = await fetch(`${ts.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bob', password: 'pw-bob-123' }),
  });
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

function connectSocket(cookie?: string): Socket {
  return connect(ts.url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
}

describe('GET /api/health', () => {
  it('reports PostgreSQL, Redis and the PBX as ok on the running stack', async () => {
    const res = await ts.app.inject({ method: 'GET', url: '/api/health' });
    const expectedPbx = ts.config.PBX_ENABLED ? 'ok' : 'disabled';
    expect(res.json()).toEqual({ status: 'ok', db: 'ok', redis: 'ok', pbx: expectedPbx });
    expect(res.statusCode).toBe(200);
  });

  it('reports the PBX down (503, degraded) when ARI does not answer', async () => {
    const broken = await startTestServer({ listen: false, overrides: { PBX_ENABLED: 'true', ARI_URL: 'http://127.0.0.1:9' } });
    try {
      const res = await broken.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'degraded', db: 'ok', redis: 'ok', pbx: 'down' });
    } finally {
      await broken.close();
    }
  });
});

describe('socket.io', () => {
  it('refuses a connection without a session', async () => {
    const socket = connectSocket();
    const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(err.message).toBe('RS_UNAUTHENTICATED');
    socket.close();
  });

  it('authenticates a connection by the session cookie and greets the user', async () => {
    const socket = connectSocket(await loginCookie());
    const ready = await new Promise<{ userId: string }>((resolve, reject) => {
      socket.once('session:ready', resolve);
      socket.once('connect_error', reject);
    });
    expect(ready.userId).toMatch(/^[0-9a-f-]{36}$/);
    socket.close();
  });
});

describe('route declarations', () => {
  it('every /api route declares who may call it', () => {
    const routes = ts.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/auth/login');
    // build() would have thrown on a route without config.access; a route added without one fails here first.
  });

  it('the OpenAPI document lists the auth and health routes', async () => {
    const res = await ts.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/me', '/api/health']));
  });
});
