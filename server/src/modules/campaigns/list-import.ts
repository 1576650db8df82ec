// Calling lists from a file: the leads importer's readers (CSV in UTF-8 ± BOM or GBK/GB18030, XLSX) and
// these rules. A bad phone, a bad zone or a number already in the campaign is a row error; a number on a
// DNC list is imported with status 'dnc' (the list shows why it is never dialed). Each row's import key is
// file hash + row number, so re-importing the same file adds nothing and counts the rows as skipped.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignImports, campaignRecords, dncNumbers } from '../../db/schema/campaigns.ts';
import { openTableRows } from '../leads/import/table-offload.ts';
import { normalizePhone } from '../phones/normalize.ts';
import { isKnownZone, zoneOfNumber } from './timezone.ts';

export type ImportRow = typeof campaignImports.$inferSelect;
type RowError = { row: number; field: string | null; reason: string };

const CHUNK = 500;
/** Errors kept on the import row; the counters still count every one. */
const MAX_ERRORS = 2000;
const PHONE_SPLIT = /[,;/、，；|]+/;

const norm = (h: string) => h.toLowerCase().replace(/[\s_\-:：*()（）]/g, '');
const SYNONYMS: Record<string, string[]> = {
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '电话号码',
    '联系电话',
    '座机',
    '号码',
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phonenumber',
    'number',
    'cell',
  ],
  name: ['姓名', '名字', '联系人', '客户', '客户名称', '客户姓名', 'name', 'fullname', 'contact', 'customer'],
  timezone: ['时区', 'timezone', 'tz', 'zone'],
  priority: ['优先级', '优先', 'priority', 'prio'],
};
const SYNONYM_INDEX = new Map(
  Object.entries(SYNONYMS).flatMap(([field, words]) => words.map((w) => [norm(w), field] as const)),
);

/** Column index → field for recognised headers, each field once (first column wins). */
export function suggestCampaignMapping(headers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  headers.forEach((h, i) => {
    const f = SYNONYM_INDEX.get(norm(h));
    if (f && !used.has(f)) {
      used.add(f);
      out[String(i)] = f;
    }
  });
  return out;
}

export interface RecordCandidate {
  rowNumber: number;
  phoneRaw: string;
  phoneE164: string;
  name: string | null;
  timezone: string;
  priority: number;
}

/** One row → a record, or the reason it is not one. */
export function toRecordCandidate(
  cells: readonly string[],
  rowNumber: number,
  mapping: Record<string, string>,
  region: string,
): RecordCandidate | RowError {
  const get = (field: string) => {
    const col = Object.entries(mapping).find(([, f]) => f === field)?.[0];
    return col === undefined ? '' : (cells[Number(col)] ?? '').trim();
  };
  const rawCell = get('phone');
  const phoneRaw = rawCell.split(PHONE_SPLIT)[0]?.trim() ?? '';
  if (!phoneRaw) return { row: rowNumber, field: 'phone', reason: 'no phone number' };
  const phone = normalizePhone(phoneRaw, region);
  if (!phone)
    return { row: rowNumber, field: 'phone', reason: `not a valid phone number: ${phoneRaw.slice(0, 40)}` };
  const tzCell = get('timezone');
  if (tzCell && !isKnownZone(tzCell))
    return { row: rowNumber, field: 'timezone', reason: `unknown time zone: ${tzCell.slice(0, 60)}` };
  const timezone = tzCell || zoneOfNumber(phone.e164, region);
  if (!timezone)
    return {
      row: rowNumber,
      field: 'timezone',
      reason: 'no time zone known for this number; add a timezone column',
    };
  const prioCell = get('priority');
  if (prioCell && !/^-?\d{1,6}$/.test(prioCell))
    return { row: rowNumber, field: 'priority', reason: 'priority must be a whole number' };
  const name = get('name');
  return {
    rowNumber,
    phoneRaw,
    phoneE164: phone.e164,
    name: name ? name.slice(0, 200) : null,
    timezone,
    priority: prioCell ? Number(prioCell) : 0,
  };
}

const isError = (x: RecordCandidate | RowError): x is RowError => 'reason' in x;

