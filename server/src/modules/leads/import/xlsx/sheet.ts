// Streams a worksheet's XML into text rows, counting as it goes. The <dimension> element is checked
// first (it comes before <sheetData>), so a sheet that declares A1:XFD1048576 is refused before any
// row is read; and every cell with a value is counted against the same limits, so a sheet whose
// dimension lies (or that has none) is refused as soon as it crosses one.
import type { Readable } from 'node:stream';
import type { ImportLimits } from '../../../../workers/limits.ts';
import { tooLarge } from '../file-errors.ts';
import { readXml } from './xml.ts';

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: ImportLimits;
}

/** "XFD1048576" → { col: 16384, row: 1048576 } (both 1-based; row 0 when the reference has none). */
export function parseCellRef(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d*)$/.exec(ref.trim());
  if (!m) return { col: 0, row: 0 };
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2] || 0) };
}

/** Refuses a declared range (`<dimension ref="A1:XFD1048576"/>`) larger than the limits. */
export function checkDimension(ref: string, limits: ImportLimits): void {
  const [from, to = from] = ref.split(':');
  const end = parseCellRef(to!);
  const start = parseCellRef(from!);
  const rows = end.row - Math.max(1, start.row) + 1;
  const cols = end.col - Math.max(1, start.col) + 1;
  if (end.col > limits.maxColumns)
    throw tooLarge(
      `the sheet declares ${end.col} columns (${ref}); at most ${limits.maxColumns} may be imported`,
    );
  if (end.row > limits.maxRows + 1)
    throw tooLarge(
      `the sheet declares ${end.row} rows (${ref}); at most ${limits.maxRows} rows and a header may be imported`,
    );
  if (rows * cols > limits.maxCells)
    throw tooLarge(
      `the sheet declares ${rows * cols} cells (${ref}); at most ${limits.maxCells} may be imported`,
    );
}

const DAY_MS = 24 * 3600 * 1000;

/** As exceljs shows cells: whole numbers without an exponent (phone numbers), dates as YYYY-MM-DD. */
function numberText(v: string, isDate: boolean, date1904: boolean): string {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) return v;
  if (isDate) {
    const d = new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
    if (!Number.isNaN(d.getTime())) return d.toISOString().slice(0, 10);
  }
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

interface CellState {
  col: number;
  type: string;
  style: number;
  value: string;
  inline: string;
}

function cellText(c: CellState, ctx: SheetContext): string {
  switch (c.type) {
    case 's':
      return ctx.sharedStrings[Number(c.value)] ?? '';
    case 'inlineStr':
      return c.inline;
    case 'b':
      return c.value === '' ? '' : c.value === '1' || c.value === 'true' ? 'true' : 'false';
    case 'str':
    case 'e':
      return c.value;
    case 'd': {
      const d = new Date(c.value);
      return Number.isNaN(d.getTime()) ? c.value : d.toISOString().slice(0, 10);
    }
    default:
      return numberText(c.value, ctx.dateStyles[c.style] === true, ctx.date1904);
  }
}

/** The sheet as text rows; row i is sheet row i + 1, empty rows as []. */
export async function readSheetRows(stream: Readable, ctx: SheetContext): Promise<string[][]> {
  const { limits } = ctx;
  const rows: string[][] = [];
  let rowIndex = 0;
  let cells: string[] = [];
  let cellCount = 0;
  let cell: CellState | undefined;
  let inV = false;
  let inT = false;
  let phonetic = 0;
  await readXml(stream, {
    open(name, a) {
      if (name === 'c') {
        const ref = a.r ? parseCellRef(a.r).col : 0;
        const col = ref >= 1 ? ref : (cell?.col ?? 0) + 1;
        cell = { col, type: a.t ?? 'n', style: Number(a.s ?? 0), value: '', inline: '' };
      } else if (name === 'v') inV = true;
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 'row') {
        const r = Number(a.r);
        rowIndex = Number.isInteger(r) && r >= 1 ? r : rowIndex + 1;
        cells = [];
        cell = undefined;
      } else if (name === 'dimension' && a.ref) checkDimension(a.ref, limits);
    },
    text(t) {
      if (!cell) return;
      if (inV) cell.value += t;
      else if (inT && phonetic === 0) cell.inline += t;
    },
    close(name) {
      if (name === 'v') inV = false;
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const text = cellText(cell, ctx);
        if (text === '') return;
        if (cell.col > limits.maxColumns)
          throw tooLarge(
            `a value in column ${cell.col} of row ${rowIndex}; at most ${limits.maxColumns} columns may be imported`,
          );
        if (++cellCount > limits.maxCells) throw tooLarge(`more than ${limits.maxCells} cells`);
        cells[cell.col - 1] = text;
      } else if (name === 'row' && cells.length) {
        if (rowIndex > limits.maxRows + 1)
          throw tooLarge(
            `a value in row ${rowIndex}; at most ${limits.maxRows} rows and a header may be imported`,
          );
        // Dense rows: holes make V8 arrays slow and would read as undefined downstream.
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        rows[rowIndex - 1] = cells;
      }
    },
  });
  return Array.from(rows, (r) => r ?? []);
}
