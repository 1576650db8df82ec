import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/catalog.ts';
import { loadScope, type DataScope } from './scope.ts';

const cache = new WeakMap<FastifyRequest, Promise<DataScope>>();

/** The signed-in user's data scope, loaded at most once per request. */
export function scopeOf(app: FastifyInstance, request: FastifyRequest): Promise<DataScope> {
  if (!request.user) throw new AppError('RS_UNAUTHENTICATED');
  let p = cache.get(request);
  if (!p) {
    p = loadScope(app.db, request.user);
    cache.set(request, p);
  }
  return p;
}
