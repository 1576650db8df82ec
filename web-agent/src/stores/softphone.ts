// Thin store over the Softphone service: one instance per signed-in console, alive across page changes
// (its hidden <audio> element hangs off <body>). Components read `state` and call the actions.
import { ref, shallowRef, watch } from 'vue';
import { defineStore } from 'pinia';
import { Softphone } from '../services/sip/softphone.ts';
import { INITIAL_STATE, type SoftphoneState } from '../services/sip/softphone-machine.ts';
import { telephonyApi } from '../services/telephony.ts';
import { recordRing } from '../modules/call-panel/timings.ts';
import { useCallsStore } from './calls.ts';
import { useSessionStore } from './session.ts';

/** Tone tests turn off voice processing so a pure sine survives (?rawAudio=1 or localStorage flag). */
function rawAudioRequested(): boolean {
  return new URLSearchParams(location.search).has('rawAudio') || localStorage.getItem('ringside.rawAudio') === '1';
}

const RAW_AUDIO: MediaTrackConstraints = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
const AUTO_ANSWER_WINDOW_MS = 15_000;
const ENDED_DISPLAY_MS = 1500;

function hiddenAudio(): HTMLAudioElement {
  const el = document.createElement('audio');
  el.autoplay = true;
  el.hidden = true;
  el.dataset.testid = 'softphone-audio';
  document.body.appendChild(el);
  return el;
}

export const useSoftphoneStore = defineStore('softphone', () => {
  const state = ref<SoftphoneState>(INITIAL_STATE);
  const lastError = ref<string | null>(null);
  const phone = shallowRef<Softphone | null>(null);
  /** Click-to-dial rings the agent's own phone first: answer that call without a click. */
  let autoAnswerUntil = 0;

  function onState(next: SoftphoneState): void {
    const previous = state.value.name;
    state.value = next;
    if (next.name === 'ringing' && previous !== 'ringing') {
      recordRing(useCallsStore().offer?.callId ?? null);
      if (Date.now() < autoAnswerUntil) {
        autoAnswerUntil = 0;
        void phone.value?.answer();
      }
    }
    if (next.name === 'ended') setTimeout(() => phone.value?.reset(), ENDED_DISPLAY_MS);
  }

  async function start(): Promise<void> {
    if (phone.value) return;
    const config = await telephonyApi.softphoneConfig();
    const created = new Softphone(
      { ...config, iceServers: config.iceServers, audioConstraints: rawAudioRequested() ? RAW_AUDIO : true },
      hiddenAudio(),
    );
    created.on('state', onState);
    created.on('error', (m) => (lastError.value = m));
    phone.value = created;
    exposeTestHooks(created);
    // Signing out of the console unregisters the phone: nobody may ring a console without a user.
    const session = useSessionStore();
    const stopWatching = watch(
      () => session.status,
      (status) => {
        if (status !== 'authenticated') {
          stopWatching();
          void stop();
        }
      },
    );
    await created.start();
  }

  async function stop(): Promise<void> {
    await phone.value?.stop();
    phone.value = null;
  }

  function expectOwnCall(): void {
    autoAnswerUntil = Date.now() + AUTO_ANSWER_WINDOW_MS;
  }

  return {
    state,
    lastError,
    start,
    stop,
    expectOwnCall,
    answer: () => phone.value?.answer(),
    hangup: () => phone.value?.hangup(),
    mute: (on: boolean) => phone.value?.mute(on),
    sendDtmf: (digit: string) => phone.value?.sendDtmf(digit) ?? false,
  };
});

declare global {
  interface Window {
    __ringsideMediaStats?: () => Promise<{ packetsSent: number; packetsReceived: number }>;
  }
}

/** Read-only diagnostics for tests: RTP packet counts of the current call. */
function exposeTestHooks(phone: Softphone): void {
  window.__ringsideMediaStats = () => phone.mediaStats();
}
