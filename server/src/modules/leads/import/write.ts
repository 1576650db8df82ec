import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { phoneNumbers } from '../../../db/schema/customers.ts';
import { leadImportBatches } from '../../../db/schema/lead-imports.ts';
import { leads } from '../../../db/schema/leads.ts';
import type { ImportInput } from './importer.ts';
import type { ChunkPlan } from './plan.ts';
import { insertIssues, saveCounters, updateBatch, type ImportCounters } from './repository.ts';
import type { LeadCandidate } from './rows.ts';

/** Creates the batch row when the importer is called directly (bench, scripts); marks it running. */
export async function ensureRunningBatch(db: Db, input: ImportInput, fileHash: string, encoding: string, c: ImportCounters): Promise<void> {
  await db
    .insert(leadImportBatches)
    .values({
      id: input.batchId, filename: input.filename, fileHash, encoding, status: 'running', mapping: input.mapping, policy: input.policy,
      ownerId: input.ownerId, teamId: input.teamId, createdBy: input.actorUserId ?? input.ownerId, ...c,
    })
    .onConflictDoUpdate({ target: leadImportBatches.id, set: { status: 'running', encoding, totalRows: c.totalRows, updatedAt: new Date() } });
}

export async function finishBatch(db: Db, input: ImportInput, c: ImportCounters, durationMs: number): Promise<void> {
  // The file is no longer needed once every row is imported or recorded.
  await updateBatch(db, input.batchId, { ...c, status: 'done', durationMs, finishedAt: new Date(), content: null });
}

function leadValues(c: LeadCandidate, input: ImportInput, rowHash: string) {
  return {
    name: c.name, company: c.company, title: c.title, email: c.email, source: c.source ?? 'import', industry: c.industry,
    address: c.address, notes: c.notes, custom: c.custom, importBatchId: input.batchId, importRowHash: rowHash,
    ownerId: input.ownerId, teamId: input.teamId, createdBy: input.actorUserId ?? input.ownerId,
  };
}

function phoneValues(leadId: string, c: LeadCandidate) {
  return c.phones.map((p, i) => ({ e164: p.e164, raw: p.raw, kind: p.kind, partyType: 'lead' as const, partyId: leadId, isPrimary: i === 0 }));
}

/** "update" fills in what the row has; it never blanks a field the row leaves empty. */
async function applyUpdate(tx: DbOrTx, leadId: string, c: LeadCandidate): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const k of ['company', 'title', 'email', 'industry', 'address', 'notes'] as const) if (c[k] !== null) set[k] = c[k];
  set.name = c.name;
  await tx
    .update(leads)
    .set({ ...set, custom: sql`${leads.custom} || ${JSON.stringify(c.custom)}::jsonb`, updatedAt: new Date() })
    .where(eq(leads.id, leadId));
  const phones = phoneValues(leadId, c).map((p) => ({ ...p, isPrimary: false }));
  if (phones.length) await tx.insert(phoneNumbers).values(phones).onConflictDoNothing();
}

export interface ChunkWrite {
  input: ImportInput;
  plan: ChunkPlan;
  hashes: Map<number, string>;
  counters: ImportCounters;
  rowCount: number;
}

/** One transaction per chunk; counters advance only once it has committed. */
export async function writeChunk(db: Db, w: ChunkWrite): Promise<void> {
  const { input, plan } = w;
  const next = await db.transaction(async (tx) => {
    let inserted = 0;
    if (plan.inserts.length) {
      const byHash = new Map(plan.inserts.map((c) => [w.hashes.get(c.rowNumber)!, c]));
      const rows = await tx
        .insert(leads)
        .values(plan.inserts.map((c) => leadValues(c, input, w.hashes.get(c.rowNumber)!)))
        .onConflictDoNothing({ target: leads.importRowHash })
        .returning({ id: leads.id, h: leads.importRowHash });
      inserted = rows.length;
      const phones = rows.flatMap((r) => phoneValues(r.id, byHash.get(r.h!)!));
      if (phones.length) await tx.insert(phoneNumbers).values(phones).onConflictDoNothing();
    }
    for (const u of plan.updates) await applyUpdate(tx, u.leadId, u.cand);
    await insertIssues(tx, input.batchId, plan.issues);
    const errors = plan.issues.filter((i) => i.kind === 'error').length;
    const c = w.counters;
    const counters: ImportCounters = {
      totalRows: c.totalRows, processedRows: c.processedRows + w.rowCount, importedRows: c.importedRows + inserted,
      updatedRows: c.updatedRows + plan.updates.length, errorRows: c.errorRows + errors,
      // Rows lost to a concurrent run of the same file (conflict on the row hash) count as skipped.
      skippedRows: c.skippedRows + plan.issues.length - errors + (plan.inserts.length - inserted),
    };
    await saveCounters(tx, input.batchId, counters);
    return counters;
  });
  Object.assign(w.counters, next);
}
