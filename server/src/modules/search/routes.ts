import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../config/index.ts';
import { PhoneLookupQuery, PhoneLookupResult } from '../../contracts/customers.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { SearchQuery, SearchResult } from '../../contracts/search.ts';
import { scopeOf } from '../access/request-scope.ts';
import { access } from '../auth/guard.ts';
import { lookupKey } from '../phones/normalize.ts';
import { lookupByNumberScoped } from './phone-lookup.ts';
import { search } from './service.ts';

export const searchRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get(
    '/api/phones/lookup',
    { config: { access: access.anyUser }, schema: { tags: ['search'], querystring: PhoneLookupQuery, response: { 200: PhoneLookupResult, 400: ErrorBody } } },
    async (req) => {
      const e164 = lookupKey(req.query.number, config.PHONE_DEFAULT_REGION);
      const matches = e164 ? await lookupByNumberScoped(app.db, await scopeOf(app, req), e164) : [];
      return { e164, matches };
    },
  );

  app.get(
    '/api/search',
    { config: { access: access.anyUser }, schema: { tags: ['search'], querystring: SearchQuery, response: { 200: SearchResult, 400: ErrorBody } } },
    async (req) => search(app.db, await scopeOf(app, req), req.query.q, config.PHONE_DEFAULT_REGION, req.query.limit),
  );
};
