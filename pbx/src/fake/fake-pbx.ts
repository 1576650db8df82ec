// In-memory PbxPort for unit tests of server logic. It records every command, simulates channels and
// bridges just enough to answer like Asterisk would (not-found for vanished channels, bridge events),
// and lets tests play the far end: inbound calls, remote answer/hangup, DTMF, playback end, the AMD verdict.
// Events caused by a command are delivered after the command resolves (setImmediate), as over ARI where
// the websocket event follows the REST reply; call `await fake.settle()` to flush them.
import type {
  BridgeType,
  MediaUri,
  OriginateRequest,
  PlayOptions,
  RecordOptions,
  SnoopRequest,
} from '../port/commands.ts';
import { PbxError } from '../port/errors.ts';
import type { AmdVerdict, LiveBridge, LiveChannel, MediaTarget, PbxEvent } from '../port/events.ts';
import type { HangupOutcome, HangupReason } from '../port/outcome.ts';
import {
  amdVerdictFor,
  liveBridgeOf,
  liveChannelOf,
  REASON_CAUSE,
  type FakeBridge,
  type FakeChannel,
  type RecordedCommand,
} from './model.ts';
import type { PbxListener, PbxPort } from '../port/port.ts';

export class FakePbx implements PbxPort {
  readonly app: string;
  connected = false;
  readonly commands: RecordedCommand[] = [];
  readonly events: PbxEvent[] = [];
  readonly channels = new Map<string, FakeChannel>();
  readonly bridges = new Map<string, FakeBridge>();
  private readonly listeners = new Set<PbxListener>();
  private readonly failures = new Map<string, PbxError>();
  private readonly amdVerdicts = new Map<string, AmdVerdict>();
  private seq = 0;

  constructor(opts: { app?: string } = {}) {
    this.app = opts.app ?? 'ringside';
  }

  // ---------- test controls
  /** Delivers an event to listeners now (and records it in `events`). */
  emit(event: PbxEvent): void {
    this.events.push(event);
    for (const l of this.listeners) l(event);
  }
  /** The next call of `command` rejects with `error` (once). */
  failNext(command: string, error: PbxError): void {
    this.failures.set(command, error);
  }
  /** Waits until events caused by earlier commands have been delivered. */
  settle(): Promise<void> {
    return new Promise((r) => setImmediate(r));
  }
  /** Commands recorded with the given name. */
  calls(name: string): unknown[][] {
    return this.commands.filter((c) => c.name === name).map((c) => c.args);
  }
  /** What startAmd reports for a channel id, or for every channel originated to that number (default human). */
  setAmdVerdict(channelIdOrNumber: string, verdict: AmdVerdict): void {
    this.amdVerdicts.set(channelIdOrNumber, verdict);
  }
  /** A caller dials a DID: the channel enters the app ringing, like Stasis(ringside,inbound,DID). */
  inboundCall(opts: { did: string; callerNumber?: string; callerName?: string; channelId?: string }): string {
    const id = opts.channelId ?? this.nextId('chan');
    const callerNumber = opts.callerNumber ?? '13800138000';
    this.channels.set(id, {
      id,
      state: 'ring',
      inApp: true,
      variables: new Map(),
      args: ['inbound', opts.did],
      callerNumber,
      createdAt: Date.now(),
    });
    this.emit({
      type: 'callEntered',
      at: this.now(),
      channelId: id,
      channelName: `PJSIP/trunk-${id}`,
      args: ['inbound', opts.did],
      callerNumber,
      callerName: opts.callerName ?? '',
      dialedExten: opts.did,
      context: 'ringside-inbound',
      state: 'ring',
      language: 'en',
    });
    return id;
  }
  /** The far end of an originated channel answers: it enters the app. */
  remoteAnswer(channelId: string): void {
    const ch = this.mustChannel(channelId);
    ch.state = 'up';
    ch.inApp = true;
    this.emit({ type: 'channelStateChanged', at: this.now(), channelId, state: 'up' });
    this.emit({ type: 'channelAnswered', at: this.now(), channelId });
    this.emit({
      type: 'callEntered',
      at: this.now(),
      channelId,
      channelName: `Fake/${channelId}`,
      args: ch.args,
      callerNumber: '',
      callerName: '',
      dialedExten: '',
      context: '',
      state: 'up',
      language: 'en',
    });
  }
  /** The far end hangs up (or never answers) with a Q.850 cause. */
  remoteHangup(channelId: string, cause = 16, outcome: HangupOutcome = 'answered-normal'): void {
    this.mustChannel(channelId);
    this.emit({ type: 'channelHungup', at: this.now(), channelId, cause, causeText: '', outcome });
    this.destroy(channelId, cause, outcome);
  }
  dtmf(channelId: string, digit: string): void {
    this.emit({ type: 'dtmfReceived', at: this.now(), channelId, digit, durationMs: 100 });
  }
  finishPlayback(playbackId: string, target: MediaTarget, result: 'done' | 'failed' = 'done'): void {
    this.emit({ type: 'playbackFinished', at: this.now(), playbackId, target, media: '', result });
  }

