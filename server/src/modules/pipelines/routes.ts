import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, eq, ne, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { PipelineCreateBody, PipelineDto, PipelineUpdateBody, StageCreateBody, StageUpdateBody } from '../../contracts/opportunities.ts';
import { pipelineStages, pipelines } from '../../db/schema/opportunities.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { access } from '../auth/guard.ts';
import { getPipeline, listPipelines } from './repository.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const StageParams = Type.Object({ id: Type.String({ format: 'uuid' }), stageId: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['pipelines'];
/** The sales manager sets the process and its fixed win rates (S7); everyone may read it. */
const manage = { access: access.roles('admin', 'supervisor') };

export const pipelineRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get('/api/pipelines', { config: { access: access.anyUser }, schema: { tags, response: { 200: Type.Object({ items: Type.Array(PipelineDto) }) } } }, async () => ({
    items: await listPipelines(app.db),
  }));

  app.post('/api/pipelines', { config: manage, schema: { tags, body: PipelineCreateBody, response: { 201: PipelineDto, ...errors } } }, async (req, reply) => {
    const b = req.body;
    const id = await app.db.transaction(async (tx) => {
      if (b.isDefault) await tx.update(pipelines).set({ isDefault: false });
      const [p] = await tx.insert(pipelines).values({ name: b.name, isDefault: b.isDefault ?? false }).returning();
      await tx.insert(pipelineStages).values(b.stages.map((s, i) => ({ pipelineId: p!.id, name: s.name, winRate: s.winRate, kind: s.kind ?? 'open', position: s.position ?? i })));
      await writeAudit(tx, { actorUserId: req.user!.id, action: 'pipeline.create', entityType: 'pipeline', entityId: p!.id, ip: req.ip });
      return p!.id;
    });
    return reply.status(201).send((await getPipeline(app.db, id))!);
  });

  app.patch('/api/pipelines/:id', { config: manage, schema: { tags, params: IdParams, body: PipelineUpdateBody, response: { 200: PipelineDto, ...errors } } }, async (req) => {
    await app.db.transaction(async (tx) => {
      const [p] = await tx.update(pipelines).set({ ...req.body, updatedAt: new Date() }).where(eq(pipelines.id, req.params.id)).returning();
      if (!p) throw new AppError('RS_NOT_FOUND');
      if (req.body.isDefault) await tx.update(pipelines).set({ isDefault: false }).where(ne(pipelines.id, p.id));
      await writeAudit(tx, { actorUserId: req.user!.id, action: 'pipeline.update', entityType: 'pipeline', entityId: p.id, details: req.body, ip: req.ip });
    });
    return (await getPipeline(app.db, req.params.id))!;
  });

  app.post('/api/pipelines/:id/stages', { config: manage, schema: { tags, params: IdParams, body: StageCreateBody, response: { 201: PipelineDto, ...errors } } }, async (req, reply) => {
    const current = await getPipeline(app.db, req.params.id);
    if (!current) throw new AppError('RS_NOT_FOUND');
    const b = req.body;
    await app.db.transaction(async (tx) => {
      const [s] = await tx.insert(pipelineStages).values({ pipelineId: current.id, name: b.name, winRate: b.winRate, kind: b.kind ?? 'open', position: b.position ?? current.stages.length }).returning();
      await writeAudit(tx, { actorUserId: req.user!.id, action: 'pipeline.stage.create', entityType: 'pipeline_stage', entityId: s!.id, details: { ...b }, ip: req.ip });
    });
    return reply.status(201).send((await getPipeline(app.db, current.id))!);
  });

  app.patch('/api/pipelines/:id/stages/:stageId', { config: manage, schema: { tags, params: StageParams, body: StageUpdateBody, response: { 200: PipelineDto, ...errors } } }, async (req) => {
    await app.db.transaction(async (tx) => {
      const [s] = await tx
        .update(pipelineStages)
        .set({ ...req.body, updatedAt: new Date() })
        .where(and(eq(pipelineStages.id, req.params.stageId), eq(pipelineStages.pipelineId, req.params.id)))
        .returning();
      if (!s) throw new AppError('RS_NOT_FOUND');
      // The status of opportunities already in the stage follows its kind.
      if (req.body.kind) await tx.execute(sqlStatusFollow(s.id, req.body.kind));
      await writeAudit(tx, { actorUserId: req.user!.id, action: 'pipeline.stage.update', entityType: 'pipeline_stage', entityId: s.id, details: { ...req.body }, ip: req.ip });
    });
    return (await getPipeline(app.db, req.params.id))!;
  });
};

const sqlStatusFollow = (stageId: string, kind: string) => sql`update opportunities set status = ${kind} where stage_id = ${stageId}::uuid`;
