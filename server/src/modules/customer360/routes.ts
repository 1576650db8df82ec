import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { TimelineQuery } from '../../contracts/customers.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { scopeOf } from '../access/request-scope.ts';
import { CRM_USERS, IdParams } from '../customers/routes.ts';
import { customer360Scoped, timelinePage } from './service.ts';

// Sections are open-ended JSON rows built in SQL; their shape is the Customer360 type in service.ts,
// which the console imports as a type.
const AnyObject = Type.Record(Type.String(), Type.Unknown());

export const customer360Routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get(
    '/api/customers/:id/360',
    { config: { access: CRM_USERS }, schema: { tags: ['customers'], params: IdParams, response: { 200: AnyObject, 404: ErrorBody } } },
    async (req) => customer360Scoped(app.db, await scopeOf(app, req), req.params.id),
  );

  app.get(
    '/api/customers/:id/timeline',
    { config: { access: CRM_USERS }, schema: { tags: ['customers'], params: IdParams, querystring: TimelineQuery, response: { 200: AnyObject, 400: ErrorBody, 404: ErrorBody } } },
    async (req) => timelinePage(app.db, await scopeOf(app, req), req.params.id, req.query.limit, req.query.cursor),
  );
};
