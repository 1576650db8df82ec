import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../config/index.ts';
import { LoginBody, UserEnvelope } from '../../contracts/auth.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { AppError } from '../../errors/catalog.ts';
import { access } from './guard.ts';
import { login, logout, toUserDto } from './service.ts';
import { SESSION_COOKIE } from './tokens.ts';

export const authRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.post(
    '/api/auth/login',
    {
      config: {
        access: access.public,
        // Brute force: a handful of tries per minute per client address, counted in Redis across processes.
        rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: UserEnvelope, 401: ErrorBody } },
    },
    async (req, reply) => {
      const result = await login(app.db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        ttlHours: config.SESSION_TTL_HOURS,
        now: new Date(),
      });
      void reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        expires: result.expiresAt,
      });
      return { user: toUserDto(result.user) };
    },
  );

  app.post('/api/auth/logout', { config: { access: access.public }, schema: { tags: ['auth'] } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(app.db, token, req.user, req.ip);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get(
    '/api/auth/me',
    { config: { access: access.anyUser }, schema: { tags: ['auth'], response: { 200: UserEnvelope, 401: ErrorBody } } },
    async (req) => {
      if (!req.user) throw new AppError('RS_UNAUTHENTICATED');
      return { user: toUserDto(req.user) };
    },
  );
};
