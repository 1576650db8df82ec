// PbxPort over Asterisk ARI: REST commands (rest.ts) + the event websocket (event-socket.ts), with
// vendor JSON mapped to PbxEvent (map-event.ts). The server only ever sees the port.
import type {
  BridgeType,
  DialplanTarget,
  MediaUri,
  OriginateRequest,
  PlayOptions,
  RecordOptions,
  SendDtmfOptions,
  SnoopRequest,
} from '../port/commands.ts';
import { PbxError } from '../port/errors.ts';
import type { LiveBridge, LiveChannel, MediaTarget, PbxEvent } from '../port/events.ts';
import type { HangupReason } from '../port/outcome.ts';
import type { PbxListener, PbxPort } from '../port/port.ts';
import { AMD_DIALPLAN, AMD_RETURN_APP_VARIABLE, AmdDetours } from './amd.ts';
import type { AriBridge, AriChannel, AriPlayback } from './ari-json.ts';
import type { BackoffOptions } from './backoff.ts';
import { hangupParams } from './causes.ts';
import { DEFAULT_NUMBER_ADDRESS, isNumberAddressTemplate } from './dial-target.ts';
import { EventSocket, type SocketStatus } from './event-socket.ts';
import { listLiveBridges, listLiveChannels, readVariable } from './listing.ts';
import { bridgeName } from './live-map.ts';
import { mapAriEvent } from './map-event.ts';
import { originateRequest } from './originate-request.ts';
import { AriRest, seg, type Query } from './rest.ts';

/** dialplans/fallback.conf: the announcement a caller hears when we cannot take the call. */
const FALLBACK_DIALPLAN = { context: 'ringside-fallback', extension: 'unavailable', priority: 1 } as const;
/** The DID the fallback reads to pick its prompt languages. */
const FALLBACK_DID_VARIABLE = 'RINGSIDE_DID';

export interface AsteriskAdapterOptions {
  /** ARI base URL, e.g. http://127.0.0.1:8088 */
  url: string;
  user: string;
  password: string;
  /** Stasis application name (default "ringside"). */
  app?: string;
  /** Extra ARI event sources to subscribe to after every (re)connect, e.g. "endpoint:PJSIP". */
  eventSources?: string[];
  backoff?: BackoffOptions;
  pingIntervalMs?: number;
  requestTimeoutMs?: number;
  /** Called when a listener throws (listeners must not; this keeps one bug from stopping events). */
  onListenerError?: (err: unknown, event: PbxEvent) => void;
  /**
   * Dial address of a number originated without a trunk, "{number}" replaced (default
   * Local/{number}@ringside-outbound: the dialplan's outbound routing). Tests aim it at a Local test
   * extension; a deployment may aim it at its own routing context.
   */
  numberAddress?: string;
}

function recordQuery(o: RecordOptions): Query {
  return {
    name: o.name,
    format: o.format ?? 'wav',
    maxDurationSeconds: o.maxDurationSec,
    maxSilenceSeconds: o.maxSilenceSec,
    ifExists: o.ifExists ?? 'fail',
    beep: o.beep,
    terminateOn: o.terminateOn ?? 'none',
  };
}

function targetPath(t: MediaTarget): string {
  return t.kind === 'bridge' ? `/bridges/${seg(t.id)}` : `/channels/${seg(t.id)}`;
}

export class AsteriskAdapter implements PbxPort {
  readonly app: string;
  private readonly rest: AriRest;
  private readonly socket: EventSocket;
  private readonly listeners = new Set<PbxListener>();
  private readonly amd = new AmdDetours();
  private readonly numberAddress: string;

