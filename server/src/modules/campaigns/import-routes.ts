import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, eq, ne } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import {
  CampaignImportCommitBody,
  CampaignImportDto,
  CampaignImportIssueDto,
  CampaignImportPreview,
  CampaignImportUploadQuery,
  FromQueryBody,
  FromQueryResult,
} from '../../contracts/campaigns.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { campaignImports } from '../../db/schema/campaigns.ts';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import { writeAudit } from '../audit/service.ts';
import { previewTable } from '../leads/import/table-offload.ts';
import { acceptFileUploads, UPLOAD_BODY_LIMIT } from '../leads/import/upload.ts';
import { addRecordsFromQuery } from './from-query.ts';
import { suggestCampaignMapping, type ImportRow } from './list-import.ts';
import { managedCampaign, managers } from './routes.ts';

const tags = ['campaigns'];
const errors = {
  400: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
};
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const BatchParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  batchId: Type.String({ format: 'uuid' }),
});

function toDto(b: ImportRow) {
  return {
    id: b.id,
    campaignId: b.campaignId,
    filename: b.filename,
    encoding: b.encoding,
    status: b.status,
    totalRows: b.totalRows,
    processedRows: b.processedRows,
    importedRows: b.importedRows,
    duplicateRows: b.duplicateRows,
    skippedRows: b.skippedRows,
    dncRows: b.dncRows,
    errorRows: b.errorRows,
    failure: b.failure,
    errors: b.errors,
    durationMs: b.durationMs,
  };
}

/**
 * List import: raw file upload → preview with a suggested mapping → commit (a job) → progress and per-row
 * errors. And records from a CRM query within the caller's data scope.
 */
export const campaignImportRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (
  app,
  { config },
) => {
  // Encapsulated: only this plugin's routes take raw file bodies.
  acceptFileUploads(app);

  async function batchOf(campaignId: string, batchId: string): Promise<ImportRow> {
    const [b] = await app.db
      .select()
      .from(campaignImports)
      .where(and(eq(campaignImports.id, batchId), eq(campaignImports.campaignId, campaignId)));
    if (!b) throw new AppError('RS_NOT_FOUND');
    return b;
  }

  app.post(
    '/api/campaigns/:id/imports',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { access: managers },
      schema: {
        tags,
        params: IdParams,
        querystring: CampaignImportUploadQuery,
        response: { 201: CampaignImportPreview, ...errors },
      },
    },
    async (req, reply) => {
      const c = await managedCampaign(app, req, req.params.id);
      if (!Buffer.isBuffer(req.body))
        throw new AppError(
          'RS_UNSUPPORTED_MEDIA_TYPE',
          'Send the file as the raw body (text/csv or an .xlsx content type)',
        );
      const buf = req.body;
      if (!buf.length)
        throw new AppError('RS_VALIDATION', undefined, [{ path: 'file', message: 'the file is empty' }]);
      // Read in a parse worker (header, samples, count, hash): the event loop never parses a file.
      const table = await previewTable(buf, req.query.filename);
      const { fileHash } = table;
      const [batch] = await app.db
        .insert(campaignImports)
        .values({
          campaignId: c.id,
          filename: req.query.filename,
          fileHash,
          encoding: table.encoding,
          content: buf,
          totalRows: table.totalRows,
          createdBy: req.user!.id,
        })
        .returning();
      const [previous] = await app.db
        .select({ id: campaignImports.id })
        .from(campaignImports)
        .where(
          and(
            eq(campaignImports.campaignId, c.id),
            eq(campaignImports.fileHash, fileHash),
            eq(campaignImports.status, 'done'),
            ne(campaignImports.id, batch!.id),
          ),
        )
        .orderBy(desc(campaignImports.createdAt))
        .limit(1);
      return reply.status(201).send({
        batchId: batch!.id,
        filename: req.query.filename,
        encoding: table.encoding,
        headers: table.headers,
        sampleRows: table.sampleRows,
        totalRows: table.totalRows,
        suggestedMapping: suggestCampaignMapping(table.headers),
        previousBatchId: previous?.id ?? null,
      });
    },
  );

  app.post(
    '/api/campaigns/:id/imports/:batchId/commit',
    {
      config: { access: managers },
      schema: {
        tags,
        params: BatchParams,
        body: CampaignImportCommitBody,
        response: { 202: CampaignImportDto, ...errors },
      },
    },
    async (req, reply) => {
      const c = await managedCampaign(app, req, req.params.id);
      const targets = Object.values(req.body.mapping);
      const details: { path: string; message: string }[] = [];
      if (!targets.includes('phone'))
        details.push({ path: '/mapping', message: 'a column must map to phone' });
      for (const t of new Set(targets))
        if (targets.filter((x) => x === t).length > 1)
          details.push({ path: '/mapping', message: `${t} is mapped more than once` });
      if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
      const batch = await batchOf(c.id, req.params.batchId);
      if (batch.status === 'previewed') {
        await app.db
          .update(campaignImports)
          .set({ status: 'running', mapping: req.body.mapping })
          .where(eq(campaignImports.id, batch.id));
        await writeAudit(app.db, {
          actorUserId: req.user!.id,
          action: 'campaign.import',
          entityType: 'campaign',
          entityId: c.id,
          details: { batchId: batch.id, filename: batch.filename },
          ip: req.ip,
        });
      }
      await app.jobs.enqueue(
        'campaigns.import',
        { importId: batch.id, region: config.PHONE_DEFAULT_REGION },
        { jobId: batch.id },
      );
      return reply.status(202).send(toDto(await batchOf(c.id, batch.id)));
    },
  );

  app.get(
    '/api/campaigns/:id/imports/:batchId',
    {
      config: { access: managers },
      schema: { tags, params: BatchParams, response: { 200: CampaignImportDto, ...errors } },
    },
    async (req) => {
      const c = await managedCampaign(app, req, req.params.id);
      return toDto(await batchOf(c.id, req.params.batchId));
    },
  );

  app.get(
    '/api/campaigns/:id/imports/:batchId/issues',
    {
      config: { access: managers },
      schema: {
        tags,
        params: BatchParams,
        response: { 200: Type.Object({ items: Type.Array(CampaignImportIssueDto) }), ...errors },
      },
    },
    async (req) => {
      const c = await managedCampaign(app, req, req.params.id);
      const b = await batchOf(c.id, req.params.batchId);
      return {
        items: b.errors.map((e) => ({ rowNumber: e.row, kind: 'error', field: e.field, reason: e.reason })),
      };
    },
  );

  app.post(
    '/api/campaigns/:id/records/from-query',
    {
      config: { access: managers },
      schema: { tags, params: IdParams, body: FromQueryBody, response: { 200: FromQueryResult, ...errors } },
    },
    async (req) => {
      const c = await managedCampaign(app, req, req.params.id);
      const result = await addRecordsFromQuery(
        app.db,
        await scopeOf(app, req),
        c.id,
        req.body,
        config.PHONE_DEFAULT_REGION,
      );
      await writeAudit(app.db, {
        actorUserId: req.user!.id,
        action: 'campaign.from-query',
        entityType: 'campaign',
        entityId: c.id,
        details: { source: req.body.source, ...result },
        ip: req.ip,
      });
      return result;
    },
  );
};
