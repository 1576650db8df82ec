import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import {
  CustomerCreateBody,
  CustomerDto,
  CustomerListQuery,
  CustomerPage,
  CustomerUpdateBody,
} from '../../contracts/customers.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { scopeOf } from '../access/request-scope.ts';
import { access } from '../auth/guard.ts';
import { actorOf } from './actor.ts';
import { exportCustomersCsv } from './csv.ts';
import { toCustomerDto } from './dto.ts';
import { listCustomers } from './list.ts';
import { phonesOf } from './phones.ts';
import { createCustomer, deleteCustomer, getCustomer, updateCustomer } from './service.ts';

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['customers'];
/** Everyone working with customers: agents take their calls, sales own them, supervisors manage. */
export const CRM_USERS = access.anyUser;
const ExportQuery = Type.Omit(CustomerListQuery, ['page', 'pageSize']);

export const customerRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get(
    '/api/customers',
    {
      config: { access: CRM_USERS },
      schema: { tags, querystring: CustomerListQuery, response: { 200: CustomerPage, 400: ErrorBody } },
    },
    async (req) => {
      const { rows, total } = await listCustomers(app.db, await scopeOf(app, req), req.query, new Date());
      const phones = await phonesOf(
        app.db,
        'customer',
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => toCustomerDto(r, phones.get(r.id) ?? [])),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/api/customers/export.csv',
    { config: { access: CRM_USERS }, schema: { tags, querystring: ExportQuery } },
    async (req, reply) => {
      const csv = Readable.from(exportCustomersCsv(app.db, await scopeOf(app, req), req.query, new Date()));
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="customers-${new Date().toISOString().slice(0, 10)}.csv"`,
        )
        .send(csv);
    },
  );

  app.post(
    '/api/customers',
    {
      config: { access: CRM_USERS },
      schema: { tags, body: CustomerCreateBody, response: { 201: CustomerDto, ...errors } },
    },
    async (req, reply) =>
      reply.status(201).send(await createCustomer(app.db, req.body, await actorOf(app, req, config))),
  );

  app.get(
    '/api/customers/:id',
    {
      config: { access: CRM_USERS },
      schema: { tags, params: IdParams, response: { 200: CustomerDto, 404: ErrorBody } },
    },
    async (req) => getCustomer(app.db, await scopeOf(app, req), req.params.id),
  );

  app.patch(
    '/api/customers/:id',
    {
      config: { access: CRM_USERS },
      schema: { tags, params: IdParams, body: CustomerUpdateBody, response: { 200: CustomerDto, ...errors } },
    },
    async (req) => updateCustomer(app.db, req.params.id, req.body, await actorOf(app, req, config)),
  );

  // Agents handle calls but do not remove customers.
  app.delete(
    '/api/customers/:id',
    {
      config: { access: access.roles('admin', 'supervisor', 'sales') },
      schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      await deleteCustomer(app.db, req.params.id, await actorOf(app, req, config));
      return reply.status(204).send(null);
    },
  );
};
