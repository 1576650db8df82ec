import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { access } from '../auth/guard.ts';
import { checkDb, checkPbx, checkRedis } from './checks.ts';

const State = Type.Union([Type.Literal('ok'), Type.Literal('down'), Type.Literal('disabled')]);
const Health = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]), db: State, redis: State, pbx: State });

export const healthRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get(
    '/api/health',
    { config: { access: access.public }, schema: { tags: ['system'], response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const [db, redis, pbx] = await Promise.all([checkDb(app), checkRedis(app), checkPbx(config)]);
      const healthy = db === 'ok' && redis === 'ok' && pbx !== 'down';
      return reply.status(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'degraded', db, redis, pbx });
    },
  );
};
