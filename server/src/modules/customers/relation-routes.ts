import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { RelationCreateBody, RelationDto, RelationList, SavedQueryBody, SavedQueryDto, SavedQueryList, SavedQueryUpdateBody } from '../../contracts/customers.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import { actorOf } from './actor.ts';
import { addRelation, listRelations, removeRelation } from './relations.ts';
import { findCustomer } from './repository.ts';
import { CRM_USERS, errors, IdParams } from './routes.ts';
import { createSavedQuery, deleteSavedQuery, listSavedQueries, updateSavedQuery } from './saved-queries.ts';

const RelationParams = Type.Object({ id: Type.String({ format: 'uuid' }), relationId: Type.String({ format: 'uuid' }) });

/** Customer↔customer relations (C18) and each user's saved list queries. */
export const customerRelationRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const tags = ['customers'];
  app.get('/api/customers/:id/relations', { config: { access: CRM_USERS }, schema: { tags, params: IdParams, response: { 200: RelationList, 404: ErrorBody } } }, async (req) => {
    const scope = await scopeOf(app, req);
    if (!(await findCustomer(app.db, scope, req.params.id))) throw new AppError('RS_NOT_FOUND');
    return { items: await listRelations(app.db, scope, req.params.id) };
  });

  app.post('/api/customers/:id/relations', { config: { access: CRM_USERS }, schema: { tags, params: IdParams, body: RelationCreateBody, response: { 201: RelationDto, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await addRelation(app.db, req.params.id, req.body, await actorOf(app, req, config))),
  );

  app.delete('/api/customers/:id/relations/:relationId', { config: { access: CRM_USERS }, schema: { tags, params: RelationParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await removeRelation(app.db, req.params.id, req.params.relationId, await actorOf(app, req, config));
    return reply.status(204).send(null);
  });

  const sqTags = ['saved-queries'];
  const SqQuery = Type.Object({ entityType: Type.Optional(Type.String({ maxLength: 30 })) }, { additionalProperties: false });
  app.get('/api/saved-queries', { config: { access: CRM_USERS }, schema: { tags: sqTags, querystring: SqQuery, response: { 200: SavedQueryList } } }, async (req) => ({
    items: await listSavedQueries(app.db, req.user!.id, req.query.entityType),
  }));
  app.post('/api/saved-queries', { config: { access: CRM_USERS }, schema: { tags: sqTags, body: SavedQueryBody, response: { 201: SavedQueryDto, 400: ErrorBody } } }, async (req, reply) =>
    reply.status(201).send(await createSavedQuery(app.db, req.user!.id, req.body)),
  );
  app.patch('/api/saved-queries/:id', { config: { access: CRM_USERS }, schema: { tags: sqTags, params: IdParams, body: SavedQueryUpdateBody, response: { 200: SavedQueryDto, ...errors } } }, async (req) =>
    updateSavedQuery(app.db, req.user!.id, req.params.id, req.body),
  );
  app.delete('/api/saved-queries/:id', { config: { access: CRM_USERS }, schema: { tags: sqTags, params: IdParams, response: { 204: Type.Null(), 404: ErrorBody } } }, async (req, reply) => {
    await deleteSavedQuery(app.db, req.user!.id, req.params.id);
    return reply.status(204).send(null);
  });
};
