import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis;
  }
}

export const redisPlugin = fp(async (app: FastifyInstance, opts: { url: string }) => {
  // maxRetriesPerRequest null: BullMQ requires it, and a blocked command is better than a lost job.
  const redis = new Redis(opts.url, { maxRetriesPerRequest: null, lazyConnect: false });
  redis.on('error', (err) => app.log.warn({ err: err.message }, 'redis error'));
  app.decorate('redis', redis);
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
});
