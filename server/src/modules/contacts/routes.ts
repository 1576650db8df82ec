import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ContactCreateBody, ContactDto, ContactList, ContactUpdateBody } from '../../contracts/customers.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { access } from '../auth/guard.ts';
import { actorOf } from '../customers/actor.ts';
import { CRM_USERS, errors, IdParams } from '../customers/routes.ts';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './service.ts';

const tags = ['contacts'];

/** Contacts live under a customer (list/create) and are addressed by their own id afterwards. */
export const contactRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get('/api/customers/:id/contacts', { config: { access: CRM_USERS }, schema: { tags, params: IdParams, response: { 200: ContactList, 404: ErrorBody } } }, async (req) => ({
    items: await listContacts(app.db, req.params.id, await actorOf(app, req, config)),
  }));

  app.post('/api/customers/:id/contacts', { config: { access: CRM_USERS }, schema: { tags, params: IdParams, body: ContactCreateBody, response: { 201: ContactDto, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createContact(app.db, req.params.id, req.body, await actorOf(app, req, config))),
  );

  app.get('/api/contacts/:id', { config: { access: CRM_USERS }, schema: { tags, params: IdParams, response: { 200: ContactDto, 404: ErrorBody } } }, async (req) =>
    getContact(app.db, req.params.id, await actorOf(app, req, config)),
  );

  app.patch('/api/contacts/:id', { config: { access: CRM_USERS }, schema: { tags, params: IdParams, body: ContactUpdateBody, response: { 200: ContactDto, ...errors } } }, async (req) =>
    updateContact(app.db, req.params.id, req.body, await actorOf(app, req, config)),
  );

  app.delete('/api/contacts/:id', { config: { access: access.roles('admin', 'supervisor', 'sales') }, schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await deleteContact(app.db, req.params.id, await actorOf(app, req, config));
    return reply.status(204).send(null);
  });
};
