import { describe, expect, it } from 'vitest';
import { csvCell, neutralizeCell } from './csv.ts';

describe('CSV cells', () => {
  it.each(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx'])('neutralises the formula-looking %j with an apostrophe', (v) => {
    expect(neutralizeCell(v)).toBe(`'${v}`);
  });

  it('leaves ordinary text alone and quotes commas, quotes and newlines', () => {
    expect(csvCell('深圳华为技术有限公司')).toBe('深圳华为技术有限公司');
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell(null)).toBe('');
  });
});
