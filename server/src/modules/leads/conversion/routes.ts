import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../../config/index.ts';
import { ErrorBody } from '../../../contracts/errors.ts';
import { ConversionMappingBody, ConvertBody, ConvertResult } from '../../../contracts/leads.ts';
import { access } from '../../auth/guard.ts';
import { writeAudit } from '../../audit/service.ts';
import { actorOf } from '../routes.ts';
import { convertLead } from './convert.ts';
import { loadMapping, replaceMapping } from './mapping.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Lead conversion (M9, M10) and the admin's custom-field mapping for it (M11). */
export const leadConversionRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.post(
    '/api/leads/:id/convert',
    { config: { access: access.roles('admin', 'supervisor', 'sales') }, schema: { tags: ['leads'], params: IdParams, body: ConvertBody, response: { 200: ConvertResult, ...errors } } },
    async (req) => convertLead(app.db, await actorOf(app, req, config), req.params.id, req.body),
  );

  app.get(
    '/api/leads/conversion-mapping',
    { config: { access: access.roles('admin') }, schema: { tags: ['leads'], response: { 200: ConversionMappingBody, ...errors } } },
    async () => ({ items: await loadMapping(app.db) }),
  );

  app.put(
    '/api/leads/conversion-mapping',
    { config: { access: access.roles('admin') }, schema: { tags: ['leads'], body: ConversionMappingBody, response: { 200: ConversionMappingBody, ...errors } } },
    async (req) => {
      await app.db.transaction(async (tx) => {
        await replaceMapping(tx, req.body.items);
        await writeAudit(tx, { actorUserId: req.user!.id, action: 'lead_mapping.replace', entityType: 'lead_conversion_mapping', details: { count: req.body.items.length }, ip: req.ip });
      });
      return { items: await loadMapping(app.db) };
    },
  );
};
