import type { ImportLimits } from '../../../workers/limits.ts';
import { tooLarge } from './file-errors.ts';

type CsvLimits = Pick<ImportLimits, 'maxRows' | 'maxColumns' | 'maxCells'>;
const UNLIMITED: CsvLimits = { maxRows: Infinity, maxColumns: Infinity, maxCells: Infinity };

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, embedded newlines, CRLF or LF, comma or (detected from
 * the header line) semicolon/tab separators. A single pass over char codes: 100k rows parse in well under
 * a second, which matters for the import budget. Rows, columns and cells are counted as they are read
 * and the parse stops at the first limit crossed (RS_IMPORT_TOO_LARGE), before the rest is allocated.
 */
export function parseCsv(text: string, limits: CsvLimits = UNLIMITED): string[][] {
  const sep = detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let cells = 0;
  let filledRows = 0;
  const n = text.length;
  const pushField = () => {
    if (row.length >= limits.maxColumns) throw tooLarge(`row ${rows.length + 1} has more than ${limits.maxColumns} columns`);
    if (++cells > limits.maxCells) throw tooLarge(`more than ${limits.maxCells} cells`);
    row.push(field);
    field = '';
  };
  const pushRow = () => {
    // The header plus maxRows data rows; blank lines are not rows to import (each still counts as a cell).
    if (row.some((v) => v !== '') && ++filledRows > limits.maxRows + 1) throw tooLarge(`more than ${limits.maxRows} rows`);
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 && field === '') {
      const end = readQuoted(text, i + 1);
      field = end.value;
      i = end.next;
      continue;
    }
    if (c === sep) {
      pushField();
      i++;
    } else if (c === 10 || c === 13) {
      pushField();
      pushRow();
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      const next = nextSpecial(text, i, sep);
      field += text.slice(i, next);
      i = next;
    }
  }
  if (field !== '' || row.length) {
    pushField();
    pushRow();
  }
  // Blank lines stay, so row numbers match what the user sees; the importer skips them.
  return rows;
}

function nextSpecial(text: string, from: number, sep: number): number {
  let j = from;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === sep || c === 10 || c === 13) break;
    j++;
  }
  return j;
}

function readQuoted(text: string, from: number): { value: string; next: number } {
  let value = '';
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return { value: value + text.slice(i), next: text.length };
    value += text.slice(i, q);
    if (text.charCodeAt(q + 1) === 34) {
      value += '"';
      i = q + 2;
    } else {
      return { value, next: q + 1 };
    }
  }
}

function detectSeparator(text: string): number {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  const counts = [44, 59, 9].map((code) => ({ code, n: firstLine.split(String.fromCharCode(code)).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.code : 44;
}
