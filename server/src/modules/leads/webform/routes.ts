import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../../config/index.ts';
import { ErrorBody } from '../../../contracts/errors.ts';
import { WebformBody, WebformDto, WebformSnippet } from '../../../contracts/leads.ts';
import { AppError } from '../../../errors/catalog.ts';
import { access } from '../../auth/guard.ts';
import { writeAudit } from '../../audit/service.ts';
import { resolveOwner } from '../service.ts';
import { findWebform, insertWebform, listWebforms, toWebformDto, updateWebform } from './repository.ts';
import { generateSnippet } from './snippet.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const SnippetQuery = Type.Object({ locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])) }, { additionalProperties: false });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const managers = access.roles('admin', 'supervisor');

export const publicEndpoint = (origin: string, id: string) => `${origin}/api/public/webforms/${id}/submit`;

/** Web-form definitions and the HTML code generator (M6, M7); company-wide settings, so admins and supervisors. */
export const webformRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  const checkOwner = async (b: { targetOwnerId?: string | null }) => {
    if (b.targetOwnerId) await resolveOwner(app.db, b.targetOwnerId, 'targetOwnerId');
  };

  app.get('/api/leads/webforms', { config: { access: managers }, schema: { tags: ['leads'], response: { 200: Type.Object({ items: Type.Array(WebformDto) }), ...errors } } }, async () => ({
    items: (await listWebforms(app.db)).map(toWebformDto),
  }));

  app.post('/api/leads/webforms', { config: { access: managers }, schema: { tags: ['leads'], body: WebformBody, response: { 201: WebformDto, ...errors } } }, async (req, reply) => {
    await checkOwner(req.body);
    const row = await insertWebform(app.db, req.body, req.user!.id);
    await writeAudit(app.db, { actorUserId: req.user!.id, action: 'webform.create', entityType: 'webform', entityId: row.id, ip: req.ip });
    return reply.status(201).send(toWebformDto(row));
  });

  app.put('/api/leads/webforms/:id', { config: { access: managers }, schema: { tags: ['leads'], params: IdParams, body: WebformBody, response: { 200: WebformDto, ...errors } } }, async (req) => {
    await checkOwner(req.body);
    const row = await updateWebform(app.db, req.params.id, req.body);
    if (!row) throw new AppError('RS_NOT_FOUND');
    await writeAudit(app.db, { actorUserId: req.user!.id, action: 'webform.update', entityType: 'webform', entityId: row.id, ip: req.ip });
    return toWebformDto(row);
  });

  app.get(
    '/api/leads/webforms/:id/snippet',
    { config: { access: managers }, schema: { tags: ['leads'], params: IdParams, querystring: SnippetQuery, response: { 200: WebformSnippet, ...errors } } },
    async (req) => {
      const row = await findWebform(app.db, req.params.id);
      if (!row) throw new AppError('RS_NOT_FOUND');
      const endpoint = publicEndpoint(`${req.protocol}://${req.host}`, row.id);
      return { endpoint, html: generateSnippet(row, endpoint, req.query.locale === 'en' ? 'Submit' : '提交') };
    },
  );
};
