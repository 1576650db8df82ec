import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import type { DedupeKey } from '../../../db/schema/lead-imports.ts';
import type { DataScope } from '../../access/scope.ts';
import { AppError } from '../../../errors/catalog.ts';
import { writeAudit } from '../../audit/service.ts';
import { validateCustomFields } from '../../custom-fields/validate.ts';
import { findExisting } from './dedupe.ts';
import { planChunk } from './plan.ts';
import { alreadyImported, editableLeadIds, type ImportCounters } from './repository.ts';
import { isIssue, toCandidate, type LeadCandidate, type RowIssue } from './rows.ts';
import { openTableRows, type NumberedRow } from './table-offload.ts';
import type { ImportInput } from './import-input.ts';
import { ensureRunningBatch, finishBatch, writeChunk } from './write.ts';

export type { ImportInput };

export interface ImportDeps {
  db: Db;
  /** Default region for numbers written without a country code (config.PHONE_DEFAULT_REGION). */
  region: string;
  /** Limits the "update" policy to leads this scope may edit; omitted = any lead. */
  scope?: DataScope;
  chunkSize?: number;
}

export const DEFAULT_DEDUPE_KEYS: DedupeKey[] = ['phone', 'email', 'company'];

interface RunState {
  deps: ImportDeps;
  input: ImportInput;
  fileHash: string;
  keys: readonly DedupeKey[];
  seen: Map<string, number>;
  counters: ImportCounters;
}

const rowHashOf = (fileHash: string, rowNumber: number) =>
  createHash('sha256').update(`${fileHash}:${rowNumber}`).digest('hex').slice(0, 40);

/**
 * Imports a lead file (CSV any encoding, or XLSX) in chunks. Each chunk is one transaction: its leads,
 * their phone numbers, its issues and the batch counters commit together, so a row is either imported or
 * recorded — never half. Idempotent: a row already imported from the same file (same file hash + row
 * number) is skipped, so a retried job or a re-upload adds nothing.
 */
export async function importLeadsFile(deps: ImportDeps, input: ImportInput): Promise<ImportCounters> {
  const started = Date.now();
  // Parsed in a worker thread that hands the rows over a chunk at a time (table-offload.ts).
  const table = await openTableRows(input.buffer, input.filename);
  const state: RunState = {
    deps,
    input,
    fileHash: table.meta.fileHash,
    keys: input.dedupeKeys ?? DEFAULT_DEDUPE_KEYS,
    seen: new Map(),
    counters: {
      totalRows: table.meta.totalRows,
      processedRows: 0,
      importedRows: 0,
      updatedRows: 0,
      skippedRows: 0,
      errorRows: 0,
    },
  };
  try {
    await ensureRunningBatch(deps.db, input, state.fileHash, table.meta.encoding, state.counters);
  } catch (err) {
    await table.close();
    throw err;
  }
  for await (const rows of table.chunks(deps.chunkSize ?? 2000)) {
    await runChunk(state, rows);
    await input.onProgress?.({ ...state.counters });
  }
  await finishBatch(deps.db, input, state.counters, Date.now() - started);
  await writeAudit(deps.db, {
    actorUserId: input.actorUserId ?? input.ownerId,
    action: 'lead.import',
    entityType: 'lead_import',
    entityId: input.batchId,
    details: { ...state.counters },
  });
  return state.counters;
}

/** Custom cells are checked against the lead field definitions; a bad one rejects its whole row. */
async function dropInvalidCustom(
  deps: ImportDeps,
  cands: LeadCandidate[],
  issues: RowIssue[],
): Promise<void> {
  for (let i = cands.length - 1; i >= 0; i--) {
    const c = cands[i]!;
    if (!Object.keys(c.custom).length) continue;
    try {
      c.custom = (await validateCustomFields(deps.db, 'lead', c.custom, {
        partial: true,
        region: deps.region,
      })) as Record<string, string>;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const d = err.details?.[0];
      issues.push({
        rowNumber: c.rowNumber,
        kind: 'error',
        field: d?.path ?? 'custom',
        reason: d?.message ?? err.message,
      });
      cands.splice(i, 1);
    }
  }
}

async function runChunk(s: RunState, rows: NumberedRow[]): Promise<void> {
  const { deps, input } = s;
  const issues: RowIssue[] = [];
  const hashes = new Map<number, string>(rows.map((r) => [r.rowNumber, rowHashOf(s.fileHash, r.rowNumber)]));
  const done = await alreadyImported(deps.db, [...hashes.values()]);
  const cands: LeadCandidate[] = [];
  for (const r of rows) {
    if (done.has(hashes.get(r.rowNumber)!)) {
      issues.push({
        rowNumber: r.rowNumber,
        kind: 'skipped',
        field: null,
        reason: 'already imported from this file',
      });
      continue;
    }
    const c = toCandidate(r.cells, r.rowNumber, input.mapping, deps.region);
    if (isIssue(c)) issues.push(c);
    else cands.push(c);
  }
  await dropInvalidCustom(deps, cands, issues);
  const policyOn = input.policy !== 'create';
  const existing = policyOn ? await findExisting(deps.db, cands, s.keys) : new Map();
  const leadIds = [...existing.values()].filter((m) => m.kind === 'lead').map((m) => m.id);
  const editable =
    input.policy === 'update' ? await editableLeadIds(deps.db, deps.scope, leadIds) : new Set<string>();
  const plan = planChunk({ cands, policy: input.policy, keys: s.keys, seen: s.seen, existing, editable });
  plan.issues.push(...issues);
  await writeChunk(deps.db, { input, plan, hashes, counters: s.counters, rowCount: rows.length });
}
