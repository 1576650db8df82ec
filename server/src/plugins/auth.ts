import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/catalog.ts';
import { decideAccess, type Access, type SessionUser } from '../modules/auth/guard.ts';
import { userForToken } from '../modules/auth/service.ts';
import { SESSION_COOKIE } from '../modules/auth/tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route with its access declaration, for the authorization-matrix test and audits. */
    routeCatalog: { method: string; url: string; access: Access }[];
    /** Resolves a raw session token (cookie value) to its user; socket.io uses it for the handshake. */
    resolveSession(token: string | undefined): Promise<SessionUser | null>;
  }
}

/** Routes outside /api (the console's static files, swagger UI assets) need no declaration. */
function needsDeclaration(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  // Fail at startup, not in production traffic: a route without an access declaration is a bug.
  const catalog: { method: string; url: string; access: Access }[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    if (!needsDeclaration(route.url)) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method.toString()} ${route.url} has no config.access declaration`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') catalog.push({ method, url: route.url, access });
  });

  app.decorate('resolveSession', async (token: string | undefined) => {
    if (!token) return null;
    return (await userForToken(app.db, token, new Date())) ?? null;
  });

  // onRequest, before body parsing and validation: an anonymous or forbidden caller learns nothing about
  // the route's schema and cannot make us parse a large body.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.user = await app.resolveSession(token);
      request.sessionToken = request.user ? token : null;
    }
    const decision = decideAccess(access, request.user);
    if (decision === 'unauthenticated') throw new AppError('RS_UNAUTHENTICATED');
    if (decision === 'forbidden') throw new AppError('RS_FORBIDDEN');
  });
});
