import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { DncAddBody, DncDto, DncListQuery, DncPage } from '../../contracts/campaigns.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { access } from '../auth/guard.ts';
import { addDnc, dncE164, listDnc, removeDnc, type DncRow } from './dnc.ts';
import { managedCampaign, managers } from './routes.ts';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['campaigns'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PhoneParams = Type.Object({ phone: Type.String({ minLength: 3, maxLength: 40 }) });
const IdPhoneParams = Type.Object({ id: Type.String({ format: 'uuid' }), phone: Type.String({ minLength: 3, maxLength: 40 }) });

const toDto = (r: DncRow) => ({ id: r.id, campaignId: r.campaignId, phoneE164: r.phoneE164, reason: r.reason, addedBy: r.addedBy, createdAt: r.createdAt.toISOString() });

/**
 * The global DNC list (admins change it; supervisors read it) and each campaign's own list (its managers).
 * DELETE takes the number in the path, in any format (it is normalised like the list entries).
 */
export const dncRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const region = config.PHONE_DEFAULT_REGION;

  app.get('/api/dnc', { config: { access: managers }, schema: { tags, querystring: DncListQuery, response: { 200: DncPage, ...errors } } }, async (req) => {
    const { rows, total } = await listDnc(app.db, null, req.query);
    return { items: rows.map(toDto), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/dnc', { config: { access: access.roles('admin') }, schema: { tags, body: DncAddBody, response: { 201: DncDto, ...errors } } }, async (req, reply) => {
    const row = await addDnc(app.db, null, dncE164(req.body.phone, region), req.body.reason ?? null, req.user!.id);
    await writeAudit(app.db, { actorUserId: req.user!.id, action: 'dnc.add', entityType: 'dnc', entityId: row.phoneE164, ip: req.ip });
    return reply.status(201).send(toDto(row));
  });

  app.delete('/api/dnc/:phone', { config: { access: access.roles('admin') }, schema: { tags, params: PhoneParams, } }, async (req, reply) => {
    const phone = dncE164(req.params.phone, region);
    if (!(await removeDnc(app.db, null, phone))) throw new AppError('RS_NOT_FOUND');
    await writeAudit(app.db, { actorUserId: req.user!.id, action: 'dnc.remove', entityType: 'dnc', entityId: phone, ip: req.ip });
    return reply.status(204).send();
  });

  app.get('/api/campaigns/:id/dnc', { config: { access: managers }, schema: { tags, params: IdParams, querystring: DncListQuery, response: { 200: DncPage, ...errors } } }, async (req) => {
    const c = await managedCampaign(app, req, req.params.id);
    const { rows, total } = await listDnc(app.db, c.id, req.query);
    return { items: rows.map(toDto), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/campaigns/:id/dnc', { config: { access: managers }, schema: { tags, params: IdParams, body: DncAddBody, response: { 201: DncDto, ...errors } } }, async (req, reply) => {
    const c = await managedCampaign(app, req, req.params.id);
    const row = await addDnc(app.db, c.id, dncE164(req.body.phone, region), req.body.reason ?? null, req.user!.id);
    await writeAudit(app.db, { actorUserId: req.user!.id, action: 'dnc.add', entityType: 'campaign', entityId: c.id, details: { phone: row.phoneE164 }, ip: req.ip });
    return reply.status(201).send(toDto(row));
  });

  app.delete(
    '/api/campaigns/:id/dnc/:phone',
    { config: { access: managers }, schema: { tags, params: IdPhoneParams, } },
    async (req, reply) => {
      const c = await managedCampaign(app, req, req.params.id);
      const phone = dncE164(req.params.phone, region);
      if (!(await removeDnc(app.db, c.id, phone))) throw new AppError('RS_NOT_FOUND');
      await writeAudit(app.db, { actorUserId: req.user!.id, action: 'dnc.remove', entityType: 'campaign', entityId: c.id, details: { phone }, ip: req.ip });
      return reply.status(204).send();
    },
  );
};
