// The supervisor's sessions (callId → mode) and, on an agent's console, whether their call is being
// monitored. Fed by the REST answers and by the 'supervision:monitor' socket push (so a second tab and
// a call that ends by itself stay right).
import { reactive, ref } from 'vue';
import { defineStore } from 'pinia';
import { connectSocket } from '../../services/socket.ts';
import type { MonitorMode } from './api.ts';

export const useSupervisionStore = defineStore('supervision', () => {
  const modes = reactive(new Map<string, MonitorMode>());
  /** Agent side: the call someone is monitoring now (only pushed when the tenant policy allows). */
  const monitoredCallId = ref<string | null>(null);
  /** Counts socket reconnects: views that list sessions read them again when it moves. */
  const reconnects = ref(0);
  let subscribed = false;

  function subscribe(): void {
    if (subscribed) return;
    subscribed = true;
    const socket = connectSocket();
    socket.on('supervision:monitor', (p) => {
      if (p.audience === 'agent') monitoredCallId.value = p.mode ? p.callId : null;
      else setMode(p.callId, p.mode);
    });
    // Pushes sent while the socket was away are lost, and a restarted server holds no sessions (it hung
    // up their phones and snoops): forget what we knew. On connecting, the server tells the sessions it
    // still holds for this user, after this runs.
    socket.io.on('reconnect', () => {
      modes.clear();
      monitoredCallId.value = null;
      reconnects.value += 1;
    });
  }

  function setMode(callId: string, mode: MonitorMode | null): void {
    if (mode) modes.set(callId, mode);
    else modes.delete(callId);
  }

  return { modes, monitoredCallId, reconnects, subscribe, setMode };
});
