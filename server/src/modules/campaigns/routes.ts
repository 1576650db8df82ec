import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import {
  CampaignCreateBody,
  CampaignDto,
  CampaignListQuery,
  CampaignPage,
  CampaignProgressDto,
  CampaignRecordPage,
  CampaignUpdateBody,
  DispositionBody,
  DispositionsBody,
  DispositionsDto,
  MyCampaignsDto,
  RecordListQuery,
} from '../../contracts/campaigns.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import { access } from '../auth/guard.ts';
import { campaignProgress } from './campaign-progress.ts';
import { loadDispositions } from './dialer-store.ts';
import { assignmentsOf, campaignsOfAgent, findVisibleCampaign, listCampaigns, listRecords, toCampaignDto, toRecordDto, type CampaignRow } from './repository.ts';
import { createCampaign, disposeRecord, replaceDispositions, transitionCampaign, updateCampaign, type Actor } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
export const managers = access.roles('admin', 'supervisor');
const tags = ['campaigns'];

export async function actorOf(app: FastifyInstance, req: FastifyRequest): Promise<Actor> {
  if (!req.user) throw new AppError('RS_UNAUTHENTICATED');
  return { user: req.user, scope: await scopeOf(app, req), ip: req.ip };
}

/** The campaign if the caller manages it (admin: any; supervisor: their teams'), else 404. */
export async function managedCampaign(app: FastifyInstance, req: FastifyRequest, id: string): Promise<CampaignRow> {
  const row = await findVisibleCampaign(app.db, await scopeOf(app, req), id);
  if (!row) throw new AppError('RS_NOT_FOUND');
  return row;
}

async function dtoOf(app: FastifyInstance, row: CampaignRow) {
  const a = await assignmentsOf(app.db, [row.id]);
  return toCampaignDto(row, a.get(row.id)!);
}

/** The dialer role's live figures when it runs in this process (engineer B's app.dialer). */
type DialerSnapshot = { snapshot(): unknown[] };

/** Campaign management (admin, supervisor of the campaign's team) and the agent's side (mine, dispositions). */
export const campaignRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get('/api/campaigns', { config: { access: managers }, schema: { tags, querystring: CampaignListQuery, response: { 200: CampaignPage, ...errors } } }, async (req) => {
    const { rows, total } = await listCampaigns(app.db, await scopeOf(app, req), req.query);
    const a = await assignmentsOf(
      app.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toCampaignDto(r, a.get(r.id)!)), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/campaigns', { config: { access: managers }, schema: { tags, body: CampaignCreateBody, response: { 201: CampaignDto, ...errors } } }, async (req, reply) => {
    const row = await createCampaign(app.db, await actorOf(app, req), req.body);
    return reply.status(201).send(await dtoOf(app, row));
  });

  // Static paths before /:id (find-my-way prefers them anyway; kept together for the reader).
  app.get('/api/campaigns/mine', { config: { access: access.anyUser }, schema: { tags, response: { 200: MyCampaignsDto, ...errors } } }, async (req) => {
    const rows = await campaignsOfAgent(app.db, req.user!.id, req.user!.teamId);
    const items = await Promise.all(
      rows.map(async (c) => ({ id: c.id, name: c.name, mode: c.mode, status: c.status, script: c.script, dispositions: await loadDispositions(app.db, c.id) })),
    );
    return { items };
  });

  app.get('/api/campaigns/live', { config: { access: managers }, schema: { tags, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors } } }, async (req) => {
    const dialer = (app as unknown as { dialer?: DialerSnapshot }).dialer;
    const all = (dialer?.snapshot() ?? []) as { campaignId: string }[];
    const scope = await scopeOf(app, req);
    if (scope.kind === 'all') return { items: all };
    const visible = await Promise.all(all.map(async (s) => ((await findVisibleCampaign(app.db, scope, s.campaignId)) ? s : null)));
    return { items: visible.filter((s) => s !== null) };
  });

  app.get('/api/campaigns/:id', { config: { access: managers }, schema: { tags, params: IdParams, response: { 200: CampaignDto, ...errors } } }, async (req) => {
    const row = await managedCampaign(app, req, req.params.id);
    return { ...(await dtoOf(app, row)), dispositions: await loadDispositions(app.db, row.id) };
  });

  app.put('/api/campaigns/:id', { config: { access: managers }, schema: { tags, params: IdParams, body: CampaignUpdateBody, response: { 200: CampaignDto, ...errors } } }, async (req) => {
    return dtoOf(app, await updateCampaign(app.db, await actorOf(app, req), req.params.id, req.body));
  });

  for (const action of ['start', 'pause', 'stop'] as const) {
    app.post(`/api/campaigns/:id/${action}`, { config: { access: managers }, schema: { tags, params: IdParams, response: { 200: CampaignDto, ...errors } } }, async (req) => {
      return dtoOf(app, await transitionCampaign(app.db, await actorOf(app, req), req.params.id, action));
    });
  }

  app.get(
    '/api/campaigns/:id/records',
    { config: { access: managers }, schema: { tags, params: IdParams, querystring: RecordListQuery, response: { 200: CampaignRecordPage, ...errors } } },
    async (req) => {
      const c = await managedCampaign(app, req, req.params.id);
      const { rows, total } = await listRecords(app.db, c.id, req.query);
      return { items: rows.map(toRecordDto), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get('/api/campaigns/:id/progress', { config: { access: managers }, schema: { tags, params: IdParams, response: { 200: CampaignProgressDto, ...errors } } }, async (req) => {
    const c = await managedCampaign(app, req, req.params.id);
    return campaignProgress(app.db, c.id, new Date());
  });

  app.get('/api/campaigns/:id/dispositions', { config: { access: managers }, schema: { tags, params: IdParams, response: { 200: DispositionsDto, ...errors } } }, async (req) => {
    const c = await managedCampaign(app, req, req.params.id);
    return { items: await loadDispositions(app.db, c.id) };
  });

  app.put(
    '/api/campaigns/:id/dispositions',
    { config: { access: managers }, schema: { tags, params: IdParams, body: DispositionsBody, response: { 200: DispositionsDto, ...errors } } },
    async (req) => {
      const c = await managedCampaign(app, req, req.params.id);
      await replaceDispositions(app.db, await actorOf(app, req), c.id, req.body.items);
      return { items: await loadDispositions(app.db, c.id) };
    },
  );

  app.post(
    '/api/campaign-records/:id/disposition',
    { config: { access: access.anyUser }, schema: { tags, params: IdParams, body: DispositionBody, } },
    async (req, reply) => {
      await disposeRecord(app.db, await actorOf(app, req), req.params.id, req.body, new Date());
      return reply.status(204).send();
    },
  );
};
