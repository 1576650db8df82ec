import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/**
 * What Excel writes: UTF-8 with a BOM ("CSV UTF-8"), or on a Chinese Windows the ANSI code page, GBK,
 * of which GB18030 is a superset. A BOM decides; otherwise text that is valid UTF-8 is UTF-8 (GBK Chinese
 * text is almost never valid UTF-8); anything else is read as GB18030.
 */
export function detectEncoding(buf: Uint8Array): TextEncoding {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8-bom';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(buf);
  if (encoding === 'utf-8-bom') return { text: buf.subarray(3).toString('utf8'), encoding };
  if (encoding === 'utf-8') return { text: buf.toString('utf8'), encoding };
  return { text: iconv.decode(buf, 'gb18030'), encoding };
}
