import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { userRoles, users } from '../../../db/schema/users.ts';
import type { JobDefinition } from '../../../jobs/registry.ts';
import { loadScope, type DataScope } from '../../access/scope.ts';
import { DEFAULT_DEDUPE_KEYS, importLeadsFile } from './importer.ts';
import { findBatch, updateBatch, type ImportCounters } from './repository.ts';

export interface LeadImportJobData {
  batchId: string;
  region: string;
}

async function scopeOfUser(db: DbOrTx, userId: string | null): Promise<DataScope | undefined> {
  if (!userId) return undefined;
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) return undefined;
  const roles = (await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role);
  return loadScope(db, { id: u.id, username: u.username, displayName: u.displayName, roles, teamId: u.teamId, managerId: u.managerId, locale: u.locale });
}

/** Runs a committed import; job id = batch id, and the importer skips rows already imported, so redelivery is safe. */
export const leadImportJob: JobDefinition<LeadImportJobData> = {
  name: 'leads.import',
  async handle({ batchId, region }, ctx) {
    const batch = await findBatch(ctx.db, batchId);
    if (!batch || batch.status === 'done' || !batch.content || !batch.mapping || !batch.policy) return { skipped: true };
    // Progress goes to the uploader's sockets; through the Redis adapter this works from any worker process.
    const notify = (status: string, c: ImportCounters) => {
      if (batch.createdBy) ctx.io?.to(`user:${batch.createdBy}`).emit('lead-import:progress', { batchId, status, ...c });
    };
    try {
      const counters = await importLeadsFile(
        { db: ctx.db, region, scope: await scopeOfUser(ctx.db, batch.createdBy) },
        {
          batchId, buffer: batch.content, filename: batch.filename, mapping: batch.mapping, policy: batch.policy,
          dedupeKeys: batch.dedupeKeys ?? DEFAULT_DEDUPE_KEYS, ownerId: batch.ownerId, teamId: batch.teamId, actorUserId: batch.createdBy,
          onProgress: (c) => notify('running', c),
        },
      );
      notify('done', counters);
      return counters;
    } catch (err) {
      await updateBatch(ctx.db, batchId, { status: 'failed', failure: err instanceof Error ? err.message.slice(0, 500) : 'failed' });
      const { totalRows, processedRows, importedRows, updatedRows, skippedRows, errorRows } = batch;
      notify('failed', { totalRows, processedRows, importedRows, updatedRows, skippedRows, errorRows });
      throw err;
    }
  },
};
