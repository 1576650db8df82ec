import type { CustomerListQuery } from '../../contracts/customers.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { DataScope } from '../access/scope.ts';
import { listCustomers } from './list.ts';
import { phonesOf } from './phones.ts';

/** Spreadsheet apps run cells starting with these as formulas; a leading apostrophe makes them text. */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: unknown): string {
  const text = neutralizeCell(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: unknown[]) => cells.map(csvCell).join(',') + '\r\n';

const HEADER = [
  'id',
  'name',
  'kind',
  'level',
  'industry',
  'source',
  'phones',
  'emails',
  'owner',
  'last_contact_at',
  'next_contact_at',
  'created_at',
];
export const EXPORT_MAX_ROWS = 50_000;
const CHUNK = 1000;

/**
 * The scoped, filtered customer list as CSV (UTF-8 with BOM so Excel reads Chinese correctly), one
 * page of rows at a time. Streamed with backpressure rather than moved to a worker: the work is
 * database reads with a little formatting between them, so each page is a short slice of the event
 * loop, and the next page is read only when the client has taken the last (Readable.from pulls on
 * demand). The server never holds the whole file (up to 50,000 rows).
 */
export async function* exportCustomersCsv(
  db: DbOrTx,
  scope: DataScope,
  q: Omit<CustomerListQuery, 'page' | 'pageSize'>,
  now: Date,
): AsyncGenerator<string> {
  yield '\uFEFF' + csvRow(HEADER);
  for (let page = 1; (page - 1) * CHUNK < EXPORT_MAX_ROWS; page++) {
    const { rows } = await listCustomers(db, scope, { ...q, page, pageSize: CHUNK }, now);
    const phones = await phonesOf(
      db,
      'customer',
      rows.map((r) => r.id),
    );
    let out = '';
    for (const c of rows) {
      const nums = (phones.get(c.id) ?? []).map((p) => p.e164).join(' ');
      out += csvRow([
        c.id,
        c.name,
        c.kind,
        c.level,
        c.industry,
        c.source,
        nums,
        c.emails.join(' '),
        c.ownerName,
        c.lastContactAt?.toISOString(),
        c.nextContactAt?.toISOString(),
        c.createdAt.toISOString(),
      ]);
    }
    if (out) yield out;
    if (rows.length < CHUNK) break;
  }
}
