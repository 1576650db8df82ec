// The dialer role: runs in the telephony process and talks to telephony only through its facade. Per
// running campaign, on events and a 1 s tick: pacing from core/dialer, records claimed from the store and
// dialed. Each dial attempt is a pure reducer (core/dialer/attempt-machine.ts) that attempt-runner.ts
// interprets; this file is the orchestration: the serial chain every step runs in, the ticks, pacing,
// the events in (PBX events of the dialer's legs, telephony's agent and call transitions), and start-up
// with the attempts a previous process left (attempt-recovery.ts).
import type { PbxEvent } from '@ringside/pbx';
import type { FastifyBaseLogger } from 'fastify';
import { decidePacing } from '../../core/dialer/index.ts';
import type { Db } from '../../db/client.ts';
import type { RealtimeServer } from '../../plugins/realtime.ts';
import { claimDialable, type DialTarget } from '../campaigns/dialer-store.ts';
import { campaignQueueId, type TelephonyEvent, type TelephonyFacade } from '../telephony/facade.ts';
import type { LegTag } from '../telephony/leg-tag.ts';
import { handedCallEvent } from './attempt-events.ts';
import { resumeAttempts, takeOverClaims, type RecoveryDeps } from './attempt-recovery.ts';
import { AttemptRunner } from './attempt-runner.ts';
import type { AttemptTrace } from './attempt-settle.ts';
import { AttemptJournal, type AttemptStore, type PersistedAttempt } from './attempt-store.ts';
import { CampaignRuns, type CampaignRun, type CampaignSnapshot } from './campaign-runs.ts';
import { pacingState } from './pacing-state.ts';

export { ABANDON_PROMPT, MACHINE_PROMPT } from './attempt-effects.ts';
export { PLANNING_GRACE_SEC, type CampaignSnapshot } from './campaign-runs.ts';
export type { AttemptTrace } from './attempt-settle.ts';

export interface DialerDeps {
  telephony: TelephonyFacade;
  db: Db;
  io: RealtimeServer;
  log: FastifyBaseLogger;
  /** Where attempts in progress are persisted (Redis in production: attempt-store.ts). */
  store: AttemptStore;
  /** Wrap-up given to agents after a campaign call (their disposition ends it earlier). */
  wrapUpMs?: number;
  tickMs?: number;
  /** Languages of the abandon / machine messages, in playing order. */
  promptLangs?: string[];
}

export class DialerRuntime {
  readonly attempts: AttemptTrace[] = [];
  /** Preview: records on an agent's screen (claimed, not yet dialed or skipped). */
  readonly previewClaims = new Map<string, { agentId: string; target: DialTarget }>();
  private readonly campaigns: CampaignRuns;
  private readonly runner: AttemptRunner;
  private readonly journal: AttemptJournal;
  /** Agent → when their wrap-up after a campaign call began. */
  private readonly wrapping = new Map<string, { campaignId: string; at: number }>();
  /** Attempts a previous process left, until resumed; pacing waits for them. */
  private left: PersistedAttempt[] | null = null;
  private chain: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private offPbx: (() => void) | undefined;
  private offTelephony: (() => void) | undefined;
  private stopped = false;
  private lastReload = 0;
  private paceWanted = false;

  constructor(readonly deps: DialerDeps) {
    const tickMs = deps.tickMs ?? 1000;
    const now = () => this.tel.now();
    this.journal = new AttemptJournal(deps.store, (err, callId) =>
      deps.log.warn({ err, callId }, 'dialer: attempt not persisted'),
    );
    this.campaigns = new CampaignRuns({
      db: deps.db,
      io: deps.io,
      log: deps.log,
      now,
      tickMs,
      linesOf: (id) => this.linesOf(id),
    });
    this.runner = new AttemptRunner({
      telephony: deps.telephony,
      db: deps.db,
      log: deps.log,
      journal: this.journal,
      runs: this.campaigns,
      wrapUpMs: () => this.deps.wrapUpMs ?? 10_000,
      promptLangs: deps.promptLangs ?? ['zh', 'en'],
      enqueue: (fn) => void this.run(fn),
      settled: (trace, run) => this.settled(trace, run),
    });
  }

  private get tel(): TelephonyFacade {
    return this.deps.telephony;
  }

  /** Per campaign: config, learner, figures (campaign-runs.ts). */
  get runs(): Map<string, CampaignRun> {
    return this.campaigns.runs;
  }

  async start(): Promise<void> {
    // The attempts a previous process left keep their records' claims; every other claim of it goes back.
    const at = new Date(this.tel.now() + 1000);
    this.left = await takeOverClaims(this.recovery(), at).catch((err: unknown) => {
      this.deps.log.error({ err }, 'dialer: taking over the previous claims failed');
      return [];
    });
    this.offPbx = this.tel.onPbxEvents('dialer', (e, tag) => this.onPbx(e, tag));
    this.offTelephony = this.tel.onEvents((e) => this.onTelephony(e));
    const tick = this.deps.tickMs ?? 1000;
    this.timers.push(setInterval(() => void this.run(() => this.tick()), tick));
    // Attempts are ticked more often than pacing: the grace of a live answer is 2 s.
    this.timers.push(setInterval(() => void this.run(() => this.runner.tickAll(this.tel.now())), 200));
    for (const t of this.timers) t.unref();
    await this.run(() => this.resumeLeft());
  }

