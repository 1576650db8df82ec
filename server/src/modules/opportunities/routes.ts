import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import {
  OpportunityCreateBody, OpportunityDetail, OpportunityDto, OpportunityListQuery, OpportunityMoveBody, OpportunityPage, OpportunityUpdateBody,
} from '../../contracts/opportunities.ts';
import { AppError } from '../../errors/catalog.ts';
import { actorOf } from '../activities/actor.ts';
import type { DataScope } from '../access/scope.ts';
import { access } from '../auth/guard.ts';
import { toHistoryDto, toOpportunityDto } from './dto.ts';
import { findVisibleOpportunity, listOpportunities, stageHistory } from './repository.ts';
import { createOpportunity, moveOpportunity, updateOpportunity } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['opportunities'];
/** Opportunities are sales work: sales reps, their supervisors and admins. */
const sales = { access: access.roles('admin', 'supervisor', 'sales') };

export const opportunityRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  async function view(scope: DataScope, id: string) {
    const o = await findVisibleOpportunity(app.db, scope, id);
    if (!o) throw new AppError('RS_NOT_FOUND');
    return toOpportunityDto(o);
  }

  app.get('/api/opportunities', { config: sales, schema: { tags, querystring: OpportunityListQuery, response: { 200: OpportunityPage, ...errors } } }, async (req) => {
    const { rows, total } = await listOpportunities(app.db, (await actorOf(app, req)).scope, req.query);
    return { items: rows.map(toOpportunityDto), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/opportunities', { config: sales, schema: { tags, body: OpportunityCreateBody, response: { 201: OpportunityDto, ...errors } } }, async (req, reply) => {
    const actor = await actorOf(app, req);
    const row = await createOpportunity(app.db, actor, req.body);
    return reply.status(201).send(await view(actor.scope, row.id));
  });

  app.get('/api/opportunities/:id', { config: sales, schema: { tags, params: IdParams, response: { 200: OpportunityDetail, ...errors } } }, async (req) => {
    const opportunity = await view((await actorOf(app, req)).scope, req.params.id);
    const history = await stageHistory(app.db, opportunity.id);
    return { opportunity, history: history.map(toHistoryDto) };
  });

  app.patch('/api/opportunities/:id', { config: sales, schema: { tags, params: IdParams, body: OpportunityUpdateBody, response: { 200: OpportunityDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    await updateOpportunity(app.db, actor, req.params.id, req.body);
    return view(actor.scope, req.params.id);
  });

  /** Kanban drag: a stage change with the version the card was rendered from. */
  app.patch('/api/opportunities/:id/stage', { config: sales, schema: { tags, params: IdParams, body: OpportunityMoveBody, response: { 200: OpportunityDto, ...errors } } }, async (req) => {
    const actor = await actorOf(app, req);
    await moveOpportunity(app.db, actor, req.params.id, req.body);
    return view(actor.scope, req.params.id);
  });
};
