import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { DocumentPage, OrderCreateBody, OrderDto, OrderStatusBody, OrderUpdateBody, SalesListQuery } from '../../contracts/sales.ts';
import { AppError } from '../../errors/catalog.ts';
import { actorOf } from '../activities/actor.ts';
import type { DataScope } from '../access/scope.ts';
import { access } from '../auth/guard.ts';
import { toOrderDto } from './dto.ts';
import { findVisibleOrder, listOrders, orderParts } from './repository.ts';
import { changeOrderStatus, createOrder, updateOrder } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['orders'];
const sales = { access: access.roles('admin', 'supervisor', 'sales') };

export async function orderView(app: FastifyInstance, scope: DataScope, id: string) {
  const o = await findVisibleOrder(app.db, scope, id);
  if (!o) throw new AppError('RS_NOT_FOUND');
  return toOrderDto(o, await orderParts(app.db, id));
}

/** Contracts / orders (S21, S22) with status history. */
export const orderRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get('/api/orders', { config: sales, schema: { tags, querystring: SalesListQuery, response: { 200: DocumentPage, ...errors } } }, async (req) => {
    const { rows, total } = await listOrders(app.db, (await actorOf(app, req)).scope, req.query);
    const items = rows.map((o) => ({ id: o.id, number: o.number, title: o.title, customerId: o.customerId, status: o.status, currency: o.currency, totalCents: o.totalCents, paidCents: o.paidCents, ownerId: o.ownerId, createdAt: o.createdAt.toISOString() }));
    return { items, total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/orders', { config: sales, schema: { tags, body: OrderCreateBody, response: { 201: OrderDto, ...errors } } }, async (req, reply) => {
    const actor = await actorOf(app, req);
    const id = await createOrder(app.db, actor, req.body);
    return reply.status(201).send(await orderView(app, actor.scope, id));
  });

  app.get('/api/orders/:id', { config: sales, schema: { tags, params: IdParams, response: { 200: OrderDto, ...errors } } }, async (req) => orderView(app, (await actorOf(app, req)).scope, req.params.id));

  app.patch('/api/orders/:id', { config: sales, schema: { tags, params: IdParams, body: OrderUpdateBody, response: { 200: OrderDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    await updateOrder(app.db, actor, req.params.id, req.body);
    return orderView(app, actor.scope, req.params.id);
  });

  app.post('/api/orders/:id/status', { config: sales, schema: { tags, params: IdParams, body: OrderStatusBody, response: { 200: OrderDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    await changeOrderStatus(app.db, actor, req.params.id, req.body);
    return orderView(app, actor.scope, req.params.id);
  });
};
