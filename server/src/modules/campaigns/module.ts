import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../config/index.ts';
import { dncRoutes } from './dnc-routes.ts';
import { campaignImportRoutes } from './import-routes.ts';
import { campaignRoutes } from './routes.ts';

/** Outbound campaigns: management, DNC lists, list import. The import part keeps its raw-body parser to itself. */
export const campaignsModule: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, opts) => {
  await app.register(campaignRoutes, opts);
  await app.register(dncRoutes, opts);
  await app.register(campaignImportRoutes, opts);
};
