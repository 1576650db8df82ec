// Deleting configuration asks first and reports the outcome the same way in every admin tab.
import { ElMessage, ElMessageBox } from 'element-plus';
import { errorMessageKey } from '../../i18n/errors.ts';

type T = (key: string, values?: Record<string, unknown>) => string;

/** Resolves true when the row was deleted (false when the user cancelled or the server refused). */
export async function confirmDelete(t: T, name: string, remove: () => Promise<void>): Promise<boolean> {
  try {
    await ElMessageBox.confirm(t('adminPage.common.confirmDelete', { name }), t('adminPage.common.delete'), { type: 'warning' });
  } catch {
    return false;
  }
  try {
    await remove();
    ElMessage.success(t('adminPage.common.deleted'));
    return true;
  } catch (err) {
    ElMessage.error(t(errorMessageKey(err)));
    return false;
  }
}
