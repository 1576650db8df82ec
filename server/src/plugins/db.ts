import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createDb, type Db, type DbHandle } from '../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    pg: DbHandle['sql'];
  }
}

export const dbPlugin = fp(async (app: FastifyInstance, opts: { url: string }) => {
  const handle = createDb(opts.url);
  app.decorate('db', handle.db);
  app.decorate('pg', handle.sql);
  app.addHook('onClose', () => handle.close());
});
