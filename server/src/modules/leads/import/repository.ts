import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { leadImportBatches, leadImportIssues } from '../../../db/schema/lead-imports.ts';
import { leads } from '../../../db/schema/leads.ts';
import type { DataScope } from '../../access/scope.ts';
import { editableBy, visibleTo } from '../../access/visibility.ts';
import type { RowIssue } from './rows.ts';

export type BatchRow = typeof leadImportBatches.$inferSelect;
export type NewBatch = typeof leadImportBatches.$inferInsert;

export interface ImportCounters {
  totalRows: number;
  processedRows: number;
  importedRows: number;
  updatedRows: number;
  skippedRows: number;
  errorRows: number;
}

export async function insertBatch(db: DbOrTx, b: NewBatch): Promise<BatchRow> {
  const [row] = await db.insert(leadImportBatches).values(b).returning();
  return row!;
}

/** Import batches are owned records: a user sees the batches they (or their reports) uploaded. */
export async function findVisibleBatch(db: DbOrTx, scope: DataScope, id: string): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(leadImportBatches).where(and(eq(leadImportBatches.id, id), visibleTo(scope, leadImportBatches, 'lead_import')));
  return row;
}

export async function findBatch(db: DbOrTx, id: string): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(leadImportBatches).where(eq(leadImportBatches.id, id));
  return row;
}

export async function previousImportOf(db: DbOrTx, fileHash: string, exceptId: string): Promise<string | null> {
  const rows = await db
    .select({ id: leadImportBatches.id, status: leadImportBatches.status })
    .from(leadImportBatches)
    .where(and(eq(leadImportBatches.fileHash, fileHash), eq(leadImportBatches.status, 'done')))
    .limit(2);
  return rows.find((r) => r.id !== exceptId)?.id ?? null;
}

export async function updateBatch(db: DbOrTx, id: string, patch: Partial<NewBatch>): Promise<void> {
  await db.update(leadImportBatches).set({ ...patch, updatedAt: new Date() }).where(eq(leadImportBatches.id, id));
}

export async function saveCounters(db: DbOrTx, id: string, c: ImportCounters): Promise<void> {
  await updateBatch(db, id, { ...c });
}

export async function insertIssues(db: DbOrTx, batchId: string, issues: readonly RowIssue[]): Promise<void> {
  if (!issues.length) return;
  await db.insert(leadImportIssues).values(issues.map((i) => ({ batchId, ...i })));
}

export async function listIssues(db: DbOrTx, batchId: string) {
  return db
    .select({ rowNumber: leadImportIssues.rowNumber, kind: leadImportIssues.kind, field: leadImportIssues.field, reason: leadImportIssues.reason })
    .from(leadImportIssues)
    .where(eq(leadImportIssues.batchId, batchId))
    .orderBy(asc(leadImportIssues.rowNumber));
}

export async function alreadyImported(db: DbOrTx, hashes: string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const rows = await db.select({ h: leads.importRowHash }).from(leads).where(sql`${leads.importRowHash} in (select json_array_elements_text(${JSON.stringify(hashes)}::json))`);
  return new Set(rows.map((r) => r.h!));
}

export async function editableLeadIds(db: DbOrTx, scope: DataScope | undefined, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const where = scope ? and(inArray(leads.id, ids), editableBy(scope, leads, 'lead')) : inArray(leads.id, ids);
  const rows = await db.select({ id: leads.id }).from(leads).where(and(where, sql`${leads.deletedAt} is null`));
  return new Set(rows.map((r) => r.id));
}
