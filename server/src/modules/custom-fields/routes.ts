import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { CustomFieldCreateBody, CustomFieldDto, CustomFieldList, CustomFieldListQuery, CustomFieldUpdateBody } from '../../contracts/custom-fields.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { access } from '../auth/guard.ts';
import { listDefinitions } from './repository.ts';
import { createField, deleteField, toFieldDto, updateField } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const customFieldRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  // Every signed-in user reads definitions: forms and lists render custom fields from them.
  app.get(
    '/api/custom-fields',
    { config: { access: access.anyUser }, schema: { tags: ['custom-fields'], querystring: CustomFieldListQuery, response: { 200: CustomFieldList } } },
    async (req) => {
      const rows = await listDefinitions(app.db, req.query.entityType, !req.query.includeInactive);
      return { items: rows.map(toFieldDto) };
    },
  );

  app.post(
    '/api/custom-fields',
    { config: { access: access.roles('admin') }, schema: { tags: ['custom-fields'], body: CustomFieldCreateBody, response: { 201: CustomFieldDto, ...errors } } },
    async (req, reply) => reply.status(201).send(await createField(app.db, req.body, { userId: req.user!.id, ip: req.ip })),
  );

  app.patch(
    '/api/custom-fields/:id',
    { config: { access: access.roles('admin') }, schema: { tags: ['custom-fields'], params: IdParams, body: CustomFieldUpdateBody, response: { 200: CustomFieldDto, ...errors } } },
    async (req) => updateField(app.db, req.params.id, req.body, { userId: req.user!.id, ip: req.ip }),
  );

  app.delete(
    '/api/custom-fields/:id',
    { config: { access: access.roles('admin') }, schema: { tags: ['custom-fields'], params: IdParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody } } },
    async (req, reply) => {
      await deleteField(app.db, req.params.id, { userId: req.user!.id, ip: req.ip });
      return reply.status(204).send(null);
    },
  );
};