  // ---------- PbxPort: lifecycle
  connect(): Promise<void> {
    this.connected = true;
    this.later({ type: 'connected', at: this.now() });
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.connected = false;
    return Promise.resolve();
  }
  on(listener: PbxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---------- PbxPort: channels
  answer(channelId: string): Promise<void> {
    return this.command('answer', [channelId], () => {
      const ch = this.mustChannel(channelId);
      if (ch.state === 'up') return;
      ch.state = 'up';
      this.later({ type: 'channelStateChanged', at: this.now(), channelId, state: 'up' });
      this.later({ type: 'channelAnswered', at: this.now(), channelId });
    });
  }
  hangup(channelId: string, reason: HangupReason = 'normal'): Promise<void> {
    return this.command('hangup', [channelId, reason], () => {
      this.mustChannel(channelId);
      const [cause, outcome] =
        typeof reason === 'number' ? [reason, 'unknown' as const] : REASON_CAUSE[reason];
      setImmediate(() => this.destroy(channelId, cause, outcome));
    });
  }
  ring = (id: string) => this.channelCommand('ring', id);
  ringStop = (id: string) => this.channelCommand('ringStop', id);
  startMoh = (id: string, mohClass?: string) => this.channelCommand('startMoh', id, mohClass);
  stopMoh = (id: string) => this.channelCommand('stopMoh', id);
  sendDtmf = (id: string, digits: string) => this.channelCommand('sendDtmf', id, digits);
  continueInDialplan = (id: string) => this.channelCommand('continueInDialplan', id);
  /** Like Asterisk: the channel leaves the app (stasisEnd); the announcement and hang-up are not simulated. */
  playFallback(channelId: string, did: string): Promise<void> {
    return this.command('playFallback', [channelId, did], () => {
      const ch = this.mustChannel(channelId);
      ch.inApp = false;
      this.later({ type: 'stasisEnd', at: this.now(), channelId });
    });
  }
  /** The verdict comes back as amdResult (setAmdVerdict), with no stasisEnd for the detour. */
  startAmd(channelId: string): Promise<void> {
    return this.command('startAmd', [channelId], () => {
      const verdict = amdVerdictFor(this.mustChannel(channelId), this.amdVerdicts);
      this.later({
        type: 'amdResult',
        at: this.now(),
        channelId,
        verdict,
        detail: `FAKE-${verdict.toUpperCase()}`,
      });
    });
  }
  setVariable(channelId: string, name: string, value: string): Promise<void> {
    return this.command('setVariable', [channelId, name, value], () => {
      this.mustChannel(channelId).variables.set(name, value);
    });
  }
  getVariable(channelId: string, name: string): Promise<string | undefined> {
    return this.command('getVariable', [channelId, name], () =>
      this.mustChannel(channelId).variables.get(name),
    );
  }
  originate(r: OriginateRequest): Promise<{ channelId: string }> {
    return this.command('originate', [r], () => {
      const id = r.channelId ?? this.nextId('orig');
      const variables = new Map(Object.entries(r.variables ?? {}));
      this.channels.set(id, {
        id,
        state: 'down',
        inApp: false,
        variables,
        args: r.appArgs ?? [],
        createdAt: Date.now(),
        target: r.target,
      });
      return { channelId: id };
    });
  }
  snoop(r: SnoopRequest): Promise<{ channelId: string }> {
    return this.command('snoop', [r], () => {
      this.mustChannel(r.channelId);
      const id = r.snoopId ?? this.nextId('snoop');
      this.channels.set(id, {
        id,
        state: 'up',
        inApp: true,
        variables: new Map(),
        args: r.appArgs ?? [],
        createdAt: Date.now(),
      });
      return { channelId: id };
    });
  }

  // ---------- PbxPort: what the fake holds now
  listChannels(variables: string[] = []): Promise<LiveChannel[]> {
    return this.command('listChannels', [variables], () =>
      [...this.channels.values()].map((ch) => liveChannelOf(ch, variables)),
    );
  }
  listBridges(): Promise<LiveBridge[]> {
    return this.command('listBridges', [], () => [...this.bridges].map(([id, b]) => liveBridgeOf(id, b)));
  }

  // ---------- PbxPort: media
  play(target: MediaTarget, media: MediaUri[], opts: PlayOptions = {}): Promise<string> {
    return this.command('play', [target, media, opts], () => {
      this.mustTarget(target);
      const playbackId = opts.playbackId ?? this.nextId('playback');
      this.later({ type: 'playbackStarted', at: this.now(), playbackId, target, media: media[0] ?? '' });
      return playbackId;
    });
  }
  stopPlayback = (id: string) => this.command('stopPlayback', [id], () => undefined);

  // ---------- PbxPort: bridges
  createBridge(type: BridgeType, opts: { bridgeId?: string; name?: string } = {}): Promise<string> {
    return this.command('createBridge', [type, opts], () => {
      const id = opts.bridgeId ?? this.nextId('bridge');
      this.bridges.set(id, { type, channels: new Set() });
      return id;
    });
  }
  addToBridge(bridgeId: string, channelIds: string[]): Promise<void> {
    return this.command('addToBridge', [bridgeId, channelIds], () => {
      const bridge = this.mustBridge(bridgeId);
      for (const id of channelIds) {
        const ch = this.mustChannel(id);
        if (ch.bridgeId && ch.bridgeId !== bridgeId) this.leave(ch.bridgeId, id);
        ch.bridgeId = bridgeId;
        bridge.channels.add(id);
        this.later({ type: 'channelEnteredBridge', at: this.now(), bridgeId, channelId: id });
      }
    });
  }
  removeFromBridge(bridgeId: string, channelIds: string[]): Promise<void> {
    return this.command('removeFromBridge', [bridgeId, channelIds], () => {
      this.mustBridge(bridgeId);
      for (const id of channelIds) this.leave(bridgeId, id);
    });
  }
  destroyBridge(bridgeId: string): Promise<void> {
    return this.command('destroyBridge', [bridgeId], () => {
      for (const id of this.mustBridge(bridgeId).channels) this.leave(bridgeId, id);
      this.bridges.delete(bridgeId);
    });
  }
  startBridgeMoh = (id: string, mohClass?: string) => this.bridgeCommand('startBridgeMoh', id, mohClass);
  stopBridgeMoh = (id: string) => this.bridgeCommand('stopBridgeMoh', id);

  // ---------- PbxPort: recording
  recordBridge(bridgeId: string, o: RecordOptions): Promise<void> {
    return this.command('recordBridge', [bridgeId, o], () => {
      this.mustBridge(bridgeId);
      this.later({
        type: 'recordingStarted',
        at: this.now(),
        name: o.name,
        target: { kind: 'bridge', id: bridgeId },
      });
    });
  }
  recordChannel(channelId: string, o: RecordOptions): Promise<void> {
    return this.command('recordChannel', [channelId, o], () => {
      this.mustChannel(channelId);
      this.later({
        type: 'recordingStarted',
        at: this.now(),
        name: o.name,
        target: { kind: 'channel', id: channelId },
      });
    });
  }
  stopRecording = (name: string) => this.command('stopRecording', [name], () => undefined);
  pauseRecording = (name: string) => this.command('pauseRecording', [name], () => undefined);
  unpauseRecording = (name: string) => this.command('unpauseRecording', [name], () => undefined);

  // ---------- internals
  private command<T>(name: string, args: unknown[], run: () => T): Promise<T> {
    this.commands.push({ name, args });
    const failure = this.failures.get(name);
    if (failure) {
      this.failures.delete(name);
      return Promise.reject(failure);
    }
    try {
      return Promise.resolve(run());
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }
  private channelCommand(name: string, id: string, ...rest: unknown[]): Promise<void> {
    return this.command(name, [id, ...rest], () => void this.mustChannel(id));
  }
  private bridgeCommand(name: string, id: string, ...rest: unknown[]): Promise<void> {
    return this.command(name, [id, ...rest], () => void this.mustBridge(id));
  }
  private later(event: PbxEvent): void {
    setImmediate(() => this.emit(event));
  }
  private leave(bridgeId: string, channelId: string): void {
    this.bridges.get(bridgeId)?.channels.delete(channelId);
    const ch = this.channels.get(channelId);
    if (ch?.bridgeId === bridgeId) delete ch.bridgeId;
    this.later({ type: 'channelLeftBridge', at: this.now(), bridgeId, channelId });
  }
  private destroy(channelId: string, cause: number, outcome: HangupOutcome): void {
    const ch = this.channels.get(channelId);
    if (!ch) return;
    if (ch.bridgeId) {
      this.bridges.get(ch.bridgeId)?.channels.delete(channelId);
      this.emit({ type: 'channelLeftBridge', at: this.now(), bridgeId: ch.bridgeId, channelId });
    }
    if (ch.inApp) this.emit({ type: 'stasisEnd', at: this.now(), channelId });
    this.channels.delete(channelId);
    this.emit({ type: 'channelDestroyed', at: this.now(), channelId, cause, causeText: '', outcome });
  }
  private mustChannel(id: string): FakeChannel {
    const ch = this.channels.get(id);
    if (!ch) throw new PbxError('not-found', `Channel not found: ${id}`);
    return ch;
  }
  private mustBridge(id: string) {
    const b = this.bridges.get(id);
    if (!b) throw new PbxError('not-found', `Bridge not found: ${id}`);
    return b;
  }
  private mustTarget(t: MediaTarget): void {
    if (t.kind === 'bridge') this.mustBridge(t.id);
    else this.mustChannel(t.id);
  }
  private nextId(prefix: string): string {
    return `${prefix}-${++this.seq}`;
  }
  private now(): string {
    return new Date().toISOString();
  }
}
