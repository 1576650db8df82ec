import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import type { DataScope } from '../access/scope.ts';
import type { SessionUser } from '../auth/guard.ts';

/** Who is acting: the CRM sales/service modules take this instead of the request. */
export interface Actor {
  user: SessionUser;
  scope: DataScope;
  ip: string | null;
}

export async function actorOf(app: FastifyInstance, req: FastifyRequest): Promise<Actor> {
  if (!req.user) throw new AppError('RS_UNAUTHENTICATED');
  return { user: req.user, scope: await scopeOf(app, req), ip: req.ip };
}

export const isManager = (u: SessionUser) => u.roles.includes('admin') || u.roles.includes('supervisor');

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