/** Runs a committed import in chunks, each one transaction with its counters, so progress is visible. */
export async function runCampaignImport(
  db: Db,
  importId: string,
  region: string,
): Promise<ImportRow | undefined> {
  const [batch] = await db.select().from(campaignImports).where(eq(campaignImports.id, importId));
  if (!batch || batch.status === 'done' || !batch.content || !batch.mapping) return batch;
  const started = Date.now();
  // Parsed in a worker thread that hands the rows over a chunk at a time (leads/import/table-offload.ts).
  const table = await openTableRows(batch.content, batch.filename);
  const { fileHash, totalRows } = table.meta;
  try {
    await db
      .update(campaignImports)
      .set({
        status: 'running',
        totalRows,
        processedRows: 0,
        importedRows: 0,
        duplicateRows: 0,
        skippedRows: 0,
        dncRows: 0,
        errorRows: 0,
        errors: [],
      })
      .where(eq(campaignImports.id, importId));
  } catch (err) {
    await table.close();
    throw err;
  }
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  for await (const chunk of table.chunks(CHUNK)) {
    await db.transaction(async (tx) => {
      const counts = { imported: 0, duplicate: 0, skipped: 0, dnc: 0, error: 0 };
      const keyOf = (n: number) => `${fileHash}:${n}`;
      const keys = chunk.map((r) => keyOf(r.rowNumber));
      const done = new Set(
        (
          await tx
            .select({ k: campaignRecords.importKey })
            .from(campaignRecords)
            .where(
              and(eq(campaignRecords.campaignId, batch.campaignId), inArray(campaignRecords.importKey, keys)),
            )
        ).map((r) => r.k),
      );
      const candidates: RecordCandidate[] = [];
      for (const r of chunk) {
        if (done.has(keyOf(r.rowNumber))) {
          counts.skipped++;
          continue;
        }
        const c = toRecordCandidate(r.cells, r.rowNumber, batch.mapping!, region);
        if (isError(c)) {
          errors.push(c);
          counts.error++;
          continue;
        }
        const first = seen.get(c.phoneE164);
        if (first !== undefined) {
          errors.push({ row: c.rowNumber, field: 'phone', reason: `duplicate of row ${first}` });
          counts.duplicate++;
          counts.error++;
          continue;
        }
        seen.set(c.phoneE164, c.rowNumber);
        candidates.push(c);
      }
      const phones = candidates.map((c) => c.phoneE164);
      const existing = phones.length
        ? new Set(
            (
              await tx
                .select({ p: campaignRecords.phoneE164 })
                .from(campaignRecords)
                .where(
                  and(
                    eq(campaignRecords.campaignId, batch.campaignId),
                    inArray(campaignRecords.phoneE164, phones),
                  ),
                )
            ).map((r) => r.p),
          )
        : new Set<string>();
      const dnc = phones.length
        ? new Set(
            (
              await tx
                .select({ p: dncNumbers.phoneE164 })
                .from(dncNumbers)
                .where(
                  and(
                    inArray(dncNumbers.phoneE164, phones),
                    or(isNull(dncNumbers.campaignId), eq(dncNumbers.campaignId, batch.campaignId)),
                  ),
                )
            ).map((r) => r.p),
          )
        : new Set<string>();
      const fresh = candidates.filter((c) => {
        if (!existing.has(c.phoneE164)) return true;
        errors.push({ row: c.rowNumber, field: 'phone', reason: 'already in this campaign' });
        counts.duplicate++;
        counts.error++;
        return false;
      });
      if (fresh.length) {
        const inserted = await tx
          .insert(campaignRecords)
          .values(
            fresh.map((c) => ({
              campaignId: batch.campaignId,
              phoneRaw: c.phoneRaw,
              phoneE164: c.phoneE164,
              timezone: c.timezone,
              priority: c.priority,
              name: c.name,
              status: dnc.has(c.phoneE164) ? ('dnc' as const) : ('pending' as const),
              importKey: keyOf(c.rowNumber),
            })),
          )
          .onConflictDoNothing()
          .returning({ status: campaignRecords.status });
        counts.imported += inserted.length;
        counts.dnc += inserted.filter((r) => r.status === 'dnc').length;
        // Rows lost to a concurrent insert of the same number are duplicates too.
        counts.duplicate += fresh.length - inserted.length;
        counts.error += fresh.length - inserted.length;
      }
      await tx
        .update(campaignImports)
        .set({
          processedRows: sql`${campaignImports.processedRows} + ${chunk.length}`,
          importedRows: sql`${campaignImports.importedRows} + ${counts.imported}`,
          duplicateRows: sql`${campaignImports.duplicateRows} + ${counts.duplicate}`,
          skippedRows: sql`${campaignImports.skippedRows} + ${counts.skipped}`,
          dncRows: sql`${campaignImports.dncRows} + ${counts.dnc}`,
          errorRows: sql`${campaignImports.errorRows} + ${counts.error}`,
          errors: errors.slice(0, MAX_ERRORS),
        })
        .where(eq(campaignImports.id, importId));
    });
  }
  const [finished] = await db
    .update(campaignImports)
    .set({
      status: 'done',
      finishedAt: new Date(),
      durationMs: Date.now() - started,
      errors: errors.slice(0, MAX_ERRORS),
    })
    .where(eq(campaignImports.id, importId))
    .returning();
  return finished;
}
