import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { DocumentPage, QuoteCreateBody, QuoteDto, QuoteUpdateBody, SalesListQuery } from '../../contracts/sales.ts';
import { AppError } from '../../errors/catalog.ts';
import { actorOf } from '../activities/actor.ts';
import type { DataScope } from '../access/scope.ts';
import { access } from '../auth/guard.ts';
import { toQuoteDto } from '../orders/dto.ts';
import { createQuote, findVisibleQuote, listQuotes, updateQuote } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['quotes'];
const sales = { access: access.roles('admin', 'supervisor', 'sales') };

/** Quotations (S1) with server-computed totals. */
export const quoteRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  async function view(scope: DataScope, id: string) {
    const r = await findVisibleQuote(app.db, scope, id);
    if (!r) throw new AppError('RS_NOT_FOUND');
    return toQuoteDto(r.quote, r.lines);
  }

  app.get('/api/quotes', { config: sales, schema: { tags, querystring: SalesListQuery, response: { 200: DocumentPage, ...errors } } }, async (req) => {
    const { rows, total } = await listQuotes(app.db, (await actorOf(app, req)).scope, req.query);
    const items = rows.map((q) => ({ id: q.id, number: q.number, title: q.title, customerId: q.customerId, status: q.status, currency: q.currency, totalCents: q.totalCents, ownerId: q.ownerId, createdAt: q.createdAt.toISOString() }));
    return { items, total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/quotes', { config: sales, schema: { tags, body: QuoteCreateBody, response: { 201: QuoteDto, ...errors } } }, async (req, reply) => {
    const actor = await actorOf(app, req);
    const id = await createQuote(app.db, actor, req.body);
    return reply.status(201).send(await view(actor.scope, id));
  });

  app.get('/api/quotes/:id', { config: sales, schema: { tags, params: IdParams, response: { 200: QuoteDto, ...errors } } }, async (req) => view((await actorOf(app, req)).scope, req.params.id));

  app.patch('/api/quotes/:id', { config: sales, schema: { tags, params: IdParams, body: QuoteUpdateBody, response: { 200: QuoteDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    await updateQuote(app.db, actor, req.params.id, req.body);
    return view(actor.scope, req.params.id);
  });
};
