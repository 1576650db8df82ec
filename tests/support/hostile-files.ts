// Hostile import files, built in memory in milliseconds, for tests of the import limits (and for the
// real-stack "while a call is in progress" test). Each returns the bytes and the filename to upload as.
//
// - xlsxClaimingXfd(): the report that started this — a few KB of .xlsx whose sheet declares
//   <dimension ref="A1:XFD1048576"/> and has a value in XFD1 (exceljs gave every row 16,384 cells).
// - xlsxZipBomb(): one sheet entry that inflates to 1 GiB of repeated row XML from ~1 MB.
// - bigCsv(): a CSV of the given size (default 50 MiB) of plausible rows.
// - csvRows()/csvColumns(): small CSVs just past the row or column limit.
// - xlsxWithSheet(): any sheet XML in a minimal workbook (for readers' edge cases).
import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';

const MiB = 1024 * 1024;

export interface HostileFile {
  filename: string;
  body: Buffer;
  contentType: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ZipPart {
  name: string;
  /** Raw deflate stream of the content. */
  deflated: Buffer;
  crc: number;
  size: number;
  /** What the central directory and local header claim; defaults to the true size. */
  declaredSize?: number;
}

function deflatePart(name: string, text: string): ZipPart {
  const data = Buffer.from(text);
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** A minimal zip (deflate, no data descriptors, no zip64): enough for yauzl, jszip and exceljs. */
export function buildZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 26); // flags … uncompressed size are the same fields in the same order
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Everything of a one-sheet workbook except the sheet. */
function workbookParts(): ZipPart[] {
  return [
    deflatePart(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflatePart(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatePart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflatePart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * A workbook whose sheet declares `ref` (default the whole grid, A1:XFD1048576) and holds a header,
 * `rows` names in column A, and one value in XFD1. Pass a small `ref` to model a lying dimension.
 */
export function xlsxClaimingXfd(opts: { ref?: string; rows?: number } = {}): HostileFile {
  const { ref = 'A1:XFD1048576', rows = 2000 } = opts;
  const body = [`<row r="1">${inline('A1', 'name')}${inline('XFD1', 'far away')}</row>`];
  for (let r = 2; r <= rows + 1; r++) body.push(`<row r="${r}">${inline(`A${r}`, `Lead ${r}`)}</row>`);
  return xlsxWithSheet(`<dimension ref="${ref}"/><sheetData>${body.join('')}</sheetData>`, 'xfd.xlsx');
}

/** A one-sheet workbook whose sheet1.xml holds `inner` inside <worksheet> (e.g. a <sheetData> without a <dimension>). */
export function xlsxWithSheet(inner: string, filename = 'sheet.xlsx'): HostileFile {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}">${inner}</worksheet>`;
  return {
    filename,
    body: buildZip([...workbookParts(), deflatePart('xl/worksheets/sheet1.xml', sheet)]),
    contentType: XLSX_TYPE,
  };
}

/** Compresses `unit` once and repeats the compressed bytes: each copy is a self-contained sync-flushed block run. */
function repeatedDeflate(
  prefix: Buffer,
  unit: Buffer,
  copies: number,
): { deflated: Buffer; crc: number; size: number } {
  const flush = { finishFlush: zlibConstants.Z_SYNC_FLUSH };
  const head = deflateRawSync(prefix, flush);
  const body = deflateRawSync(unit, flush);
  const last = deflateRawSync(Buffer.alloc(0)); // an empty final block
  let crc = crc32(prefix);
  for (let i = 0; i < copies; i++) crc = crc32(unit, crc);
  const deflated = Buffer.concat([head, ...Array.from({ length: copies }, () => body), last]);
  return { deflated, crc, size: prefix.length + unit.length * copies };
}

/**
 * An .xlsx whose sheet inflates to `inflatedBytes` (default 1 GiB) of repeated rows from about a
 * thousandth of that. `lie: true` declares a 64 KB sheet in the zip directory instead of the truth,
 * so only a reader that counts while inflating stops it.
 */
export function xlsxZipBomb(opts: { inflatedBytes?: number; lie?: boolean } = {}): HostileFile {
  const { inflatedBytes = 1024 * MiB, lie = false } = opts;
  const prefix = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`);
  const row = '<row><c t="inlineStr"><is><t>0000000000</t></is></c></row>';
  const unit = Buffer.from(row.repeat(Math.floor(MiB / row.length)));
  const copies = Math.max(1, Math.round(inflatedBytes / unit.length));
  const { deflated, crc, size } = repeatedDeflate(prefix, unit, copies);
  const sheet: ZipPart = {
    name: 'xl/worksheets/sheet1.xml',
    deflated,
    crc,
    size,
    ...(lie ? { declaredSize: 64 * 1024 } : {}),
  };
  return { filename: 'bomb.xlsx', body: buildZip([...workbookParts(), sheet]), contentType: XLSX_TYPE };
}

/** A UTF-8 CSV of `bytes` bytes (default 50 MiB): a header and identical plausible rows. */
export function bigCsv(bytes = 50 * MiB): HostileFile {
  const header = Buffer.from('name,phone,email\n');
  return {
    filename: 'big.csv',
    body: Buffer.concat([
      header,
      Buffer.alloc(bytes - header.length, 'Lead Name,13800138000,lead@example.com\n'),
    ]),
    contentType: 'text/csv',
  };
}

/** A small CSV with a header and `rows` data rows (use one past the row limit). */
export function csvRows(rows: number): HostileFile {
  const header = Buffer.from('name,phone\n');
  const line = 'A,13800138000\n';
  return {
    filename: 'rows.csv',
    body: Buffer.concat([header, Buffer.alloc(rows * line.length, line)]),
    contentType: 'text/csv',
  };
}

/** A CSV whose header and one row have `columns` columns (use one past the column limit). */
export function csvColumns(columns: number): HostileFile {
  const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
  const row = Array.from({ length: columns }, () => 'x').join(',');
  return { filename: 'wide.csv', body: Buffer.from(`${header}\n${row}\n`), contentType: 'text/csv' };
}
