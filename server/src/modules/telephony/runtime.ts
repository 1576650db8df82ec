// The telephony role's one actor: PBX events, console commands and the tick are run one at a time
// through `run`, so the pure machines (core/agent, core/call, core/acd) always see events in order.
// The ACD index is a cache of agent states + queue config, updated after every agent transition.
import type { PbxEvent } from '@ringside/pbx';
import { acdAgentFromState } from '../../core/acd/agent-view.ts';
import { createIndex, putAgent, putQueue, removeQueue, type AcdIndex } from '../../core/acd/agent-index.ts';
import type { HandleTimeWindow } from '../../core/acd/announcements.ts';
import { fromAgentSnapshot } from '../../core/agent/agent-snapshot.ts';
import { initialAgentState } from '../../core/agent/agent-machine.ts';
import type { AgentState } from '../../core/agent/agent-types.ts';
import {
  defaultAgentConfig,
  loadTelephonyConfig,
  type AgentConfig,
  type DidRow,
  type QueueRow,
} from './config-store.ts';
import { liveKey, MemoryLiveStore, RedisLiveStore, type LiveStore } from './live-store.ts';
import { CallWriter } from './call-writer.ts';
import { TelephonyEvents } from './runtime-events.ts';
import { ChannelRegistry } from './channel-registry.ts';
import { PbxDispatcher } from './pbx-dispatcher.ts';
import type {
  LiveCall,
  OutboundDial,
  TelephonyDeps,
  TelephonyHandlers,
  TelephonyOps,
  TraceEntry,
} from './types.ts';

export class TelephonyRuntime {
  readonly agents = new Map<string, AgentState>();
  agentConfigs = new Map<string, AgentConfig>();
  queues = new Map<string, QueueRow>();
  dids = new Map<string, DidRow>();
  pauseCodes: string[] = [];
  index: AcdIndex = createIndex([], []);
  cursors: Record<string, string> = {};
  readonly handleTimes = new Map<string, HandleTimeWindow>();
  readonly calls = new Map<string, LiveCall>();
  /** Every leg of every call, whichever module created it (channel-registry.ts). */
  readonly channels = new ChannelRegistry();
  /** The one subscriber to PBX events; routes them to the leg's owner (pbx-dispatcher.ts). */
  readonly dispatcher = new PbxDispatcher(this.channels, (err, owner) =>
    this.log.error({ err, owner }, 'telephony: PBX event handler failed'),
  );
  /** playbackId → callId: what to do when an announcement or prompt finishes. */
  readonly playbacks = new Map<string, { callId: string; then: 'moh' | 'hangup' | 'ivr' | 'record' }>();
  /** callId → the mailbox a voicemail is being left in. */
  /** channelId → the cause its ChannelHungup reported, until the leg is gone. */
  readonly hangupCauses = new Map<string, { cause: string; outcome: string }>();
  /** Click-to-dial calls (outbound, outside the inbound call machine). */
  readonly dials = new Map<string, OutboundDial>();
  readonly voicemailBoxes = new Map<string, { kind: 'queue' | 'user'; id: string }>();
  /** Ordered record of offers and originates, read by tests and the screen-pop benchmark. */
  readonly trace: TraceEntry[] = [];
  /** Transitions for in-process observers (the wallboard); see runtime-events.ts. */
  readonly events = new TelephonyEvents((err) => this.log.error({ err }, 'telephony: event listener failed'));
  /** What a restarted process needs to resume each call (live-store.ts). */
  readonly liveStore: LiveStore;
  /** Call rows, recordings and agent snapshots, written in order behind the call path (call-writer.ts). */
  readonly writes: CallWriter;
  /** When this process's runtime started (recovery closes older rows it holds no state for). */
  readonly startedAt: number;
  /** False until the calls held at start were reconciled with the PBX: no routing before that. */
  reconciled = false;
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private routeWanted = false;
  private stopped = false;
  /** The steps that call one another (types.ts TelephonyOps), bound by role.ts. */
  readonly ops: TelephonyOps;
  private readonly handlers: TelephonyHandlers;

