import { describe, expect, it } from 'vitest';
import { ApiError } from '../services/api.ts';
import { errorMessageKey } from './errors.ts';
import en from './en.ts';
import zhCN from './zh-CN.ts';

describe('error message keys', () => {
  it('translates the server codes the login page can meet', () => {
    expect(errorMessageKey(new ApiError(401, 'RS_INVALID_CREDENTIALS', 'x'))).toBe('errors.RS_INVALID_CREDENTIALS');
    expect(errorMessageKey(new ApiError(429, 'RS_RATE_LIMITED', 'x'))).toBe('errors.RS_RATE_LIMITED');
    expect(errorMessageKey(new ApiError(400, 'RS_VALIDATION', 'x'))).toBe('errors.RS_VALIDATION');
  });

  it('translates the import refusals (file over the limits, unreadable file)', () => {
    expect(errorMessageKey(new ApiError(413, 'RS_IMPORT_TOO_LARGE', 'x'))).toBe('errors.RS_IMPORT_TOO_LARGE');
    expect(errorMessageKey(new ApiError(400, 'RS_IMPORT_BAD_FILE', 'x'))).toBe('errors.RS_IMPORT_BAD_FILE');
  });

  it('says the server is unreachable for network failures and gateway errors', () => {
    expect(errorMessageKey(new ApiError(0, 'RS_NETWORK', 'x'))).toBe('errors.network');
    expect(errorMessageKey(new ApiError(502, 'HTTP_502', 'x'))).toBe('errors.network');
  });

  it('falls back to the generic message for unknown codes and non-API errors', () => {
    expect(errorMessageKey(new ApiError(500, 'RS_INTERNAL', 'x'))).toBe('errors.generic');
    expect(errorMessageKey(new Error('boom'))).toBe('errors.generic');
  });

  it('every key it can return exists in the messages', () => {
    for (const code of ['RS_INVALID_CREDENTIALS', 'RS_RATE_LIMITED', 'RS_VALIDATION', 'RS_UNAUTHENTICATED', 'RS_IMPORT_TOO_LARGE', 'RS_IMPORT_BAD_FILE', 'network', 'generic']) {
      expect(zhCN.errors).toHaveProperty(code);
      expect(en.errors).toHaveProperty(code);
    }
  });
});
