import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ActivityDto, LeadAssignBody, LeadCreateBody, LeadDto, LeadListQuery, LeadPage, LeadUpdateBody } from '../../contracts/leads.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import { access } from '../auth/guard.ts';
import { toLeadDto } from './dto.ts';
import { findVisibleLead, leadTimeline, listLeads, phonesOfLeads } from './repository.ts';
import { assignLead, createLead, updateLead, type Actor } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export async function actorOf(app: FastifyInstance, req: FastifyRequest, config: Config): Promise<Actor> {
  if (!req.user) throw new AppError('RS_UNAUTHENTICATED');
  return { user: req.user, scope: await scopeOf(app, req), ip: req.ip, region: config.PHONE_DEFAULT_REGION };
}

async function withPhones(app: FastifyInstance, row: Parameters<typeof toLeadDto>[0]) {
  const phones = await phonesOfLeads(app.db, [row.id]);
  return toLeadDto(row, phones.get(row.id) ?? []);
}

/** Manual leads (M3): create, edit, list with filters, detail with timeline, assign. */
export const leadRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get('/api/leads', { config: { access: access.anyUser }, schema: { tags: ['leads'], querystring: LeadListQuery, response: { 200: LeadPage, ...errors } } }, async (req) => {
    const { rows, total } = await listLeads(app.db, await scopeOf(app, req), req.query);
    const phones = await phonesOfLeads(app.db, rows.map((r) => r.id));
    return { items: rows.map((r) => toLeadDto(r, phones.get(r.id) ?? [])), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/leads', { config: { access: access.anyUser }, schema: { tags: ['leads'], body: LeadCreateBody, response: { 201: LeadDto, ...errors } } }, async (req, reply) => {
    const row = await createLead(app.db, await actorOf(app, req, config), req.body);
    return reply.status(201).send(await withPhones(app, row));
  });

  app.get('/api/leads/:id', { config: { access: access.anyUser }, schema: { tags: ['leads'], params: IdParams, response: { 200: LeadDto, ...errors } } }, async (req) => {
    const row = await findVisibleLead(app.db, await scopeOf(app, req), req.params.id);
    if (!row) throw new AppError('RS_NOT_FOUND');
    return withPhones(app, row);
  });

  app.patch('/api/leads/:id', { config: { access: access.anyUser }, schema: { tags: ['leads'], params: IdParams, body: LeadUpdateBody, response: { 200: LeadDto, ...errors } } }, async (req) => {
    const row = await updateLead(app.db, await actorOf(app, req, config), req.params.id, req.body);
    return withPhones(app, row);
  });

  app.post(
    '/api/leads/:id/assign',
    { config: { access: access.roles('admin', 'supervisor') }, schema: { tags: ['leads'], params: IdParams, body: LeadAssignBody, response: { 200: LeadDto, ...errors } } },
    async (req) => {
      const row = await assignLead(app.db, await actorOf(app, req, config), req.params.id, req.body.ownerId, req.body.teamId);
      return withPhones(app, row);
    },
  );

  app.get(
    '/api/leads/:id/activities',
    { config: { access: access.anyUser }, schema: { tags: ['leads'], params: IdParams, response: { 200: Type.Object({ items: Type.Array(ActivityDto) }), ...errors } } },
    async (req) => {
      const row = await findVisibleLead(app.db, await scopeOf(app, req), req.params.id);
      if (!row) throw new AppError('RS_NOT_FOUND');
      const items = await leadTimeline(app.db, row.id);
      return { items: items.map((a) => ({ ...a, occurredAt: a.occurredAt.toISOString() })) };
    },
  );
};