  /**
   * Stops pacing and listening. Attempts in progress are left as they are — in the PBX and in the store —
   * exactly as a crash leaves them, so the next start resumes them by the same rules.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.offPbx?.();
    this.offTelephony?.();
    await this.chain;
    await this.journal.flush();
  }

  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const p = this.chain.then(fn);
    this.chain = p.then(
      () => undefined,
      (err: unknown) => this.deps.log.error({ err }, 'dialer: step failed'),
    );
    return p;
  }

  /** Re-reads running campaigns now (after start/pause/stop from the API). */
  async reload(): Promise<void> {
    this.lastReload = 0;
    await this.run(() => this.tick());
  }

  snapshot(): CampaignSnapshot[] {
    return [...this.campaigns.values()].map((r) => this.campaigns.snapshot(r));
  }

  /** Preview: the agent dials the record they were shown; the answer goes to them. Null: not dialed. */
  async dialPreview(agentId: string, target: DialTarget): Promise<string | null> {
    return this.run(async () => {
      const r = this.campaigns.get(target.campaignId);
      if (!r) return null;
      const a = await this.runner.dial(r, target, agentId);
      return a.state.phase === 'done' && a.state.outcome === null ? null : a.state.callId;
    });
  }

  private recovery(): RecoveryDeps {
    const { db, log, store } = this.deps;
    return {
      telephony: this.tel,
      db,
      log,
      store,
      journal: this.journal,
      runs: this.campaigns,
      runner: this.runner,
    };
  }

  /** After the PBX is connected and telephony reconciled the calls it holds (it owns handed-over calls). */
  private async resumeLeft(): Promise<void> {
    if (!this.left || !this.tel.pbx.connected || !this.tel.reconciled) return;
    try {
      await resumeAttempts(this.recovery(), this.left);
      this.left = null;
    } catch (err) {
      // The PBX could not be asked (or a store write failed): the rest is tried again on the next tick.
      this.deps.log.warn({ err, left: this.left?.length }, 'dialer: resuming attempts failed; retrying');
    }
  }

  private linesOf(campaignId: string): number {
    let n = 0;
    for (const a of this.runner.attempts.values()) if (a.state.campaignId === campaignId) n += 1;
    return n;
  }

  // ---------------------------------------------------------------- campaigns and pacing

  private async tick(): Promise<void> {
    if (this.stopped) return;
    if (this.left) await this.resumeLeft();
    const now = this.tel.now();
    if (now - this.lastReload >= 5_000) {
      this.lastReload = now;
      await this.campaigns.reload();
    }
    for (const r of this.campaigns.values()) await this.pace(r);
    for (const r of this.campaigns.values()) await this.campaigns.refreshProgress(r);
  }

  private wantPace(): void {
    if (this.paceWanted || this.stopped) return;
    this.paceWanted = true;
    setImmediate(
      () =>
        void this.run(async () => {
          this.paceWanted = false;
          for (const r of this.campaigns.values()) await this.pace(r);
        }),
    );
  }

  private async pace(r: CampaignRun): Promise<void> {
    if (r.cfg.status !== 'running' || r.cfg.mode === 'preview' || !this.tel.pbx.connected || this.left)
      return;
    const now = this.tel.now();
    const state = pacingState({
      agents: r.cfg.agentIds.map((id) => this.tel.agentState(id)),
      campaignQueueId: campaignQueueId(r.cfg.id),
      campaignCalls: r.calls,
      dials: [...this.runner.attempts.values()].filter((a) => a.run === r).map((a) => a.state),
      now,
    });
    const nowSec = now / 1000;
    const decision = decidePacing(state, r.learner.estimates(state, nowSec), r.policy, nowSec);
    if (decision.dialNow <= 0) return;
    const targets = await claimDialable(this.deps.db, r.cfg.id, decision.dialNow, new Date(now));
    for (const t of targets) await this.runner.dial(r, t, null);
  }

  private async settled(trace: AttemptTrace, run: CampaignRun): Promise<void> {
    this.attempts.push(trace);
    if (this.attempts.length > 20_000) this.attempts.splice(0, 10_000);
    await this.campaigns.refreshProgress(run, true);
    this.wantPace();
  }

  // ---------------------------------------------------------------- events in

  private onPbx(e: PbxEvent, tag: LegTag | undefined): void {
    if (this.stopped) return;
    void this.run(() => this.runner.onPbx(e, tag));
  }

  private onTelephony(e: TelephonyEvent): void {
    if (this.stopped) return;
    if (e.kind === 'agentState') return this.onAgent(e);
    if (e.kind !== 'callTransition' || !this.runner.attempts.has(e.call.id)) return;
    // Read now: the call object moves on before the dialer's chain gets to it.
    const ev = handedCallEvent(e);
    const a = this.runner.attempts.get(e.call.id);
    if (ev && a) void this.run(() => this.runner.feed(a, ev));
  }

  private onAgent(e: Extract<TelephonyEvent, { kind: 'agentState' }>): void {
    const s = e.state.status;
    const w = this.wrapping.get(e.agentId);
    const run =
      s.kind === 'wrapUp' ? [...this.campaigns.values()].find((r) => r.calls.has(s.callId)) : undefined;
    if (run) {
      this.wrapping.set(e.agentId, { campaignId: run.cfg.id, at: e.at });
    } else if (w) {
      this.wrapping.delete(e.agentId);
      this.campaigns.get(w.campaignId)?.learner.wrapEnded((e.at - w.at) / 1000);
    }
    if (s.kind === 'ready') this.wantPace();
  }
}
