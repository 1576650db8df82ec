// What the admin tabs pick from each other: queues (DID / IVR / overflow targets, agent memberships),
// IVR menus (DID targets, sub-menus) and agents (members, user targets). Reloaded after every save.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { adminApi, type AgentRow, type IvrMenuRow, type QueueRow } from './api.ts';

export const useAdminStore = defineStore('admin', () => {
  const queues = ref<QueueRow[]>([]);
  const menus = ref<IvrMenuRow[]>([]);
  const agents = ref<AgentRow[]>([]);

  async function refresh(): Promise<void> {
    const [q, m, a] = await Promise.all([adminApi.queues(), adminApi.menus(), adminApi.agents()]);
    queues.value = q;
    menus.value = m;
    agents.value = a;
  }

  /** A readable name for a route target (queue / menu / user / mailbox), falling back to the raw id. */
  function targetLabel(kind: string, target: string): string {
    if (kind === 'queue') return queues.value.find((q) => q.id === target)?.name ?? target;
    if (kind === 'ivr' || kind === 'menu') return menus.value.find((m) => m.id === target)?.name ?? target;
    if (kind === 'user') return agents.value.find((a) => a.id === target)?.displayName ?? target;
    if (kind === 'voicemail') {
      const [k, id = ''] = target.includes(':') ? target.split(':', 2) : ['queue', target];
      return targetLabel(k === 'user' ? 'user' : 'queue', id);
    }
    return target;
  }

  return { queues, menus, agents, refresh, targetLabel };
});
