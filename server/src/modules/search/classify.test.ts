import { describe, expect, it } from 'vitest';
import { classifyQuery } from './service.ts';

describe('classifyQuery', () => {
  it.each([
    ['+86 138-0013-8000', 'phone'],
    ['(010) 6552 9988', 'phone'],
    ['1234', 'name'],
    ['a@b.cn', 'email'],
    ['华为', 'name'],
    ['Huawei 2024', 'name'],
  ])('%j is a %s query', (q, kind) => {
    expect(classifyQuery(q)).toBe(kind);
  });
});
