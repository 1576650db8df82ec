import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config/index.ts';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import type { Actor } from './service.ts';

/** Who is acting, with their data scope, address and phone region: what every CRM write needs. */
export async function actorOf(app: FastifyInstance, req: FastifyRequest, config: Config): Promise<Actor> {
  if (!req.user) throw new AppError('RS_UNAUTHENTICATED');
  return { user: req.user, scope: await scopeOf(app, req), ip: req.ip, region: config.PHONE_DEFAULT_REGION };
}
