// Retention: recordings older than the admin's N days are deleted (file, then row) by a BullMQ
// maintenance job, each deletion audited. Idempotent: a file already gone is fine, a row already gone
// writes nothing, so a rerun or a second worker after a crash only finishes the work.
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, ne, sql } from 'drizzle-orm';
import { configFromEnvironment } from '../../config/index.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { calls, recordings } from '../../db/schema/calls.ts';
import { recordingSettings } from '../../db/schema/recordings.ts';
import type { JobDefinition } from '../../jobs/registry.ts';
import { writeAudit } from '../audit/service.ts';

export const RETENTION_JOB = 'maintenance.recording-retention';
const BATCH = 200;

export async function getRetention(db: DbOrTx): Promise<{ retentionDays: number | null; updatedAt: Date | null }> {
  const [row] = await db.select().from(recordingSettings).where(eq(recordingSettings.id, 'default'));
  return { retentionDays: row?.retentionDays ?? null, updatedAt: row?.updatedAt ?? null };
}

export async function setRetention(db: Db, userId: string, retentionDays: number | null, ip: string | null) {
  return db.transaction(async (tx) => {
    const before = await getRetention(tx);
    const [row] = await tx
      .insert(recordingSettings)
      .values({ id: 'default', retentionDays, updatedBy: userId, updatedAt: new Date() })
      .onConflictDoUpdate({ target: recordingSettings.id, set: { retentionDays, updatedBy: userId, updatedAt: new Date() } })
      .returning();
    await writeAudit(tx, { actorUserId: userId, action: 'recording.retention-set', entityType: 'recording_settings', entityId: 'default', details: { from: before.retentionDays, to: retentionDays }, ip });
    return { retentionDays: row!.retentionDays, updatedAt: row!.updatedAt };
  });
}

/** Deletes every recording that ended more than retentionDays before now (never one of a live call). */
export async function applyRetention(db: Db, dir: string, now: Date): Promise<{ deleted: number; retentionDays: number | null }> {
  const { retentionDays } = await getRetention(db);
  if (retentionDays === null) return { deleted: 0, retentionDays };
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const due = await db
      .select({ id: recordings.id, name: recordings.name, format: recordings.format, callId: recordings.callId, startedAt: recordings.startedAt })
      .from(recordings)
      .innerJoin(calls, eq(calls.id, recordings.callId))
      .where(and(sql`coalesce(${recordings.endedAt}, ${recordings.startedAt}) < ${cutoff.toISOString()}::timestamptz`, ne(calls.outcome, 'live')))
      .orderBy(recordings.startedAt)
      .limit(BATCH);
    for (const r of due) {
      await unlink(join(dir, `${r.name}.${r.format}`)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      const gone = await db.transaction(async (tx) => {
        const [row] = await tx.delete(recordings).where(eq(recordings.id, r.id)).returning({ id: recordings.id });
        if (row) {
          await writeAudit(tx, { actorUserId: null, action: 'recording.retention-delete', entityType: 'recording', entityId: r.id, details: { callId: r.callId, name: r.name, startedAt: r.startedAt.toISOString(), retentionDays } });
        }
        return !!row;
      });
      if (gone) deleted++;
    }
    if (due.length < BATCH) return { deleted, retentionDays };
  }
}

/** Runs every 6 hours; data.recordingsDir is for tests, the worker uses the server's configuration. */
export const recordingRetentionJob: JobDefinition<{ recordingsDir?: string }> = {
  name: RETENTION_JOB,
  every: { ms: 6 * 3600_000 },
  async handle(data, ctx) {
    const dir = data.recordingsDir ?? configFromEnvironment().RECORDINGS_DIR;
    const r = await applyRetention(ctx.db, dir, ctx.now());
    if (r.deleted) ctx.log.info(r, 'recordings deleted by the retention policy');
    return r;
  },
};
