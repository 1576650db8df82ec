import type { FastifyInstance } from 'fastify';
import type { ImportBatchDto, ImportCommitBody, ImportPreview } from '../../../contracts/leads.ts';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../errors/catalog.ts';
import type { DataScope } from '../../access/scope.ts';
import type { SessionUser } from '../../auth/guard.ts';
import { listDefinitions } from '../../custom-fields/repository.ts';
import { DEFAULT_DEDUPE_KEYS } from './importer.ts';
import { suggestMapping } from './mapping.ts';
import { findVisibleBatch, insertBatch, previousImportOf, updateBatch, type BatchRow } from './repository.ts';
import { previewTable } from './table-offload.ts';

/** Parses the upload once (in a parse worker) for the preview and keeps the bytes on the batch for the commit. */
export async function previewUpload(db: Db, user: SessionUser, buf: Buffer, filename: string): Promise<ImportPreview> {
  if (!buf.length) throw new AppError('RS_VALIDATION', undefined, [{ path: 'file', message: 'the file is empty' }]);
  const table = await previewTable(buf, filename);
  const batch = await insertBatch(db, {
    filename, fileHash: table.fileHash, encoding: table.encoding, content: buf, totalRows: table.totalRows,
    ownerId: user.id, teamId: user.teamId, createdBy: user.id,
  });
  return {
    batchId: batch.id, filename, encoding: table.encoding, headers: table.headers, sampleRows: table.sampleRows,
    totalRows: table.totalRows, suggestedMapping: suggestMapping(table.headers, await listDefinitions(db, 'lead', true)),
    previousBatchId: await previousImportOf(db, table.fileHash, batch.id),
  };
}

function checkMapping(body: ImportCommitBody): void {
  const targets = Object.values(body.mapping);
  const details: { path: string; message: string }[] = [];
  if (!targets.includes('name')) details.push({ path: 'mapping', message: 'a column must map to name' });
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, n] of counts) if (n > 1 && t !== 'phone') details.push({ path: 'mapping', message: `${t} is mapped more than once` });
  if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
}

/** Queues the import; the job id is the batch id, so a double click or a retry is one job. */
export async function commitImport(app: FastifyInstance, scope: DataScope, id: string, body: ImportCommitBody, region: string): Promise<BatchRow> {
  checkMapping(body);
  const batch = await findVisibleBatch(app.db, scope, id);
  if (!batch) throw new AppError('RS_NOT_FOUND');
  if (batch.status === 'previewed') {
    await updateBatch(app.db, id, { status: 'queued', mapping: body.mapping, policy: body.policy, dedupeKeys: body.dedupeKeys ?? DEFAULT_DEDUPE_KEYS });
  }
  await app.jobs.enqueue('leads.import', { batchId: id, region }, { jobId: id });
  return (await findVisibleBatch(app.db, scope, id))!;
}

export function toBatchDto(b: BatchRow): ImportBatchDto {
  return {
    id: b.id, filename: b.filename, status: b.status, totalRows: b.totalRows, processedRows: b.processedRows, importedRows: b.importedRows,
    updatedRows: b.updatedRows, skippedRows: b.skippedRows, errorRows: b.errorRows, durationMs: b.durationMs, failure: b.failure,
  };
}
