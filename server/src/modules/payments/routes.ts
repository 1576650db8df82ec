import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { InstallmentPlanBody, OrderDto, PaymentCreateBody, ReceivablesDto } from '../../contracts/sales.ts';
import { actorOf } from '../activities/actor.ts';
import { requireVisible } from '../activities/links.ts';
import { AppError } from '../../errors/catalog.ts';
import { access } from '../auth/guard.ts';
import { orderView } from '../orders/routes.ts';
import { receivables, recordPayment, replaceInstallments } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ReceivablesQuery = Type.Object({ today: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['payments'];
const sales = { access: access.roles('admin', 'supervisor', 'sales') };

/** Payment plan, received payments (S23) and receivables per customer. */
export const paymentRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.put('/api/orders/:id/installments', { config: sales, schema: { tags, params: IdParams, body: InstallmentPlanBody, response: { 200: OrderDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    await replaceInstallments(app.db, actor, req.params.id, req.body);
    return orderView(app, actor.scope, req.params.id);
  });

  app.post('/api/orders/:id/payments', { config: sales, schema: { tags, params: IdParams, body: PaymentCreateBody, response: { 201: OrderDto, ...errors } } }, async (req, reply) => {
    const actor = await actorOf(app, req);
    await recordPayment(app.db, actor, req.params.id, req.body);
    return reply.status(201).send(await orderView(app, actor.scope, req.params.id));
  });

  app.get('/api/customers/:id/receivables', { config: sales, schema: { tags, params: IdParams, querystring: ReceivablesQuery, response: { 200: ReceivablesDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    try {
      await requireVisible(app.db, actor.scope, 'customer', req.params.id, 'id');
    } catch {
      throw new AppError('RS_NOT_FOUND');
    }
    return receivables(app.db, actor.scope, req.params.id, req.query.today ?? new Date().toISOString().slice(0, 10));
  });
};
