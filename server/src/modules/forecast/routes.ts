import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../config/index.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { ForecastDto, ForecastQuery, FunnelDto, FunnelQuery } from '../../contracts/opportunities.ts';
import { AppError } from '../../errors/catalog.ts';
import { actorOf } from '../activities/actor.ts';
import { access } from '../auth/guard.ts';
import { defaultPipelineId, getPipeline } from '../pipelines/repository.ts';
import { forecastRows, funnelRows } from './repository.ts';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['forecast'];
const sales = { access: access.roles('admin', 'supervisor', 'sales') };

/** Funnel forecast (S7, S11, S14) over the caller's data scope: a rep sees their own, a manager their teams. */
export const forecastRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get('/api/forecast', { config: sales, schema: { tags, querystring: ForecastQuery, response: { 200: ForecastDto, ...errors } } }, async (req) => {
    const q = req.query;
    if (q.from && q.to && q.from > q.to) throw new AppError('RS_VALIDATION', undefined, [{ path: 'to', message: 'must not be before from' }]);
    const scope = (await actorOf(app, req)).scope;
    const [rows, totals] = await Promise.all([forecastRows(app.db, scope, q), forecastRows(app.db, scope, q, false)]);
    return { period: q.period, groupBy: q.groupBy, rows, totals: totals.map(({ groupId: _g, groupName: _n, ...t }) => t) };
  });

  app.get('/api/forecast/funnel', { config: sales, schema: { tags, querystring: FunnelQuery, response: { 200: FunnelDto, ...errors } } }, async (req) => {
    const scope = (await actorOf(app, req)).scope;
    const pipelineId = req.query.pipelineId ?? (await defaultPipelineId(app.db));
    if (!(await getPipeline(app.db, pipelineId))) throw new AppError('RS_NOT_FOUND');
    const stages = await funnelRows(app.db, scope, pipelineId, req.query);
    return { pipelineId, stages, totalWeightedCents: stages.reduce((a, s) => a + s.weightedCents, 0) };
  });
};
