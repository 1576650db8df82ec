// The first worksheet of an .xlsx as text rows, read with every limit of workers/limits.ts applied
// before the part it guards is inflated. Replaces exceljs's full load for imports: exceljs builds a
// Cell object for every column up to the sheet's width on every row, which is how an 86 KB file with
// one value in column XFD exhausted the heap. Runs in a parse worker (table-task.ts), never in the server.
import type { ImportLimits } from '../../../../workers/limits.ts';
import { readDateStyles, readSharedStrings, readWorkbookInfo } from './parts.ts';
import { readSheetRows } from './sheet.ts';
import { badFile } from '../file-errors.ts';
import { openGuardedZip } from './zip.ts';

export async function parseXlsx(buf: Buffer, limits: ImportLimits): Promise<string[][]> {
  const zip = await openGuardedZip(buf, limits);
  try {
    const info = await readWorkbookInfo(zip);
    if (!zip.has(info.sheetPath)) throw badFile('the workbook has no worksheet');
    const sharedStrings = await readSharedStrings(zip, info.sharedStringsPath, limits);
    const dateStyles = await readDateStyles(zip, info.stylesPath);
    return await readSheetRows(await zip.open(info.sheetPath), {
      sharedStrings,
      dateStyles,
      date1904: info.date1904,
      limits,
    });
  } finally {
    zip.close();
  }
}
