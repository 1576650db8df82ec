// The workbook parts the first sheet's text depends on: which file is the first sheet (workbook.xml
// and its rels), the date system, which cell styles are dates (styles.xml), and the shared strings.
import type { ImportLimits } from '../../../../workers/limits.ts';
import { tooLarge } from '../file-errors.ts';
import { readXml } from './xml.ts';
import type { GuardedZip } from './zip.ts';

export interface WorkbookInfo {
  sheetPath: string;
  sharedStringsPath: string | null;
  stylesPath: string | null;
  date1904: boolean;
}

/** Targets in workbook.xml.rels are relative to xl/ unless they start with a slash. */
const resolveTarget = (target: string) =>
  (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

async function relsOf(zip: GuardedZip): Promise<{ id: string; type: string; target: string }[]> {
  const out: { id: string; type: string; target: string }[] = [];
  if (!zip.has('xl/_rels/workbook.xml.rels')) return out;
  await readXml(await zip.open('xl/_rels/workbook.xml.rels'), {
    open: (name, a) => {
      if (name === 'Relationship' && a.Id && a.Target)
        out.push({ id: a.Id, type: a.Type ?? '', target: resolveTarget(a.Target) });
    },
  });
  return out;
}

/** The first sheet in workbook order (what a user sees first, and what exceljs called worksheets[0]). */
export async function readWorkbookInfo(zip: GuardedZip): Promise<WorkbookInfo> {
  const rels = await relsOf(zip);
  let firstSheetRel: string | undefined;
  let date1904 = false;
  if (zip.has('xl/workbook.xml')) {
    await readXml(await zip.open('xl/workbook.xml'), {
      open: (name, a) => {
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
        if (name === 'sheet' && firstSheetRel === undefined)
          firstSheetRel = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
      },
    });
  }
  const byType = (suffix: string) => rels.find((r) => r.type.endsWith(suffix))?.target;
  const sheetPath = rels.find((r) => r.id === firstSheetRel)?.target ?? 'xl/worksheets/sheet1.xml';
  const sharedStringsPath = byType('/sharedStrings') ?? 'xl/sharedStrings.xml';
  const stylesPath = byType('/styles') ?? 'xl/styles.xml';
  return {
    sheetPath,
    sharedStringsPath: zip.has(sharedStringsPath) ? sharedStringsPath : null,
    stylesPath: zip.has(stylesPath) ? stylesPath : null,
    date1904,
  };
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the CJK ids 27–36, 50–58). */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** exceljs's rule for custom formats: a y, m, d, h, s or b outside quotes and [..] sections. */
export const isDateFormat = (code: string) =>
  /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style index (a cell's s attribute), whether its number format is a date. */
export async function readDateStyles(zip: GuardedZip, path: string | null): Promise<boolean[]> {
  if (!path) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await readXml(await zip.open(path), {
    open: (name, a) => {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATES.has(id)));
}

/** The shared string table: each <si>'s text runs joined, phonetic guides (<rPh>) left out. */
export async function readSharedStrings(
  zip: GuardedZip,
  path: string | null,
  limits: ImportLimits,
): Promise<string[]> {
  if (!path) return [];
  const out: string[] = [];
  let current = '';
  let inT = false;
  let phonetic = 0;
  await readXml(await zip.open(path), {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    close: (name) => {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        // More distinct strings than cells a sheet may have cannot all be used: refuse early.
        if (out.length >= limits.maxCells) throw tooLarge(`more than ${limits.maxCells} shared strings`);
        out.push(current);
      }
    },
    text: (t) => {
      if (inT && phonetic === 0) current += t;
    },
  });
  return out;
}
