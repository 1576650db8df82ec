// The whole HTTP/socket application as one plugin-built instance. main.ts boots it for production;
// tests call build() and use app.inject, so both exercise exactly the same wiring.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config/index.ts';
import { dialerPlugin } from './modules/dialer/plugin.ts';
import { moduleRoutes } from './modules/index.ts';
import { authPlugin } from './plugins/auth.ts';
import { dbPlugin } from './plugins/db.ts';
import { errorHandlerPlugin } from './plugins/error-handler.ts';
import { pbxPlugin } from './plugins/pbx.ts';
import { queuesPlugin } from './plugins/queues.ts';
import { realtimePlugin } from './plugins/realtime.ts';
import { redisPlugin } from './plugins/redis.ts';

export interface BuildOptions {
  config: Config;
  logger?: FastifyServerOptions['logger'];
  /** Prefix for Redis keys (BullMQ queues, rate-limit counters); tests pass a unique one per app. */
  redisNamespace?: string;
}

export async function build({ config, logger, redisNamespace = 'ringside' }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.LOG_LEVEL },
    bodyLimit: 1024 * 1024,
    // Unknown properties are an error (additionalProperties: false), not silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    trustProxy: config.NODE_ENV === 'production' ? 'loopback' : false,
    // Clients quote this id when reporting a 500; it is in every log line of the request.
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(errorHandlerPlugin);
  await app.register(fastifyCookie);
  await app.register(dbPlugin, { url: config.DATABASE_URL });
  await app.register(redisPlugin, { url: config.REDIS_URL });
  await app.register(rateLimit, { global: false, redis: app.redis, nameSpace: `${redisNamespace}:ratelimit:` });
  await app.register(swagger, {
    openapi: { info: { title: 'Ringside API', version: '0.1.0' }, components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rs_session' } } } },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin);
  await app.register(realtimePlugin);
  await app.register(queuesPlugin, { redisUrl: config.REDIS_URL, runWorkers: config.roles.includes('worker'), prefix: redisNamespace });
  await app.register(pbxPlugin, { config });
  await app.register(dialerPlugin);

  for (const routes of moduleRoutes) await app.register(routes, { config });

  await registerConsole(app, config);
  return app;
}

/** Serves the built console; any non-API GET that asks for HTML gets index.html (history-mode routing). */
async function registerConsole(app: FastifyInstance, config: Config): Promise<void> {
  const dist = resolve(config.repoRoot, config.WEB_DIST);
  const hasConsole = existsSync(resolve(dist, 'index.html'));
  if (hasConsole) await app.register(fastifyStatic, { root: dist, index: false, wildcard: false, prefix: '/' });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/socket.io');
    if (hasConsole && !isApi && request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'RS_ROUTE_NOT_FOUND', message: `${request.method} ${request.url.split('?')[0]}: no such route` });
  });
}