  constructor(private readonly opts: AsteriskAdapterOptions) {
    this.app = opts.app ?? 'ringside';
    this.numberAddress = opts.numberAddress || DEFAULT_NUMBER_ADDRESS;
    if (!isNumberAddressTemplate(this.numberAddress)) {
      throw new PbxError(
        'invalid',
        `numberAddress is not a dial address template: ${JSON.stringify(this.numberAddress)}`,
      );
    }
    this.rest = new AriRest({
      url: opts.url,
      user: opts.user,
      password: opts.password,
      timeoutMs: opts.requestTimeoutMs,
    });
    this.socket = new EventSocket({
      url: opts.url,
      user: opts.user,
      password: opts.password,
      app: this.app,
      backoff: opts.backoff,
      pingIntervalMs: opts.pingIntervalMs,
      onEvent: (e) =>
        mapAriEvent(e).forEach((ev) => {
          const routed = this.amd.route(ev);
          if (routed) this.emit(routed);
        }),
      onStatus: (s) => this.emit(this.statusEvent(s)),
      onOpen: () => this.resubscribe(),
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  connect(): Promise<void> {
    return this.socket.start();
  }

  close(): Promise<void> {
    this.socket.stop();
    return Promise.resolve();
  }

  on(listener: PbxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Test hook: drops the event websocket the way a network failure would. */
  dropConnectionForTest(): void {
    this.socket.dropForTest();
  }

  private emit(event: PbxEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.opts.onListenerError?.(err, event);
      }
    }
  }

  private statusEvent(s: SocketStatus): PbxEvent {
    const at = new Date().toISOString();
    switch (s.kind) {
      case 'connected':
        return { type: 'connected', at };
      case 'disconnected':
        return { type: 'disconnected', at, reason: s.reason };
      case 'reconnected':
        return { type: 'reconnected', at, attempts: s.attempts, downtimeMs: s.downtimeMs };
    }
  }

  private async resubscribe(): Promise<void> {
    const sources = this.opts.eventSources ?? [];
    if (sources.length === 0) return;
    await this.rest.request('subscribe', 'POST', `/applications/${seg(this.app)}/subscription`, {
      eventSource: sources.join(','),
    });
  }

  private ch(id: string, suffix = ''): string {
    return `/channels/${seg(id)}${suffix}`;
  }

  // --- channels
  async answer(channelId: string): Promise<void> {
    await this.rest.request('answer', 'POST', this.ch(channelId, '/answer'));
  }
  async hangup(channelId: string, reason?: HangupReason): Promise<void> {
    await this.rest.request('hangup', 'DELETE', this.ch(channelId), hangupParams(reason));
  }
  async ring(channelId: string): Promise<void> {
    await this.rest.request('ring', 'POST', this.ch(channelId, '/ring'));
  }
  async ringStop(channelId: string): Promise<void> {
    await this.rest.request('ringStop', 'DELETE', this.ch(channelId, '/ring'));
  }
  async startMoh(channelId: string, mohClass?: string): Promise<void> {
    await this.rest.request('startMoh', 'POST', this.ch(channelId, '/moh'), { mohClass });
  }
  async stopMoh(channelId: string): Promise<void> {
    await this.rest.request('stopMoh', 'DELETE', this.ch(channelId, '/moh'));
  }
  async setVariable(channelId: string, name: string, value: string): Promise<void> {
    await this.rest.request('setVariable', 'POST', this.ch(channelId, '/variable'), {
      variable: name,
      value,
    });
  }
  getVariable(channelId: string, name: string): Promise<string | undefined> {
    return readVariable(this.rest, 'getVariable', channelId, name);
  }
  async sendDtmf(channelId: string, digits: string, opts: SendDtmfOptions = {}): Promise<void> {
    await this.rest.request('sendDtmf', 'POST', this.ch(channelId, '/dtmf'), {
      dtmf: digits,
      duration: opts.durationMs,
      between: opts.betweenMs,
    });
  }
  async continueInDialplan(channelId: string, t: DialplanTarget = {}): Promise<void> {
    await this.rest.request('continueInDialplan', 'POST', this.ch(channelId, '/continue'), {
      context: t.context,
      extension: t.extension,
      priority: t.priority,
      label: t.label,
    });
  }
  async playFallback(channelId: string, did: string): Promise<void> {
    await this.setVariable(channelId, FALLBACK_DID_VARIABLE, did);
    await this.continueInDialplan(channelId, FALLBACK_DIALPLAN);
  }
  async originate(r: OriginateRequest): Promise<{ channelId: string }> {
    const { query, body } = originateRequest(r, this.app, this.numberAddress);
    const ch = await this.rest.request<AriChannel>('originate', 'POST', '/channels', query, body);
    return { channelId: ch.id };
  }
  async startAmd(channelId: string): Promise<void> {
    // Remembered before the request: the detour's StasisEnd may arrive before the HTTP reply.
    this.amd.start(channelId);
    try {
      await this.setVariable(channelId, AMD_RETURN_APP_VARIABLE, this.app);
      await this.rest.request('startAmd', 'POST', this.ch(channelId, '/continue'), { ...AMD_DIALPLAN });
    } catch (err) {
      this.amd.cancel(channelId);
      throw err;
    }
  }
  async snoop(r: SnoopRequest): Promise<{ channelId: string }> {
    const ch = await this.rest.request<AriChannel>('snoop', 'POST', this.ch(r.channelId, '/snoop'), {
      spy: r.spy,
      whisper: r.whisper,
      app: this.app,
      appArgs: r.appArgs?.join(','),
      snoopId: r.snoopId,
    });
    return { channelId: ch.id };
  }

  // --- what Asterisk holds now
  listChannels(variables: string[] = []): Promise<LiveChannel[]> {
    return listLiveChannels(this.rest, this.app, variables);
  }
  listBridges(): Promise<LiveBridge[]> {
    return listLiveBridges(this.rest, this.app);
  }

  // --- media
  async play(target: MediaTarget, media: MediaUri[], opts: PlayOptions = {}): Promise<string> {
    if (media.length === 0) throw new PbxError('invalid', 'play: no media given', 'play');
    const path = `${targetPath(target)}/play${opts.playbackId ? `/${seg(opts.playbackId)}` : ''}`;
    const p = await this.rest.request<AriPlayback>('play', 'POST', path, {
      media: media.join(','),
      lang: opts.lang,
    });
    return p.id;
  }
  async stopPlayback(playbackId: string): Promise<void> {
    await this.rest.request('stopPlayback', 'DELETE', `/playbacks/${seg(playbackId)}`);
  }

  // --- bridges
  async createBridge(type: BridgeType, opts: { bridgeId?: string; name?: string } = {}): Promise<string> {
    const b = await this.rest.request<AriBridge>('createBridge', 'POST', '/bridges', {
      type,
      bridgeId: opts.bridgeId,
      // ARI reports every app's bridges with creator "Stasis": the name is how listBridges knows ours.
      name: bridgeName(this.app, opts.name),
    });
    return b.id;
  }
  async addToBridge(bridgeId: string, channelIds: string[]): Promise<void> {
    await this.rest.request('addToBridge', 'POST', `/bridges/${seg(bridgeId)}/addChannel`, {
      channel: channelIds.join(','),
    });
  }
  async removeFromBridge(bridgeId: string, channelIds: string[]): Promise<void> {
    try {
      await this.rest.request('removeFromBridge', 'POST', `/bridges/${seg(bridgeId)}/removeChannel`, {
        channel: channelIds.join(','),
      });
    } catch (err) {
      // 422 "Channel not in this bridge": it left already (moved, or hung up and was swept): gone.
      if (err instanceof PbxError && err.status === 422)
        throw new PbxError('not-found', err.message, err.command, err.status);
      throw err;
    }
  }
  async destroyBridge(bridgeId: string): Promise<void> {
    await this.rest.request('destroyBridge', 'DELETE', `/bridges/${seg(bridgeId)}`);
  }
  async startBridgeMoh(bridgeId: string, mohClass?: string): Promise<void> {
    await this.rest.request('startBridgeMoh', 'POST', `/bridges/${seg(bridgeId)}/moh`, { mohClass });
  }
  async stopBridgeMoh(bridgeId: string): Promise<void> {
    await this.rest.request('stopBridgeMoh', 'DELETE', `/bridges/${seg(bridgeId)}/moh`);
  }

  // --- recording
  async recordBridge(bridgeId: string, opts: RecordOptions): Promise<void> {
    await this.rest.request('recordBridge', 'POST', `/bridges/${seg(bridgeId)}/record`, recordQuery(opts));
  }
  async recordChannel(channelId: string, opts: RecordOptions): Promise<void> {
    await this.rest.request('recordChannel', 'POST', this.ch(channelId, '/record'), recordQuery(opts));
  }
  async stopRecording(name: string): Promise<void> {
    await this.rest.request('stopRecording', 'POST', `/recordings/live/${seg(name)}/stop`);
  }
  async pauseRecording(name: string): Promise<void> {
    await this.rest.request('pauseRecording', 'POST', `/recordings/live/${seg(name)}/pause`);
  }
  async unpauseRecording(name: string): Promise<void> {
    await this.rest.request('unpauseRecording', 'DELETE', `/recordings/live/${seg(name)}/pause`);
  }
}
