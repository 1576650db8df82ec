import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ShareBody, ShareDto, ShareList, TransferBody } from '../../contracts/customers.ts';
import { actorOf } from '../customers/actor.ts';
import { CRM_USERS, errors, IdParams } from '../customers/routes.ts';
import { listShares, shareCustomer, transferCustomer, unshareCustomer } from './service.ts';

const ShareParams = Type.Object({ id: Type.String({ format: 'uuid' }), shareId: Type.String({ format: 'uuid' }) });
const tags = ['sharing'];

/**
 * Explicit sharing and ownership transfer (C15). Any role may call; the service answers 403 unless the
 * caller owns the customer, manages its owner or team, or is an admin (404 if they cannot even see it).
 */
export const sharingRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get('/api/customers/:id/shares', { config: { access: CRM_USERS }, schema: { tags, params: IdParams, response: { 200: ShareList, ...errors } } }, async (req) => ({
    items: await listShares(app.db, req.params.id, await actorOf(app, req, config)),
  }));

  app.post('/api/customers/:id/shares', { config: { access: CRM_USERS }, schema: { tags, params: IdParams, body: ShareBody, response: { 201: ShareDto, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await shareCustomer(app.db, req.params.id, req.body, await actorOf(app, req, config))),
  );

  app.delete('/api/customers/:id/shares/:shareId', { config: { access: CRM_USERS }, schema: { tags, params: ShareParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await unshareCustomer(app.db, req.params.id, req.params.shareId, await actorOf(app, req, config));
    return reply.status(204).send(null);
  });

  app.post('/api/customers/:id/transfer', { config: { access: CRM_USERS }, schema: { tags, params: IdParams, body: TransferBody, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await transferCustomer(app.db, req.params.id, req.body, await actorOf(app, req, config));
    return reply.status(204).send(null);
  });
};
