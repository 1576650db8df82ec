// Campaign console state: the campaign list, each campaign's progress from the API, and the dialer's live
// figures pushed as 'campaign:progress' (to the supervisor and admin rooms) merged on top.
import { ref } from 'vue';
import { defineStore } from 'pinia';
import { connectSocket } from '../../services/socket.ts';
import { campaignsApi } from './api.ts';
import type { Campaign, CampaignProgress, LiveProgress } from './types.ts';

/** The event is declared by the dialer in the shared realtime contract; listened to by name so the console
 * does not depend on the order the two sides land in. */
type LooseSocket = { on(ev: string, fn: (p: LiveProgress) => void): unknown; off(ev: string, fn: (p: LiveProgress) => void): unknown };

export const useCampaignsStore = defineStore('campaigns', () => {
  const list = ref<Campaign[]>([]);
  const loading = ref(false);
  const progress = ref<Record<string, CampaignProgress>>({});
  const live = ref<Record<string, LiveProgress>>({});
  let listening: ((p: LiveProgress) => void) | undefined;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      list.value = await campaignsApi.list();
      for (const c of list.value) if (c.progress) progress.value[c.id] = c.progress;
      // The list shows each campaign's progress bar; the first page's worth is enough for a contact centre.
      void Promise.all(list.value.slice(0, 50).filter((c) => !c.progress).map((c) => loadProgress(c.id).catch(() => undefined)));
      // The pushes only come on change: start from the dialer's current figures (none without a dialer).
      for (const p of await campaignsApi.live().catch(() => [])) live.value[p.campaignId] = p;
    } finally {
      loading.value = false;
    }
  }

  async function loadProgress(id: string): Promise<void> {
    progress.value[id] = await campaignsApi.progress(id);
  }

  function onLive(p: LiveProgress): void {
    live.value[p.campaignId] = p;
    const c = list.value.find((x) => x.id === p.campaignId);
    if (c && (['draft', 'running', 'paused', 'stopped', 'completed'] as string[]).includes(p.status)) c.status = p.status as Campaign['status'];
  }

  function subscribe(): void {
    if (listening) return;
    listening = onLive;
    (connectSocket() as unknown as LooseSocket).on('campaign:progress', listening);
  }

  function unsubscribe(): void {
    if (!listening) return;
    (connectSocket() as unknown as LooseSocket).off('campaign:progress', listening);
    listening = undefined;
  }

  function replace(c: Campaign): void {
    const i = list.value.findIndex((x) => x.id === c.id);
    if (i >= 0) list.value[i] = { ...list.value[i], ...c };
    else list.value.unshift(c);
  }

  return { list, loading, progress, live, load, loadProgress, subscribe, unsubscribe, replace, onLive };
});
