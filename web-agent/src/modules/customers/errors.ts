import { ElMessage } from 'element-plus';
import { isApiError } from '../../services/api.ts';
import { i18n } from '../../i18n/index.ts';
import { errorMessageKey } from '../../i18n/errors.ts';

/** Per-field messages keyed by the server's detail path ("name", "phones/0/number", "custom.tier"). */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!isApiError(err)) return {};
  return Object.fromEntries(err.details.map((d) => [d.path, d.message]));
}

/** One toast per failed call: the translated code, plus the first field detail when there is one. */
export function showError(err: unknown): void {
  const base = i18n.global.t(errorMessageKey(err));
  const detail = isApiError(err) && err.details[0] ? ` (${err.details[0].path}: ${err.details[0].message})` : '';
  ElMessage.error(base + detail);
}
