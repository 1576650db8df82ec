import ExcelJS from 'exceljs';

/** The first worksheet as text rows, cells as Excel displays them (numbers keep no exponent for phones). */
export async function parseXlsx(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (r) => {
    const out: string[] = [];
    for (let c = 1; c <= width; c++) out.push(cellText(r.getCell(c)));
    rows[r.number - 1] = out;
  });
  // Empty rows stay as [] so row numbers match the sheet's.
  return Array.from(rows, (r) => r ?? []);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cell.text ?? '';
}
