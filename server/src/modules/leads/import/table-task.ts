// What a parse worker runs for an import (see workers/pool.ts): the upload arrives as bytes, the table
// is read with the limits, and only what the server needs crosses back — the preview's few rows, or
// the data rows in chunks as the importer asks for them. Runs inside the worker only.
import type { SessionHandle } from '../../../workers/protocol.ts';
import { fileHashOf, readTable } from './table.ts';

export interface TableInput {
  /** The upload; a Buffer arrives in the worker as a Uint8Array. */
  bytes: Uint8Array;
  filename: string;
}

export interface TablePreview {
  encoding: string;
  headers: string[];
  /** The first data rows (blank lines skipped), as wide as the header. */
  sampleRows: string[][];
  /** Data rows that are not blank. */
  totalRows: number;
  fileHash: string;
}

export interface NumberedRow {
  cells: string[];
  /** 1-based row of the file (the header is row 1). */
  rowNumber: number;
}

export interface TableMeta {
  encoding: string;
  totalRows: number;
  fileHash: string;
}

const SAMPLE_ROWS = 10;
const bufferOf = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const isBlank = (r: readonly string[]) => !r.some((v) => v.trim() !== '');

async function numberedRows(input: TableInput) {
  const buf = bufferOf(input.bytes);
  const table = await readTable(buf, input.filename);
  const rows: NumberedRow[] = [];
  table.rows.forEach((cells, i) => {
    if (!isBlank(cells)) rows.push({ cells, rowNumber: i + 2 });
  });
  return { table, rows, fileHash: fileHashOf(buf) };
}

export async function previewTableTask(input: TableInput): Promise<TablePreview> {
  const { table, rows, fileHash } = await numberedRows(input);
  const sampleRows = rows.slice(0, SAMPLE_ROWS).map((r) => table.headers.map((_, i) => r.cells[i] ?? ''));
  return { encoding: table.encoding, headers: table.headers, sampleRows, totalRows: rows.length, fileHash };
}

export async function tableRowsTask(input: TableInput): Promise<SessionHandle<TableMeta, NumberedRow>> {
  const { table, rows, fileHash } = await numberedRows(input);
  let at = 0;
  return {
    meta: { encoding: table.encoding, totalRows: rows.length, fileHash },
    next(max) {
      const chunk = rows.slice(at, at + max);
      at += chunk.length;
      return chunk;
    },
  };
}
