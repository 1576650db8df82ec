// Thin store over the Softphone service: one instance per signed-in console, alive across page changes
// (its hidden <audio> element hangs off <body>). Components read `state` and call the actions.
import { ref, shallowRef, watch } from 'vue';
import { defineStore } from 'pinia';
import { Softphone } from '../services/sip/softphone.ts';
import { INITIAL_STATE, type SoftphoneState } from '../services/sip/softphone-machine.ts';
import { telephonyApi } from '../services/telephony.ts';
import { nextPop, nowMs, popPainted, recordRing } from '../modules/call-panel/timings.ts';
import { useCallsStore } from './calls.ts';
import { useSessionStore } from './session.ts';

/** Tone tests turn off voice processing so a pure sine survives (?rawAudio=1 or localStorage flag). */
function rawAudioRequested(): boolean {
  return new URLSearchParams(location.search).has('rawAudio') || localStorage.getItem('ringside.rawAudio') === '1';
}

const RAW_AUDIO: MediaTrackConstraints = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
const AUTO_ANSWER_WINDOW_MS = 15_000;
const ENDED_DISPLAY_MS = 1500;
/** Longest the phone's ringing waits for the screen pop (the offer normally precedes the INVITE). */
const POP_WAIT_MS = 400;

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

  /** Rung call ids, so a pop already used for one INVITE is not taken for the next. */
  const rung = new Set<string>();
  let stateSeq = 0;

  function show(next: SoftphoneState): void {
    state.value = next;
    if (next.name === 'ended') setTimeout(() => phone.value?.reset(), ENDED_DISPLAY_MS);
  }

  /**
   * Pop before ring: the server pushes 'call:offer' before it originates to the agent, but the socket and
   * the SIP WebSocket are separate paths and painting takes a frame, so the INVITE can reach the page
   * first. The console then holds the ringing (the phone's UI and state) until the pop of this call is
   * painted, at most POP_WAIT_MS; answering works meanwhile. Both moments are recorded (timings.ts).
   */
  async function ring(next: SoftphoneState, seq: number): Promise<void> {
    const inviteAt = nowMs();
    if (Date.now() < autoAnswerUntil) {
      autoAnswerUntil = 0;
      show(next);
      // Deferred: the Softphone reports 'ringing' before it keeps the invitation, so an answer in the same
      // tick would find no session and silently do nothing (the phone then rings until it times out).
      queueMicrotask(() => void phone.value?.answer());
      return;
    }
    const calls = useCallsStore();
    const pending = calls.offer && !rung.has(calls.offer.callId) ? calls.offer.callId : null;
    let callId = pending && popPainted(pending) ? pending : null;
    if (!callId) callId = await nextPop((id) => !rung.has(id), POP_WAIT_MS);
    if (seq !== stateSeq) return; // the call moved on (answered, ended) while we waited
    if (callId) rung.add(callId);
    recordRing(callId, inviteAt);
    show(next);
  }

  function onState(next: SoftphoneState): void {
    const seq = ++stateSeq;
    if (next.name === 'ringing') void ring(next, seq);
    else show(next);
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
