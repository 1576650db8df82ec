import { ref } from 'vue';
import { defineStore } from 'pinia';
import { onRealtimeStatus, type RealtimeStatus } from '../services/socket.ts';

/** Mirrors the socket.io connection state for the header indicator. */
export const useRealtimeStore = defineStore('realtime', () => {
  const status = ref<RealtimeStatus>('idle');
  onRealtimeStatus((next) => {
    status.value = next;
  });
  return { status };
});
