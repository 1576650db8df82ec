import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../../config/index.ts';
import { ErrorBody } from '../../../contracts/errors.ts';
import { ImportBatchDto, ImportCommitBody, ImportIssueDto, ImportPreview, ImportUploadQuery } from '../../../contracts/leads.ts';
import { AppError } from '../../../errors/catalog.ts';
import { scopeOf } from '../../access/request-scope.ts';
import { access } from '../../auth/guard.ts';
import { toCsv } from './csv-export.ts';
import { findVisibleBatch, listIssues } from './repository.ts';
import { commitImport, previewUpload, toBatchDto } from './service.ts';
import { acceptFileUploads, UPLOAD_BODY_LIMIT } from './upload.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 415: ErrorBody };
const importers = access.roles('admin', 'supervisor', 'sales');

/** Bulk import (M4): raw file upload → preview + suggested mapping → commit as a job → progress → issues. */
export const leadImportRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  // Encapsulated in this plugin: only the upload route takes raw file bodies.
  acceptFileUploads(app);

  app.post(
    '/api/leads/imports',
    { bodyLimit: UPLOAD_BODY_LIMIT, config: { access: importers }, schema: { tags: ['leads'], querystring: ImportUploadQuery, response: { 201: ImportPreview, ...errors } } },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('RS_UNSUPPORTED_MEDIA_TYPE', 'Send the file as the raw body (text/csv or an .xlsx content type)');
      return reply.status(201).send(await previewUpload(app.db, req.user!, req.body, req.query.filename));
    },
  );

  app.post(
    '/api/leads/imports/:id/commit',
    { config: { access: importers }, schema: { tags: ['leads'], params: IdParams, body: ImportCommitBody, response: { 202: ImportBatchDto, ...errors } } },
    async (req, reply) => {
      const batch = await commitImport(app, await scopeOf(app, req), req.params.id, req.body, config.PHONE_DEFAULT_REGION);
      return reply.status(202).send(toBatchDto(batch));
    },
  );

  app.get('/api/leads/imports/:id', { config: { access: importers }, schema: { tags: ['leads'], params: IdParams, response: { 200: ImportBatchDto, ...errors } } }, async (req) => {
    const batch = await findVisibleBatch(app.db, await scopeOf(app, req), req.params.id);
    if (!batch) throw new AppError('RS_NOT_FOUND');
    return toBatchDto(batch);
  });

  app.get(
    '/api/leads/imports/:id/issues',
    { config: { access: importers }, schema: { tags: ['leads'], params: IdParams, response: { 200: Type.Object({ items: Type.Array(ImportIssueDto) }), ...errors } } },
    async (req) => {
      const batch = await findVisibleBatch(app.db, await scopeOf(app, req), req.params.id);
      if (!batch) throw new AppError('RS_NOT_FOUND');
      return { items: await listIssues(app.db, batch.id) };
    },
  );

  app.get('/api/leads/imports/:id/issues.csv', { config: { access: importers }, schema: { tags: ['leads'], params: IdParams } }, async (req, reply) => {
    const batch = await findVisibleBatch(app.db, await scopeOf(app, req), req.params.id);
    if (!batch) throw new AppError('RS_NOT_FOUND');
    const issues = await listIssues(app.db, batch.id);
    const csv = toCsv(['row', 'kind', 'field', 'reason'], issues.map((i) => [i.rowNumber, i.kind, i.field, i.reason]));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${batch.id}-issues.csv"`)
      .send(csv);
  });
};
