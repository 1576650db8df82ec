import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { decodeText, detectEncoding } from './decode.ts';
import { suggestMapping } from './mapping.ts';
import { toCandidate } from './rows.ts';

describe('csv parsing', () => {
  it('handles quotes, doubled quotes, embedded newlines and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', 'z']]);
  });

  it('keeps blank lines so row numbers match the file, and detects ; and tab separators', () => {
    expect(parseCsv('a;b\n\n1;2')).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('stops at the first row, column or cell past the limits (blank lines are not rows)', () => {
    const limits = { maxRows: 2, maxColumns: 3, maxCells: 20 };
    expect(parseCsv('h\n1\n\n\n2\n', limits)).toHaveLength(5);
    expect(() => parseCsv('h\n1\n2\n3\n', limits)).toThrow(expect.objectContaining({ code: 'RS_IMPORT_TOO_LARGE', details: [{ path: 'file', message: 'more than 2 rows' }] }));
    expect(() => parseCsv('a,b,c,d\n', limits)).toThrow(expect.objectContaining({ details: [{ path: 'file', message: 'row 1 has more than 3 columns' }] }));
    expect(() => parseCsv('a,b\n'.repeat(11), { ...limits, maxRows: 100 })).toThrow(expect.objectContaining({ details: [{ path: 'file', message: 'more than 20 cells' }] }));
  });
});

describe('encoding detection', () => {
  it('BOM → UTF-8 with BOM stripped; valid UTF-8 → UTF-8; otherwise GB18030', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('姓名')]))).toEqual({ text: '姓名', encoding: 'utf-8-bom' });
    expect(detectEncoding(Buffer.from('姓名,公司'))).toBe('utf-8');
    const gbk = iconv.encode('姓名,公司,手机', 'gbk');
    expect(decodeText(gbk)).toEqual({ text: '姓名,公司,手机', encoding: 'gb18030' });
  });
});

describe('mapping suggestions', () => {
  it('recognises Chinese and English headers, several phone columns, and custom fields by label', () => {
    expect(suggestMapping(['姓名', 'Company Name', '手机', '电话', 'E-mail', '职务', '微信号', 'Unknown'], [{ key: 'wechat', label: '微信号' }])).toEqual({
      '0': 'name', '1': 'company', '2': 'phone', '3': 'phone', '4': 'email', '5': 'title', '6': 'custom.wechat',
    });
  });

  it('suggests a field only once (the first column wins)', () => {
    expect(suggestMapping(['name', '姓名'])).toEqual({ '0': 'name' });
  });
});

describe('row → candidate', () => {
  const mapping = { '0': 'name', '1': 'phone', '2': 'email', '3': 'custom.level' };
  it('normalises several numbers in one cell and collects custom values', () => {
    const c = toCandidate(['张伟', '138 0013 8000 / 010-6552 9988', 'ZW@x.cn', 'A'], 2, mapping, 'CN');
    expect(c).toMatchObject({ rowNumber: 2, name: '张伟', email: 'ZW@x.cn', custom: { level: 'A' } });
    expect('phones' in c && c.phones.map((p) => p.e164)).toEqual(['+8613800138000', '+861065529988']);
  });

  it('reports the first problem of a bad row with its field', () => {
    expect(toCandidate(['', '13800138000'], 3, mapping, 'CN')).toEqual({ rowNumber: 3, kind: 'error', field: 'name', reason: 'required' });
    expect(toCandidate(['A', '12'], 4, mapping, 'CN')).toMatchObject({ field: 'phone' });
    expect(toCandidate(['A', '', 'x@'], 5, mapping, 'CN')).toMatchObject({ field: 'email' });
  });
});
