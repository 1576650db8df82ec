// The wallboard's live state: the snapshot from GET /api/wallboard, then the `wallboard:update` pushes
// folded in (no polling; after a reconnect the snapshot is fetched again). `now` ticks every second
// so the timers (time in state, longest wait, call duration) run in the browser from the server's
// timestamps without asking the server.
import { computed, ref, shallowReactive } from 'vue';
import { defineStore } from 'pinia';
import type { WallboardAgentRow, WallboardCampaignTile, WallboardQueueTile, WallboardSnapshot, WallboardUpdate } from '../../../../server/src/contracts/wallboard.ts';
import { api } from '../../services/api.ts';
import { connectSocket } from '../../services/socket.ts';

export const useWallboardStore = defineStore('wallboard', () => {
  const queues = shallowReactive(new Map<string, WallboardQueueTile>());
  const agents = shallowReactive(new Map<string, WallboardAgentRow>());
  const campaigns = shallowReactive(new Map<string, WallboardCampaignTile>());
  const meta = ref<Pick<WallboardSnapshot, 'day' | 'dayStart' | 'timeZone' | 'campaignsAvailable'> | null>(null);
  const connected = ref(false);
  const now = ref(Date.now());
  /** Server clock minus ours, so timers agree with the server's timestamps. */
  let skewMs = 0;
  /** Campaigns pushed by the dialer (to every supervisor) that we asked the scoped snapshot about. */
  const askedCampaigns = new Set<string>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let detach: (() => void) | undefined;

  function applySnapshot(s: WallboardSnapshot): void {
    skewMs = Date.parse(s.at) - Date.now();
    queues.clear();
    agents.clear();
    campaigns.clear();
    for (const q of s.queues) queues.set(q.queueId, q);
    for (const a of s.agents) agents.set(a.agentId, a);
    for (const c of s.campaigns) campaigns.set(c.campaignId, c);
    meta.value = { day: s.day, dayStart: s.dayStart, timeZone: s.timeZone, campaignsAvailable: s.campaignsAvailable };
    now.value = Date.now() + skewMs;
  }

  function applyUpdate(u: WallboardUpdate): void {
    for (const q of u.queues) queues.set(q.queueId, q);
    for (const a of u.agents) agents.set(a.agentId, a);
    for (const c of u.campaigns) campaigns.set(c.campaignId, c);
    for (const id of u.removedAgents) agents.delete(id);
    for (const id of u.removedQueues) queues.delete(id);
    // A new row shows its time from now, not from the last clock tick up to a second ago.
    now.value = Date.now() + skewMs;
  }

  async function refresh(): Promise<void> {
    applySnapshot(await api.get<WallboardSnapshot>('/api/wallboard'));
  }

  function open(): void {
    const socket = connectSocket();
    const subscribe = () => {
      connected.value = true;
      socket.emit('wallboard:subscribe', () => void refresh().catch(() => undefined));
    };
    const onDisconnect = () => (connected.value = false);
    const onCampaign = (p: WallboardCampaignTile) => {
      if (campaigns.has(p.campaignId)) campaigns.set(p.campaignId, p);
      else if (!askedCampaigns.has(p.campaignId)) {
        // A campaign the last snapshot did not have: the server's scoped snapshot decides whether we see it.
        askedCampaigns.add(p.campaignId);
        void refresh().catch(() => undefined);
      }
    };
    // The dialer pushes its own `campaign:progress` to all supervisors and admins (its payload is the
    // tile); only campaigns in this viewer's snapshot are shown.
    socket.on('wallboard:update', applyUpdate);
    socket.on('wallboard:snapshot', applySnapshot);
    socket.on('connect', subscribe);
    socket.on('disconnect', onDisconnect);
    socket.on('campaign:progress', onCampaign);
    detach = () => {
      socket.off('wallboard:update', applyUpdate);
      socket.off('wallboard:snapshot', applySnapshot);
      socket.off('connect', subscribe);
      socket.off('disconnect', onDisconnect);
      socket.off('campaign:progress', onCampaign);
    };
    timer = setInterval(() => (now.value = Date.now() + skewMs), 1000);
    // Subscribe first, then fetch: a push racing the snapshot is older than or part of it.
    if (socket.connected) subscribe();
  }

  function close(): void {
    detach?.();
    detach = undefined;
    clearInterval(timer);
  }

  const queueList = computed(() => [...queues.values()].sort((a, b) => a.name.localeCompare(b.name)));
  const agentList = computed(() => [...agents.values()].sort((a, b) => a.name.localeCompare(b.name)));
  const campaignList = computed(() => [...campaigns.values()].sort((a, b) => a.name.localeCompare(b.name)));

  return { queues, agents, campaigns, meta, connected, now, queueList, agentList, campaignList, open, close, refresh, applyUpdate, applySnapshot };
});
