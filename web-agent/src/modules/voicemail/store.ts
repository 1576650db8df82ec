// The user's voicemail: loaded on demand, kept current by the 'voicemail:new' push (a toast says a
// message arrived), and marked heard when played.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { connectSocket } from '../../services/socket.ts';
import { voicemailApi, type VoicemailItem } from './api.ts';
import { addMessage, replaceMessage } from './merge.ts';

export const useVoicemailStore = defineStore('voicemail', () => {
  const items = ref<VoicemailItem[]>([]);
  const unheard = ref(0);
  const loading = ref(false);
  let listening = false;
  const onArrival = new Set<(item: VoicemailItem) => void>();

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const r = await voicemailApi.list();
      items.value = r.items;
      unheard.value = r.unheard;
    } finally {
      loading.value = false;
    }
  }

  function listen(): void {
    if (listening) return;
    listening = true;
    const socket = connectSocket();
    // A message that arrives while the socket is still connecting (or reconnecting) gets no push:
    // re-read the list whenever the socket (re)connects.
    socket.on('connect', () => void load().catch(() => undefined));
    socket.on('voicemail:new', (item) => {
      const r = addMessage(items.value, item);
      items.value = r.list;
      if (r.added && !item.heardAt) unheard.value++;
      for (const f of onArrival) f(item);
    });
  }

  async function markHeard(id: string): Promise<void> {
    const before = items.value.find((v) => v.id === id);
    if (!before || before.heardAt) return;
    const after = await voicemailApi.heard(id);
    items.value = replaceMessage(items.value, after);
    unheard.value = Math.max(0, unheard.value - 1);
  }

  return { items, unheard, loading, load, listen, markHeard, onArrival };
});
