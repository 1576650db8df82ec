import { createHash } from 'node:crypto';
import { AppError } from '../../../errors/catalog.ts';
import { parseCsv } from './csv.ts';
import { decodeText } from './decode.ts';
import { parseXlsx } from './xlsx.ts';

export interface ParsedTable {
  encoding: string;
  headers: string[];
  /** Data rows only; row i is file row i + 2 (1-based, after the header), as a spreadsheet user counts. */
  rows: string[][];
}

export const fileHashOf = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

const isXlsx = (buf: Buffer, filename: string) => /\.xlsx$/i.test(filename) || (buf[0] === 0x50 && buf[1] === 0x4b);

export async function readTable(buf: Buffer, filename: string): Promise<ParsedTable> {
  let encoding = 'xlsx';
  let all: string[][];
  if (isXlsx(buf, filename)) {
    all = await parseXlsx(buf).catch(() => {
      throw new AppError('RS_VALIDATION', undefined, [{ path: 'file', message: 'not a readable .xlsx workbook' }]);
    });
  } else {
    const decoded = decodeText(buf);
    encoding = decoded.encoding;
    all = parseCsv(decoded.text);
  }
  const [headerRow, ...rows] = all;
  if (!headerRow) throw new AppError('RS_VALIDATION', undefined, [{ path: 'file', message: 'the file has no header row' }]);
  return { encoding, headers: headerRow.map((h) => h.trim()), rows };
}
