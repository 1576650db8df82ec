// The call on the agent's desk: the offer (screen pop), its live status, and the wrap-up that follows.
// Call control is server-side (hold, transfer, conference go through REST); answer/mute are the softphone's.
import { ref, watch } from 'vue';
import { defineStore } from 'pinia';
import { connectSocket } from '../services/socket.ts';
import {
  telephonyApi,
  type CallEndedPayload,
  type CallOfferPayload,
  type CallUpdatePayload,
  type CodeOption,
  type TransferBody,
  type WrapUpBody,
} from '../services/telephony.ts';
import { nowMs } from '../modules/call-panel/timings.ts';
import { useAgentStore } from './agent.ts';

export const useCallsStore = defineStore('calls', () => {
  const offer = ref<CallOfferPayload | null>(null);
  /** When the offer reached the page (for the pop timing). */
  const offerReceivedAt = ref(0);
  const update = ref<CallUpdatePayload | null>(null);
  /** The ended call awaiting a disposition. */
  const wrapUp = ref<CallEndedPayload | null>(null);
  const dispositions = ref<CodeOption[]>([]);
  let subscribed = false;

  function subscribe(): void {
    if (subscribed) return;
    subscribed = true;
    const socket = connectSocket();
    socket.on('call:offer', (payload) => {
      offerReceivedAt.value = nowMs();
      offer.value = payload;
      update.value = null;
    });
    // Updates and the end may concern a call this agent got without an offer of its own (e.g. the
    // consult leg of a transfer): follow whichever call is on the desk.
    socket.on('call:update', (payload) => {
      if (!offer.value || offer.value.callId === payload.callId) update.value = payload;
    });
    socket.on('call:ended', (payload) => {
      const mine =
        !offer.value || offer.value.callId === payload.callId || update.value?.callId === payload.callId;
      if (!mine) return;
      update.value = update.value ? { ...update.value, status: 'ended' } : null;
      if (payload.wrapUpRequired) wrapUp.value = payload;
      else if (offer.value?.callId === payload.callId) offer.value = null;
    });
    // A call that ended while the console was away (a reconnect after a server restart) sends no
    // call:ended any more: when the agent's state comes back free of it, the desk lets it go.
    const agent = useAgentStore();
    watch(
      () => agent.state,
      (s) => {
        const desk = offer.value?.callId;
        if (!s || !desk || wrapUp.value || s.callId === desk) return;
        if (s.state === 'ready' || s.state === 'paused' || s.state === 'signedOut') {
          offer.value = null;
          update.value = null;
        }
      },
    );
    void telephonyApi
      .dispositions()
      .then((d) => (dispositions.value = d))
      .catch(() => undefined);
  }

  const id = () => offer.value?.callId ?? update.value?.callId ?? '';

  async function submitWrapUp(body: WrapUpBody): Promise<void> {
    const callId = wrapUp.value?.callId;
    if (!callId) return;
    await telephonyApi.wrapUp(callId, body);
    wrapUp.value = null;
    if (offer.value?.callId === callId) offer.value = null;
    update.value = null;
  }

  return {
    offer,
    offerReceivedAt,
    update,
    wrapUp,
    dispositions,
    subscribe,
    hold: () => telephonyApi.hold(id()),
    retrieve: () => telephonyApi.retrieve(id()),
    hangup: () => telephonyApi.hangup(id()),
    transfer: (body: TransferBody) => telephonyApi.transfer(id(), body),
    completeTransfer: () => telephonyApi.completeTransfer(id()),
    cancelTransfer: () => telephonyApi.cancelTransfer(id()),
    conference: () => telephonyApi.conference(id()),
    submitWrapUp,
  };
});
