import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.ts';
import en from './en.ts';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY, readStoredLocale } from './locales.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function leavesOf(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leavesOf);
}

describe('console locales', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
  });

  it('every message in both locales is a non-empty string', () => {
    for (const leaf of [...leavesOf(zhCN), ...leavesOf(en)]) {
      expect(typeof leaf).toBe('string');
      expect((leaf as string).trim()).not.toBe('');
    }
  });

  it('defaults to Simplified Chinese when nothing valid is stored', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(readStoredLocale(undefined)).toBe('zh-CN');
    expect(readStoredLocale({ getItem: () => 'fr' })).toBe('zh-CN');
    expect(readStoredLocale({ getItem: () => { throw new Error('blocked'); } })).toBe('zh-CN');
  });

  it('restores a stored English choice', () => {
    expect(readStoredLocale({ getItem: (key) => (key === LOCALE_STORAGE_KEY ? 'en' : null) })).toBe('en');
  });
});
