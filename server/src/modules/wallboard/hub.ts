// The live wallboard of this process: folds telephony transitions into today's figures (core/wallboard)
// and pushes what changed to each subscribed viewer, coalesced to at most one push per viewer room per
// COALESCE_MS (the first change after a quiet spell goes out on the next turn of the event loop).
// Viewers subscribe over socket.io on this process; each gets a room of their own so scopes never mix.
// Pushes go to this process's sockets only (`io.local`): a viewer is registered by the socket handler
// of the process holding the socket, so the Redis adapter round trip (most of the push cost when
// measured) buys nothing here.
import type { FastifyBaseLogger } from 'fastify';
import type { WallboardCampaignTile, WallboardSnapshot } from '../../contracts/wallboard.ts';
import {
  emptyWallboard,
  foldWallboard,
  noChanges,
  seedWallboard,
} from '../../core/wallboard/wallboard-fold.ts';
import type {
  WallboardChanges,
  WallboardEvent,
  WallboardState,
} from '../../core/wallboard/wallboard-types.ts';
import { agentRow, queueTile, wallboardSnapshot } from '../../core/wallboard/wallboard-view.ts';
import type { Db } from '../../db/client.ts';
import type { RealtimeServer } from '../../plugins/realtime.ts';
import type { TelephonyEvent, TelephonyFacade } from '../telephony/facade.ts';
import { loadDirectory } from './directory.ts';
import { agentStateEvent, callStateEvents, fromTelephony } from './from-telephony.ts';
import { loadSeed } from './seed.ts';
import { filterSnapshot, filterUpdate, type ViewerScope } from './viewer-scope.ts';

export const COALESCE_MS = 100;

interface Viewer {
  scope: ViewerScope;
  sockets: number;
}

export interface WallboardDeps {
  db: Db;
  io: RealtimeServer;
  log: FastifyBaseLogger;
  timeZone: string;
  now?: () => number;
}

export const viewerRoom = (userId: string) => `wallboard:user:${userId}`;

export class WallboardHub {
  readonly state: WallboardState;
  private readonly viewers = new Map<string, Viewer>();
  private pending: WallboardChanges = noChanges();
  private dirty = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private dayTimer: NodeJS.Timeout | undefined;
  private lastFlushAt = 0;
  private seq = 0;
  private reloading: Promise<void> | null = null;
  private unsubscribe: (() => void) | undefined;
  campaignSource: (() => WallboardCampaignTile[]) | null = null;

  constructor(private readonly deps: WallboardDeps) {
    this.state = emptyWallboard(deps.timeZone, this.now());
  }

  now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Directory and today's figures from the database, then telephony's live state, then its events. */
  async start(tel: TelephonyFacade | null): Promise<void> {
    const [dir, seed] = await Promise.all([
      loadDirectory(this.deps.db),
      loadSeed(this.deps.db, this.state.dayStart),
    ]);
    const at = this.now();
    this.apply({ type: 'directory', ...dir, at });
    seedWallboard(this.state, seed);
    if (tel) {
      // The snapshot and the subscription are taken together: nothing is missed or doubled in between.
      const { snapshot, off } = tel.wallboard.observe((e) => this.ingest(e));
      this.unsubscribe = off;
      for (const { agentId, state } of snapshot.agents) this.apply(agentStateEvent(agentId, state, at));
      for (const call of snapshot.calls) {
        const answeredToday = call.state.answeredAt !== null && call.state.answeredAt >= this.state.dayStart;
        this.applyAll(callStateEvents(call, call.state.answeredAt ?? at, answeredToday ? 'answer' : null));
      }
    }
    this.armDayTimer();
  }

  stop(): void {
    this.unsubscribe?.();
    clearTimeout(this.flushTimer);
    clearTimeout(this.dayTimer);
    if (this.immediate) clearImmediate(this.immediate);
  }

  /** The runtime's event path (and the benchmark's injection point). */
  ingest(e: TelephonyEvent): void {
    if (e.kind === 'configReloaded') {
      void this.reloadDirectory();
      return;
    }
    this.applyAll(fromTelephony(e));
  }

