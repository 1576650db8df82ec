import { isApiError } from '../services/api.ts';

/** Server codes the console has its own wording for; anything else shows the generic message. */
const TRANSLATED_CODES = ['RS_INVALID_CREDENTIALS', 'RS_RATE_LIMITED', 'RS_VALIDATION', 'RS_UNAUTHENTICATED', 'RS_IMPORT_TOO_LARGE', 'RS_IMPORT_BAD_FILE'] as const;

/** The i18n key for an error thrown by the api client (or anything else). */
export function errorMessageKey(error: unknown): string {
  if (!isApiError(error)) return 'errors.generic';
  if ((TRANSLATED_CODES as readonly string[]).includes(error.code)) return `errors.${error.code}`;
  if (error.code === 'RS_NETWORK' || error.status === 502 || error.status === 503 || error.status === 504) {
    return 'errors.network';
  }
  return 'errors.generic';
}
