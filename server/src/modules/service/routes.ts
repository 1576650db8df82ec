import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import {
  DispatchBody, FeedbackBody, ServiceAssignBody, ServiceCreateBody, ServiceDetailDto, ServiceListQuery, ServicePage, ServiceStatusBody, ServiceUpdateBody,
} from '../../contracts/service.ts';
import { AppError } from '../../errors/catalog.ts';
import { actorOf } from '../activities/actor.ts';
import { scheduleReminder } from '../activities/reminders.ts';
import type { DataScope } from '../access/scope.ts';
import { access } from '../auth/guard.ts';
import { toDetailDto, toServiceDto } from './dto.ts';
import { addDispatch, addFeedback } from './records.ts';
import { findVisibleRequest, listRequests, requestParts } from './repository.ts';
import { assignRequest, changeStatus, createRequest, updateRequest } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['service'];
/** Service is everyone's work (agents take requests on the phone); assignment is a manager's. */
const anyone = { access: access.anyUser };
const managers = { access: access.roles('admin', 'supervisor') };

export const serviceRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  async function detail(scope: DataScope, id: string) {
    const r = await findVisibleRequest(app.db, scope, id);
    if (!r) throw new AppError('RS_NOT_FOUND');
    return toDetailDto(r, await requestParts(app.db, id));
  }

  app.get('/api/service-requests', { config: anyone, schema: { tags, querystring: ServiceListQuery, response: { 200: ServicePage, ...errors } } }, async (req) => {
    const { rows, total } = await listRequests(app.db, (await actorOf(app, req)).scope, req.query);
    return { items: rows.map(toServiceDto), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/service-requests', { config: anyone, schema: { tags, body: ServiceCreateBody, response: { 201: ServiceDetailDto, ...errors } } }, async (req, reply) => {
    const actor = await actorOf(app, req);
    const row = await createRequest(app.db, actor, req.body);
    await scheduleReminder(app, 'service_request', row.id, row.remindAt);
    return reply.status(201).send(await detail(actor.scope, row.id));
  });

  app.get('/api/service-requests/:id', { config: anyone, schema: { tags, params: IdParams, response: { 200: ServiceDetailDto, ...errors } } }, async (req) =>
    detail((await actorOf(app, req)).scope, req.params.id),
  );

  app.patch('/api/service-requests/:id', { config: anyone, schema: { tags, params: IdParams, body: ServiceUpdateBody, response: { 200: ServiceDetailDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    const { row, previousRemindAt } = await updateRequest(app.db, actor, req.params.id, req.body);
    if (req.body.remindAt !== undefined) await scheduleReminder(app, 'service_request', row.id, row.isOpen ? row.remindAt : null, previousRemindAt);
    return detail(actor.scope, req.params.id);
  });

  app.post('/api/service-requests/:id/status', { config: anyone, schema: { tags, params: IdParams, body: ServiceStatusBody, response: { 200: ServiceDetailDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    await changeStatus(app.db, actor, req.params.id, req.body);
    return detail(actor.scope, req.params.id);
  });

  app.post('/api/service-requests/:id/assign', { config: managers, schema: { tags, params: IdParams, body: ServiceAssignBody, response: { 200: ServiceDetailDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    await assignRequest(app.db, actor, req.params.id, req.body);
    return detail(actor.scope, req.params.id);
  });

  app.post('/api/service-requests/:id/dispatches', { config: anyone, schema: { tags, params: IdParams, body: DispatchBody, response: { 201: ServiceDetailDto, ...errors } } }, async (req, reply) => {
    const actor = await actorOf(app, req);
    await addDispatch(app.db, actor, req.params.id, req.body);
    return reply.status(201).send(await detail(actor.scope, req.params.id));
  });

  app.post('/api/service-requests/:id/feedback', { config: anyone, schema: { tags, params: IdParams, body: FeedbackBody, response: { 201: ServiceDetailDto, ...errors } } }, async (req, reply) => {
    const actor = await actorOf(app, req);
    await addFeedback(app.db, actor, req.params.id, req.body);
    return reply.status(201).send(await detail(actor.scope, req.params.id));
  });
};