  applyAll(events: WallboardEvent[]): void {
    for (const e of events) this.apply(e);
  }

  apply(e: WallboardEvent): void {
    foldWallboard(this.state, e, this.pending);
    if (this.unknown(e)) void this.reloadDirectory();
    this.markDirty();
  }

  /** An agent or queue not in the directory yet (created after start): read it again. */
  private unknown(e: WallboardEvent): boolean {
    if (e.type === 'agentState') return !this.state.agentInfo.has(e.agentId);
    if (e.type === 'callWaiting') return !this.state.queues.has(e.queueId);
    return false;
  }

  reloadDirectory(): Promise<void> {
    this.reloading ??= loadDirectory(this.deps.db)
      .then((dir) => this.apply({ type: 'directory', ...dir, at: this.now() }))
      .catch((err: unknown) => this.deps.log.warn({ err }, 'wallboard: directory reload failed'))
      .finally(() => (this.reloading = null));
    return this.reloading;
  }

  snapshot(scope: ViewerScope): WallboardSnapshot {
    const campaigns = this.campaignSource?.() ?? [...this.state.campaigns.values()];
    return filterSnapshot(scope, this.state, {
      ...wallboardSnapshot(this.state, this.now(), this.campaignSource !== null),
      campaigns,
    });
  }

  addViewer(userId: string, scope: ViewerScope): void {
    const v = this.viewers.get(userId);
    this.viewers.set(userId, { scope, sockets: (v?.sockets ?? 0) + 1 });
  }

  /** Sockets subscribed on this process (tests, and the health of the pushes). */
  get viewerSockets(): number {
    let n = 0;
    for (const v of this.viewers.values()) n += v.sockets;
    return n;
  }

  removeViewer(userId: string): void {
    const v = this.viewers.get(userId);
    if (!v) return;
    if (v.sockets <= 1) this.viewers.delete(userId);
    else v.sockets -= 1;
  }

  private markDirty(): void {
    if (this.dirty) return;
    this.dirty = true;
    const wait = this.lastFlushAt + COALESCE_MS - this.now();
    if (wait <= 0) this.immediate = setImmediate(() => this.flush());
    else this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    this.dirty = false;
    this.immediate = undefined;
    this.lastFlushAt = this.now();
    const ch = this.pending;
    this.pending = noChanges();
    if (this.viewers.size === 0) return;
    if (ch.all) return this.pushSnapshots();
    const queues = [...ch.queues].flatMap((id) => queueTile(this.state, id) ?? []);
    const agents = [...ch.agents].flatMap((id) => agentRow(this.state, id) ?? []);
    const campaigns = [...ch.campaigns].flatMap((id) => this.state.campaigns.get(id) ?? []);
    const base = {
      at: new Date(this.lastFlushAt).toISOString(),
      seq: ++this.seq,
      campaigns,
      removedAgents: [...ch.removedAgents],
      removedQueues: [...ch.removedQueues],
    };
    const everything: string[] = [];
    for (const [userId, v] of this.viewers) {
      if (v.scope.all) {
        everything.push(viewerRoom(userId));
        continue;
      }
      const mine = filterUpdate(v.scope, this.state, { queues, agents });
      if (mine.queues.length || mine.agents.length || campaigns.length)
        this.deps.io.local.to(viewerRoom(userId)).emit('wallboard:update', { ...base, ...mine });
    }
    if (everything.length)
      this.deps.io.local.to(everything).emit('wallboard:update', { ...base, queues, agents });
  }

  private pushSnapshots(): void {
    for (const [userId, v] of this.viewers)
      this.deps.io.local.to(viewerRoom(userId)).emit('wallboard:snapshot', this.snapshot(v.scope));
  }

  /** Local midnight resets the counters even when nothing happens around it. */
  private armDayTimer(): void {
    clearTimeout(this.dayTimer);
    this.dayTimer = setTimeout(
      () => {
        this.apply({ type: 'tick', at: Math.max(this.now(), this.state.nextDayStart) });
        this.armDayTimer();
      },
      Math.max(1000, this.state.nextDayStart - this.now() + 50),
    );
    this.dayTimer.unref();
  }
}
