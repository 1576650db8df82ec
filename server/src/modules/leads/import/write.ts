import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { leadImportBatches } from '../../../db/schema/lead-imports.ts';
import { leads } from '../../../db/schema/leads.ts';
import type { ImportInput } from './import-input.ts';
import type { ChunkPlan } from './plan.ts';
import { insertIssues, saveCounters, updateBatch, type ImportCounters } from './repository.ts';
import type { LeadCandidate } from './rows.ts';

/** Creates the batch row when the importer is called directly (bench, scripts); marks it running. */
export async function ensureRunningBatch(
  db: Db,
  input: ImportInput,
  fileHash: string,
  encoding: string,
  c: ImportCounters,
): Promise<void> {
  await db
    .insert(leadImportBatches)
    .values({
      id: input.batchId,
      filename: input.filename,
      fileHash,
      encoding,
      status: 'running',
      mapping: input.mapping,
      policy: input.policy,
      ownerId: input.ownerId,
      teamId: input.teamId,
      createdBy: input.actorUserId ?? input.ownerId,
      ...c,
    })
    .onConflictDoUpdate({
      target: leadImportBatches.id,
      set: { status: 'running', encoding, totalRows: c.totalRows, updatedAt: new Date() },
    });
}

export async function finishBatch(
  db: Db,
  input: ImportInput,
  c: ImportCounters,
  durationMs: number,
): Promise<void> {
  // The file is no longer needed once every row is imported or recorded.
  await updateBatch(db, input.batchId, {
    ...c,
    status: 'done',
    durationMs,
    finishedAt: new Date(),
    content: null,
  });
}

function leadValues(c: LeadCandidate, input: ImportInput, rowHash: string) {
  return {
    name: c.name,
    company: c.company,
    title: c.title,
    email: c.email,
    source: c.source ?? 'import',
    industry: c.industry,
    address: c.address,
    notes: c.notes,
    custom: c.custom,
    import_batch_id: input.batchId,
    import_row_hash: rowHash,
    owner_id: input.ownerId,
    team_id: input.teamId,
    created_by: input.actorUserId ?? input.ownerId,
  };
}

function phoneValues(leadId: string, c: LeadCandidate) {
  return c.phones.map((p, i) => ({
    e164: p.e164,
    raw: p.raw,
    kind: p.kind,
    party_type: 'lead' as const,
    party_id: leadId,
    is_primary: i === 0,
  }));
}

/**
 * Bulk writes take the whole chunk as ONE json parameter (json_to_recordset): a multi-row VALUES list
 * with tens of thousands of bind parameters was the import's bottleneck (~0.5 ms a row).
 */
async function insertLeadRows(
  tx: DbOrTx,
  rows: ReturnType<typeof leadValues>[],
): Promise<{ id: string; h: string }[]> {
  return (await tx.execute(sql`
    insert into leads (name, company, title, email, source, industry, address, notes, custom, import_batch_id, import_row_hash, owner_id, team_id, created_by)
    select r.name, r.company, r.title, r.email, r.source, r.industry, r.address, r.notes, coalesce(r.custom, '{}'::jsonb), r.import_batch_id, r.import_row_hash, r.owner_id, r.team_id, r.created_by
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(name text, company text, title text, email text, source text, industry text, address text, notes text,
      custom jsonb, import_batch_id uuid, import_row_hash text, owner_id uuid, team_id uuid, created_by uuid)
    on conflict (import_row_hash) do nothing
    returning id::text as id, import_row_hash as h`)) as unknown as { id: string; h: string }[];
}

async function insertPhoneRows(tx: DbOrTx, rows: ReturnType<typeof phoneValues>): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`
    insert into phone_numbers (e164, raw, kind, party_type, party_id, is_primary)
    select r.e164, r.raw, r.kind, r.party_type, r.party_id, r.is_primary
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(e164 text, raw text, kind text, party_type text, party_id uuid, is_primary boolean)
    on conflict do nothing`);
}

/** "update" fills in what the row has; it never blanks a field the row leaves empty. */
async function applyUpdate(tx: DbOrTx, leadId: string, c: LeadCandidate): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const k of ['company', 'title', 'email', 'industry', 'address', 'notes'] as const)
    if (c[k] !== null) set[k] = c[k];
  set.name = c.name;
  await tx
    .update(leads)
    .set({
      ...set,
      custom: sql`${leads.custom} || ${JSON.stringify(c.custom)}::jsonb`,
      updatedAt: new Date(),
    })
    .where(eq(leads.id, leadId));
  await insertPhoneRows(
    tx,
    phoneValues(leadId, c).map((p) => ({ ...p, is_primary: false })),
  );
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
      const rows = await insertLeadRows(
        tx,
        plan.inserts.map((c) => leadValues(c, input, w.hashes.get(c.rowNumber)!)),
      );
      inserted = rows.length;
      await insertPhoneRows(
        tx,
        rows.flatMap((r) => phoneValues(r.id, byHash.get(r.h)!)),
      );
    }
    for (const u of plan.updates) await applyUpdate(tx, u.leadId, u.cand);
    await insertIssues(tx, input.batchId, plan.issues);
    const errors = plan.issues.filter((i) => i.kind === 'error').length;
    const c = w.counters;
    const counters: ImportCounters = {
      totalRows: c.totalRows,
      processedRows: c.processedRows + w.rowCount,
      importedRows: c.importedRows + inserted,
      updatedRows: c.updatedRows + plan.updates.length,
      errorRows: c.errorRows + errors,
      // Rows lost to a concurrent run of the same file (conflict on the row hash) count as skipped.
      skippedRows: c.skippedRows + plan.issues.length - errors + (plan.inserts.length - inserted),
    };
    await saveCounters(tx, input.batchId, counters);
    return counters;
  });
  Object.assign(w.counters, next);
}
