import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { access } from '../modules/auth/guard.ts';
import { authPlugin } from './auth.ts';
import { errorHandlerPlugin } from './error-handler.ts';

async function appWith(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  await app.register(errorHandlerPlugin);
  await app.register(fastifyCookie);
  await app.register(authPlugin);
  register(app);
  return app;
}

describe('auth plugin', () => {
  it('refuses to start when an /api route has no access declaration', async () => {
    await expect(
      appWith((app) => {
        app.get('/api/forgotten', async () => ({}));
      }),
    ).rejects.toThrow(/no config.access declaration/);
  });

  it('answers a protected route without a cookie with 401 RS_UNAUTHENTICATED', async () => {
    const app = await appWith((app) => {
      app.get('/api/secret', { config: { access: access.roles('admin') } }, async () => ({ ok: true }));
    });
    const res = await app.inject({ method: 'GET', url: '/api/secret' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('RS_UNAUTHENTICATED');
  });

  it('does not require a declaration outside /api (console assets)', async () => {
    const app = await appWith((app) => {
      app.get('/assets/x.js', async () => 'x');
    });
    expect((await app.inject({ method: 'GET', url: '/assets/x.js' })).statusCode).toBe(200);
  });
});
