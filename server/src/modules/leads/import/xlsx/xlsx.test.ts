import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  xlsxClaimingXfd,
  xlsxWithSheet,
  xlsxZipBomb,
} from '../../../../../../tests/support/hostile-files.ts';
import { IMPORT_LIMITS } from '../../../../workers/limits.ts';
import { parseXlsx } from './index.ts';
import { checkDimension, parseCellRef } from './sheet.ts';

const limits = { ...IMPORT_LIMITS };

async function workbook(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('first'), wb);
  wb.addWorksheet('second').addRow(['not this one']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsx reader', () => {
  it('reads the first sheet as exceljs displayed it: phones without exponent, dates as YYYY-MM-DD, rich text, formulas, booleans', async () => {
    const buf = await workbook((ws) => {
      ws.addRow(['name', 'phone', 'amount', 'born', 'ok', 'sum', 'rich', 'link']);
      ws.addRow([
        '张伟',
        13800138000,
        12.5,
        new Date('2024-03-05T00:00:00Z'),
        true,
        { formula: 'B2+1', result: 13800138001 },
        { richText: [{ text: 'ab' }, { text: 'cd', font: { bold: true } }] },
        { text: 'site', hyperlink: 'http://x' },
      ]);
      ws.addRow([]);
      ws.addRow(['=danger', '', null, undefined, false]);
      ws.getCell('D5').value = 45000;
      ws.getCell('D5').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('D6').value = { error: '#N/A' };
    });
    expect(await parseXlsx(buf, limits)).toEqual([
      ['name', 'phone', 'amount', 'born', 'ok', 'sum', 'rich', 'link'],
      ['张伟', '13800138000', '12.5', '2024-03-05', 'true', '13800138001', 'abcd', 'site'],
      [],
      ['=danger', '', '', '', 'false'],
      ['', '', '', '2023-03-15'],
      ['', '', '', '#N/A'],
    ]);
  });

  it('parses cell references', () => {
    expect(parseCellRef('XFD1048576')).toEqual({ col: 16384, row: 1048576 });
    expect(parseCellRef('$B$7')).toEqual({ col: 2, row: 7 });
  });

  it('refuses a declared dimension past the column, row or cell limits before reading rows', () => {
    expect(() => checkDimension('A1:XFD1048576', limits)).toThrow(
      expect.objectContaining({ code: 'RS_IMPORT_TOO_LARGE' }),
    );
    expect(() => checkDimension('A1:E100001', limits)).not.toThrow();
    expect(() => checkDimension('A1:E100002', limits)).toThrow(
      expect.objectContaining({ details: [{ path: 'file', message: expect.stringContaining('rows') }] }),
    );
    expect(() => checkDimension('A1:GR100001', limits)).toThrow(
      expect.objectContaining({ details: [{ path: 'file', message: expect.stringContaining('cells') }] }),
    );
  });

  it('refuses the XFD sheet by its dimension, and by counting when the dimension lies', async () => {
    await expect(parseXlsx(xlsxClaimingXfd().body, limits)).rejects.toMatchObject({
      code: 'RS_IMPORT_TOO_LARGE',
      details: [{ message: expect.stringContaining('16384 columns') }],
    });
    await expect(parseXlsx(xlsxClaimingXfd({ ref: 'A1:A2' }).body, limits)).rejects.toMatchObject({
      details: [{ message: expect.stringContaining('column 16384') }],
    });
  });

  it('counts rows and cells while streaming a sheet that has no dimension', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>r${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
    );
    const buf = xlsxWithSheet(`<sheetData>${rows.join('')}</sheetData>`).body;
    await expect(parseXlsx(buf, { ...limits, maxRows: 10 })).rejects.toMatchObject({
      code: 'RS_IMPORT_TOO_LARGE',
      details: [{ message: expect.stringContaining('row 12') }],
    });
    await expect(parseXlsx(buf, { ...limits, maxCells: 23 })).rejects.toMatchObject({
      details: [{ message: 'more than 23 cells' }],
    });
    expect(await parseXlsx(buf, { ...limits, maxRows: 11 })).toHaveLength(12);
  });

  it('takes cells without a reference in order, inline strings without their phonetic guide, and x:-prefixed tags', async () => {
    const sheet =
      '<x:sheetData xmlns:x="urn:x"><x:row><x:c t="inlineStr"><x:is><x:r><x:t>東京</x:t></x:r><x:rPh><x:t>とうきょう</x:t></x:rPh></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row></x:sheetData>';
    expect(await parseXlsx(xlsxWithSheet(sheet).body, limits)).toEqual([['東京', '7']]);
  });

  it('refuses a zip bomb from the directory, and stops a lying entry at its declared size', async () => {
    await expect(parseXlsx(xlsxZipBomb().body, limits)).rejects.toMatchObject({
      code: 'RS_IMPORT_TOO_LARGE',
    });
    await expect(
      parseXlsx(xlsxZipBomb({ inflatedBytes: 4 * 1024 * 1024 }).body, limits),
    ).rejects.toMatchObject({
      details: [{ message: expect.stringContaining('compressed more than 100:1') }],
    });
    await expect(parseXlsx(xlsxZipBomb({ lie: true }).body, limits)).rejects.toMatchObject({
      code: 'RS_IMPORT_BAD_FILE',
    });
  });

  it('calls anything that is not a zip workbook a bad file', async () => {
    await expect(parseXlsx(Buffer.from('PK\x03\x04 not really'), limits)).rejects.toMatchObject({
      code: 'RS_IMPORT_BAD_FILE',
    });
  });
});