  /** Built by role.ts createTelephonyRuntime, which binds the handlers; the runtime imports none of them. */
  constructor(
    readonly deps: TelephonyDeps,
    bind: (rt: TelephonyRuntime) => { ops: TelephonyOps; handlers: TelephonyHandlers },
  ) {
    this.startedAt = this.now();
    this.writes = new CallWriter(deps.log);
    const sources = {
      call: (id: string) => this.calls.get(id),
      dial: (id: string) => this.dials.get(id),
      ids: () => ({ calls: [...this.calls.keys()], dials: [...this.dials.keys()] }),
    };
    this.liveStore = deps.redis
      ? new RedisLiveStore(deps.redis, liveKey(deps.config.ARI_APP), {
          ...sources,
          onError: (err) => this.log.warn({ err }, 'telephony: live store write failed'),
        })
      : new MemoryLiveStore(sources);
    const bound = bind(this);
    this.ops = bound.ops;
    this.handlers = bound.handlers;
  }

  get pbx() {
    return this.deps.pbx;
  }
  get log() {
    return this.deps.log;
  }
  now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  async start(): Promise<void> {
    await this.reload();
    // Calls first: agents restored next keep the calls that survived and move on from the others.
    await this.handlers.restore();
    const offPbx = this.pbx.on((e) => this.dispatcher.dispatch(e));
    const offOwner = this.dispatcher.register('telephony', (e) => this.enqueueEvent(e));
    this.unsubscribe = () => {
      offOwner();
      offPbx();
    };
    this.timer = setInterval(() => void this.run(() => this.tick()), this.deps.tickMs ?? 250);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.chain;
    await this.liveStore.flush();
    await this.writes.flush();
    // The state history is batched; write what is buffered before the database goes away.
    await this.handlers.flush();
  }

  /** Re-reads queues, members, profiles, pause codes and DIDs (after an admin change). */
  async reload(): Promise<void> {
    const cfg = await loadTelephonyConfig(this.deps.db);
    await this.run(async () => {
      for (const id of this.index.queues.keys()) if (!cfg.queues.has(id)) removeQueue(this.index, id);
      for (const q of cfg.queueConfigs) putQueue(this.index, q);
      this.queues = cfg.queues;
      this.dids = cfg.dids;
      this.pauseCodes = cfg.pauseCodes;
      this.agentConfigs = cfg.agents;
      for (const [id, state] of this.agents) this.indexAgent(id, state);
      this.events.emit({ kind: 'configReloaded', at: this.now() });
      this.wantRoute();
    });
  }

  /** Runs fn after everything queued before it; errors are logged, never break the chain. */
  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const p = this.chain.then(fn);
    this.chain = p.then(
      () => undefined,
      (err: unknown) => this.log.error({ err }, 'telephony: step failed'),
    );
    return p;
  }

  agentConfig(agentId: string): AgentConfig {
    return this.agentConfigs.get(agentId) ?? defaultAgentConfig(agentId);
  }

  agentState(agentId: string): AgentState {
    return this.agents.get(agentId) ?? initialAgentState(agentId, this.now());
  }

  indexAgent(agentId: string, state: AgentState): void {
    putAgent(this.index, acdAgentFromState(state, this.agentConfig(agentId)));
  }

  /** A routing pass runs after the current step (and on every tick). */
  wantRoute(): void {
    if (this.routeWanted || this.stopped) return;
    this.routeWanted = true;
    setImmediate(() => void this.run(() => this.routeNow()));
  }

  private async routeNow(): Promise<void> {
    this.routeWanted = false;
    if (this.reconciled) await this.handlers.routePass();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    await this.handlers.tick();
  }

  private enqueueEvent(e: PbxEvent): void {
    if (this.stopped) return;
    void this.run(() => this.handlers.onPbxEvent(e));
  }

  traceEvent(kind: TraceEntry['kind'], callId: string, agentId?: string): void {
    this.trace.push({ seq: ++this.seq, at: this.now(), kind, callId, ...(agentId ? { agentId } : {}) });
    if (this.trace.length > 10_000) this.trace.splice(0, 5_000);
  }

  restoreSnapshot(agentId: string, raw: unknown): AgentState | undefined {
    const r = fromAgentSnapshot(raw);
    if (!r.ok || r.state.agentId !== agentId) return undefined;
    return r.state;
  }
}
