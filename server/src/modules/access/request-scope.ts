import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/catalog.ts';
import { loadScope, scopeFromReach, type DataScope } from './scope.ts';

const cache = new WeakMap<FastifyRequest, Promise<DataScope>>();

/** The signed-in user's data scope, loaded at most once per request. */
export function scopeOf(app: FastifyInstance, request: FastifyRequest): Promise<DataScope> {
  if (!request.user) throw new AppError('RS_UNAUTHENTICATED');
  let p = cache.get(request);
  if (!p) {
    // The session query already read the reach for this request (auth/repository.ts findSessionUser).
    const { reach } = request.user;
    p = reach ? Promise.resolve(scopeFromReach(request.user, reach)) : loadScope(app.db, request.user);
    cache.set(request, p);
  }
  return p;
}
