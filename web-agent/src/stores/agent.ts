// The signed-in agent's ACD state, mirrored from the server (which owns the state machine and keeps it
// across console reloads): loaded once, then kept current by 'agent:state' pushes.
import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { CLIENT_ERROR_CODES, isApiError } from '../services/api.ts';
import { connectSocket } from '../services/socket.ts';
import { telephonyApi, type AgentStatePayload, type CodeOption } from '../services/telephony.ts';

export const useAgentStore = defineStore('agent', () => {
  const state = ref<AgentStatePayload | null>(null);
  const pauseCodes = ref<CodeOption[]>([]);
  const busy = ref(false);
  const now = ref(Date.now());
  let ticking: ReturnType<typeof setInterval> | undefined;
  let subscribed = false;

  function set(next: AgentStatePayload): void {
    state.value = next;
  }

  async function load(): Promise<void> {
    if (!subscribed) {
      const socket = connectSocket();
      socket.on('agent:state', set);
      // Pushes sent while the socket was away (a server restart, a network blip) are lost: read the
      // state again on every reconnect rather than trusting what the page last heard.
      socket.io.on('reconnect', () => void refresh());
      subscribed = true;
    }
    ticking ??= setInterval(() => (now.value = Date.now()), 1000);
    const [s, codes] = await Promise.all([
      telephonyApi.agentState(),
      telephonyApi.pauseCodes().catch(() => []),
    ]);
    set(s);
    pauseCodes.value = codes;
  }

  async function refresh(): Promise<void> {
    try {
      set(await telephonyApi.agentState());
    } catch (err) {
      // A server still starting (503) or unreachable: the next push or reconnect brings the state.
      // Anything else (signed out: 401 is handled by the api client) is not this store's to hide.
      if (!isApiError(err) || (err.status < 500 && err.code !== CLIENT_ERROR_CODES.network)) throw err;
    }
  }

  async function run(action: () => Promise<AgentStatePayload>): Promise<void> {
    busy.value = true;
    try {
      set(await action());
    } finally {
      busy.value = false;
    }
  }

  /** Seconds left of wrap-up (the server ends it by itself at `until`). */
  const wrapUpLeft = computed(() => {
    const until = state.value?.state === 'wrapUp' ? state.value.until : null;
    return until ? Math.max(0, Math.ceil((Date.parse(until) - now.value) / 1000)) : null;
  });

  return {
    state,
    pauseCodes,
    busy,
    wrapUpLeft,
    load,
    signIn: () => run(telephonyApi.signIn),
    signOut: () => run(telephonyApi.signOut),
    ready: () => run(telephonyApi.ready),
    pause: (reason: string) => run(() => telephonyApi.pause(reason)),
  };
});
