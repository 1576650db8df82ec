// The softphone: SIP.js (UserAgent + Registerer over SIP-over-WebSocket to Asterisk) behind a small class
// driven by softphone-machine.ts. The only module in the console that imports sip.js.
// Media: the remote stream plays through a hidden <audio> element the caller hands in. ICE servers come
// from the server's SoftphoneConfig only: SIP.js's default public STUN server is never used.
// A connection lost without the agent asking (Asterisk restarted, the network dropped the WebSocket) is
// won back by reconnect.ts: reconnect the transport, REGISTER again, with a backoff, until stop().
import { Invitation, Registerer, RegistererState, SessionState, UserAgent, type Session } from 'sip.js';
import type { SessionDescriptionHandler } from 'sip.js/lib/platform/web';
import { Reconnector, shouldReconnect } from './reconnect.ts';
import {
  INITIAL_STATE,
  inCallState,
  transition,
  type SoftphoneEvent,
  type SoftphoneState,
} from './softphone-machine.ts';

/** Longest a REGISTER may go unanswered before the attempt counts as failed. */
const REGISTER_WAIT_MS = 5_000;

export interface SoftphoneSettings {
  uri: string;
  wsUrl: string;
  authorizationUsername: string;
  authorizationPassword: string;
  displayName: string;
  iceServers: RTCIceServer[];
  /** getUserMedia audio constraints; tone tests turn the voice processing off. */
  audioConstraints?: MediaTrackConstraints | boolean;
}

export interface SoftphoneEvents {
  state: (state: SoftphoneState) => void;
  /** A refused request or a SIP.js failure, for a toast; the state machine already reflects it. */
  error: (message: string) => void;
}

type Listeners = { [K in keyof SoftphoneEvents]: Set<SoftphoneEvents[K]> };

export class Softphone {
  private state: SoftphoneState = INITIAL_STATE;
  private ua: UserAgent | undefined;
  private registerer: Registerer | undefined;
  private session: Session | undefined;
  private readonly listeners: Listeners = { state: new Set(), error: new Set() };
  /** stop() was called: a transport loss from now on is ours, not to be reconnected. */
  private stopping = false;
  /** A reconnect attempt is dropping its own connection to start the next one afresh. */
  private recycling = false;
  private readonly reconnector = new Reconnector(() => this.reconnectOnce());

  constructor(
    private readonly settings: SoftphoneSettings,
    private readonly audio: HTMLAudioElement,
  ) {}

  get current(): SoftphoneState {
    return this.state;
  }

