// Reads an uploaded list (CSV in any encoding, or .xlsx) into a header and text rows, with the import
// limits applied while reading. CPU- and memory-heavy on hostile input by nature: it runs only in a
// parse worker (table-task.ts); the server calls it through table-offload.ts.
import { createHash } from 'node:crypto';
import { AppError } from '../../../errors/catalog.ts';
import { IMPORT_LIMITS, type ImportLimits } from '../../../workers/limits.ts';
import { parseCsv } from './csv.ts';
import { decodeText } from './decode.ts';
import { badFile } from './file-errors.ts';
import { parseXlsx } from './xlsx/index.ts';

export interface ParsedTable {
  encoding: string;
  headers: string[];
  /** Data rows only; row i is file row i + 2 (1-based, after the header), as a spreadsheet user counts. */
  rows: string[][];
}

export const fileHashOf = (buf: Uint8Array) => createHash('sha256').update(buf).digest('hex');

const isXlsx = (buf: Uint8Array, filename: string) =>
  /\.xlsx$/i.test(filename) || (buf[0] === 0x50 && buf[1] === 0x4b);

async function readXlsx(buf: Buffer, limits: ImportLimits): Promise<string[][]> {
  try {
    return await parseXlsx(buf, limits);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badFile(err instanceof Error ? err.message : String(err));
  }
}

export async function readTable(
  buf: Buffer,
  filename: string,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<ParsedTable> {
  let encoding = 'xlsx';
  let all: string[][];
  if (isXlsx(buf, filename)) {
    all = await readXlsx(buf, limits);
  } else {
    const decoded = decodeText(buf);
    encoding = decoded.encoding;
    all = parseCsv(decoded.text, limits);
  }
  const [headerRow, ...rows] = all;
  if (!headerRow)
    throw new AppError('RS_VALIDATION', undefined, [{ path: 'file', message: 'the file has no header row' }]);
  // A sheet's header is as wide as its widest row, as a spreadsheet shows it (and exceljs gave it).
  const width =
    encoding === 'xlsx' ? rows.reduce((w, r) => Math.max(w, r.length), headerRow.length) : headerRow.length;
  return { encoding, headers: Array.from({ length: width }, (_, i) => (headerRow[i] ?? '').trim()), rows };
}
