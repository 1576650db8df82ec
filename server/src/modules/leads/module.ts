import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../config/index.ts';
import { leadConversionRoutes } from './conversion/routes.ts';
import { leadImportRoutes } from './import/routes.ts';
import { leadRoutes } from './routes.ts';
import { webformPublicRoutes } from './webform/public-routes.ts';
import { webformRoutes } from './webform/routes.ts';

/**
 * The leads area as one plugin. Each part is its own encapsulated child so its content-type parsers
 * (raw files for import, urlencoded for the public form) and hooks (CORS) stay on its own routes.
 */
export const leadsModule: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, opts) => {
  await app.register(leadRoutes, opts);
  await app.register(leadImportRoutes, opts);
  await app.register(webformRoutes, opts);
  await app.register(webformPublicRoutes, opts);
  await app.register(leadConversionRoutes, opts);
};