  on<K extends keyof SoftphoneEvents>(event: K, listener: SoftphoneEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  /** Feeds the machine; returns false (and reports) when the event is not allowed now. */
  private apply(event: SoftphoneEvent): boolean {
    const t = transition(this.state, event);
    if (!t.ok) {
      for (const l of this.listeners.error) l(t.reason);
      return false;
    }
    if (t.state !== this.state) {
      this.state = t.state;
      for (const l of this.listeners.state) l(this.state);
    }
    return true;
  }

  async start(): Promise<void> {
    if (!this.apply({ type: 'register' })) return;
    this.stopping = false;
    const uri = UserAgent.makeURI(this.settings.uri);
    if (!uri) {
      this.apply({ type: 'registrationFailed', reason: `bad SIP URI ${this.settings.uri}` });
      return;
    }
    this.ua = new UserAgent({
      uri,
      transportOptions: { server: this.settings.wsUrl },
      authorizationUsername: this.settings.authorizationUsername,
      authorizationPassword: this.settings.authorizationPassword,
      displayName: this.settings.displayName,
      logLevel: 'warn',
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: this.settings.iceServers },
        iceGatheringTimeout: 500,
      },
      delegate: {
        onInvite: (invitation) => this.onInvite(invitation),
        onDisconnect: (error) => this.onTransportLost(error),
      },
    });
    this.registerer = this.newRegisterer(this.ua);
    try {
      await this.ua.start();
    } catch (err) {
      // Asterisk unreachable at start (restarting, say): keep trying as after a lost connection.
      this.onTransportLost(err instanceof Error ? err : new Error(String(err)));
      this.apply({ type: 'registrationFailed', reason: err instanceof Error ? err.message : String(err) });
      return;
    }
    await this.register();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.reconnector.stop();
    if (this.session) await this.hangup();
    try {
      await this.registerer?.unregister();
    } catch {
      // the transport may already be gone
    }
    await this.ua?.stop();
    this.ua = undefined;
    this.registerer = undefined;
    this.apply({ type: 'unregistered' });
  }

  /** Registration events of the current Registerer (an abandoned one has nothing more to say). */
  private newRegisterer(ua: UserAgent): Registerer {
    const registerer = new Registerer(ua);
    registerer.stateChange.addListener((s) => {
      if (registerer !== this.registerer) return;
      if (s === RegistererState.Registered) this.apply({ type: 'registered' });
      // While reconnecting, a refused or expired registration is one failed attempt; the next one follows.
      else if (
        (s === RegistererState.Unregistered || s === RegistererState.Terminated) &&
        !this.reconnector.running
      )
        this.apply({ type: 'unregistered' });
    });
    return registerer;
  }

  /**
   * A Registerer never outlives the connection it registered on: a REGISTER left pending on a dead
   * connection blocks it for 32 s (RFC 3261 Timer F) and a new one must not be sent meanwhile. It is
   * disposed while the transport is down, so its un-REGISTER cannot go out (and cannot undo the next
   * registration of the same contact).
   */
  private abandonRegisterer(): void {
    const old = this.registerer;
    this.registerer = undefined;
    if (old) void old.dispose().catch(() => undefined);
  }

  /** SIP.js lost the transport; `error` is set when the agent did not ask for it. */
  private onTransportLost(error?: Error): void {
    if (this.recycling) return;
    if (!shouldReconnect({ unexpected: error !== undefined, stopping: this.stopping })) {
      this.apply({ type: 'unregistered' });
      return;
    }
    this.abandonRegisterer();
    this.apply({ type: 'connectionLost' });
    this.reconnector.start();
  }

  /** One reconnect attempt: the transport first (if down), then REGISTER; true once registered. */
  private async reconnectOnce(): Promise<boolean> {
    const ua = this.ua;
    if (!ua || this.stopping) return true; // stopped meanwhile: nothing left to reconnect
    if (!ua.isConnected()) await ua.reconnect();
    this.registerer ??= this.newRegisterer(ua);
    if (await this.register()) return true;
    // Refused or unanswered: an Asterisk still starting (or stopping) may take the WebSocket and never
    // answer the REGISTER. The next attempt starts on a new connection with a new Registerer.
    this.recycling = true;
    try {
      await ua.transport.disconnect();
    } catch {
      // already down
    } finally {
      this.recycling = false;
    }
    this.abandonRegisterer();
    return false;
  }

  /** Sends REGISTER; resolves true when the registrar accepted it, false on a refusal or no answer. */
  private register(): Promise<boolean> {
    const registerer = this.registerer;
    if (!registerer) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), REGISTER_WAIT_MS);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        resolve(ok);
      };
      registerer
        .register({
          requestDelegate: {
            onAccept: () => {
              this.apply({ type: 'registered' });
              done(true);
            },
            onReject: (r) => {
              this.apply({
                type: 'registrationFailed',
                reason: `${r.message.statusCode} ${r.message.reasonPhrase}`,
              });
              done(false);
            },
          },
        })
        .catch((err: unknown) => {
          this.apply({
            type: 'registrationFailed',
            reason: err instanceof Error ? err.message : String(err),
          });
          done(false);
        });
    });
  }

  private onInvite(invitation: Invitation): void {
    const remote = invitation.remoteIdentity.displayName || invitation.remoteIdentity.uri.user || '';
    if (!this.apply({ type: 'incoming', remote })) {
      void invitation.reject({ statusCode: 486 });
      return;
    }
    this.session = invitation;
    invitation.stateChange.addListener((s) => {
      if (s === SessionState.Established) {
        this.attachMedia(invitation);
        this.apply({ type: 'established' });
      } else if (s === SessionState.Terminated) {
        this.detachMedia();
        if (this.session === invitation) this.session = undefined;
        this.apply({ type: 'terminated', reason: 'ended' });
      }
    });
  }

  async answer(): Promise<void> {
    const session = this.session;
    if (!(session instanceof Invitation) || !this.apply({ type: 'answer' })) return;
    const audio = this.settings.audioConstraints ?? true;
    try {
      await session.accept({ sessionDescriptionHandlerOptions: { constraints: { audio, video: false } } });
    } catch (err) {
      for (const l of this.listeners.error) l(err instanceof Error ? err.message : String(err));
    }
  }

  /** Rejects a ringing call (486 Busy Here: the server offers it to the next agent) or hangs up. */
  async hangup(): Promise<void> {
    const session = this.session;
    if (!session || !this.apply({ type: 'hangup' })) return;
    if (session instanceof Invitation && session.state === SessionState.Initial)
      await session.reject({ statusCode: 486 });
    else if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Invitation && session.state === SessionState.Establishing)
      await session.bye().catch(() => undefined);
  }

  /** Local mute: the microphone track is disabled, the call and the server are untouched. */
  mute(on: boolean): void {
    if (!this.apply({ type: 'mute', on })) return;
    this.handler()?.enableSenderTracks(!on);
  }

  /** RFC 4733 telephone events through the RTP sender (Asterisk's default dtmf_mode). */
  sendDtmf(digit: string): boolean {
    if (!/^[0-9*#A-D]$/.test(digit) || this.state.name !== 'inCall') return false;
    return this.handler()?.sendDtmf(digit, { duration: 120, interToneGap: 70 }) ?? false;
  }

  /** Shows an ended call briefly, then the phone is ready again (the store calls this). */
  reset(): void {
    this.apply({ type: 'reset' });
  }

  /** RTP packet counters of the current call (test hook and diagnostics). */
  async mediaStats(): Promise<{ packetsSent: number; packetsReceived: number }> {
    const pc = this.handler()?.peerConnection;
    const out = { packetsSent: 0, packetsReceived: 0 };
    if (!pc) return out;
    (await pc.getStats()).forEach(
      (r: { type: string; kind?: string; packetsSent?: number; packetsReceived?: number }) => {
        if (r.type === 'outbound-rtp' && r.kind === 'audio') out.packetsSent += r.packetsSent ?? 0;
        if (r.type === 'inbound-rtp' && r.kind === 'audio') out.packetsReceived += r.packetsReceived ?? 0;
      },
    );
    return out;
  }

  get inCall(): boolean {
    return inCallState(this.state.name);
  }

  private handler(): SessionDescriptionHandler | undefined {
    return this.session?.sessionDescriptionHandler as SessionDescriptionHandler | undefined;
  }

  private attachMedia(session: Session): void {
    const sdh = session.sessionDescriptionHandler as SessionDescriptionHandler | undefined;
    if (!sdh) return;
    this.audio.srcObject = sdh.remoteMediaStream;
    void this.audio.play().catch(() => undefined);
  }

  private detachMedia(): void {
    this.audio.pause();
    this.audio.srcObject = null;
  }
}
