// Shows the server's `reminder` socket events (due follow-ups and service requests) as notifications.
// Call it once from a mounted component; the shell can call it in its layout so reminders show anywhere.
import { onBeforeUnmount, onMounted } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElNotification } from 'element-plus';
import { connectSocket } from '../../services/socket.ts';
import type { ReminderEvent } from '../../../../server/src/contracts/activities.ts';

export function useReminderNotifications(): void {
  const { t, locale } = useI18n();
  const show = (r: ReminderEvent) => {
    ElNotification({
      title: t('crm.activity.reminder'),
      // Rendered as text by Element Plus (no dangerouslyUseHTMLString): subjects are user input.
      message: `${r.subject}${r.dueAt ? ` · ${new Date(r.dueAt).toLocaleString(locale.value)}` : ''}`,
      type: 'warning',
      duration: 0,
    });
  };
  onMounted(() => connectSocket().on('reminder', show));
  onBeforeUnmount(() => connectSocket().off('reminder', show));
}
