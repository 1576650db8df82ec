// The dialer's state per campaign: its config as last read, the pacing learner, the calls it handed to
// agents, and the live figures pushed to supervisors (campaign:progress). Campaigns are re-read every 5 s
// (or on reload()); a campaign paused or stopped keeps its run (learner and figures) and places no dials.
import type { FastifyBaseLogger } from 'fastify';
import { CampaignLearner, defaultPacingPolicy, type PacingPolicy } from '../../core/dialer/index.ts';
import type { Db } from '../../db/client.ts';
import type { RealtimeServer } from '../../plugins/realtime.ts';
import { campaignProgress, completeIfExhausted } from '../campaigns/campaign-progress.ts';
import {
  loadCampaignConfig,
  loadDispositions,
  loadRunningCampaigns,
  type CampaignDispositionItem,
  type CampaignRuntimeConfig,
} from '../campaigns/dialer-store.ts';

export interface CampaignRun {
  cfg: CampaignRuntimeConfig;
  policy: PacingPolicy;
  learner: CampaignLearner;
  dispositions: CampaignDispositionItem[];
  /** Call ids of this campaign's calls handed to agents (wrap-up tracking, pacing's talk and wrap-up). */
  calls: Set<string>;
  dialTimes: number[];
  connectsToday: number;
  day: string;
  progress: { abandonPctWindow: number; remaining: number } | null;
  lastEmitted: string;
}

export interface CampaignSnapshot {
  campaignId: string;
  name: string;
  mode: CampaignRuntimeConfig['mode'];
  status: string;
  dialRatePerMin: number;
  linesInProgress: number;
  connectsToday: number;
  abandonPctWindow: number;
  recordsLeft: number;
}

/**
 * The hand-over itself (offer, the agent's leg answering, the bridge) takes a few hundred ms of the 2 s an
 * answer may wait, so the pacer plans with a shorter grace than the abandon rule uses.
 */
export const PLANNING_GRACE_SEC = 1.5;

export interface CampaignRunsDeps {
  db: Db;
  io: RealtimeServer;
  log: FastifyBaseLogger;
  now: () => number;
  tickMs: number;
  /** Attempts of the campaign not yet settled. */
  linesOf: (campaignId: string) => number;
}

export class CampaignRuns {
  readonly runs = new Map<string, CampaignRun>();

  constructor(private readonly deps: CampaignRunsDeps) {}

  get(campaignId: string): CampaignRun | undefined {
    return this.runs.get(campaignId);
  }

  values(): IterableIterator<CampaignRun> {
    return this.runs.values();
  }

  async reload(): Promise<void> {
    const running = await loadRunningCampaigns(this.deps.db);
    const ids = new Set(running.map((c) => c.id));
    for (const cfg of running) await this.put(cfg);
    for (const r of this.runs.values()) {
      // Paused / stopped: no new dials; calls in progress finish normally. The run is kept for its
      // learner (a campaign resumed the same day keeps what it learned) and its snapshot.
      if (!ids.has(r.cfg.id) && r.cfg.status === 'running') r.cfg = { ...r.cfg, status: 'paused' };
    }
  }

  /** The run of a campaign whatever its status (an attempt resumed after a restart needs its campaign). */
  async ensure(campaignId: string): Promise<CampaignRun | null> {
    const known = this.runs.get(campaignId);
    if (known) return known;
    const cfg = await loadCampaignConfig(this.deps.db, campaignId);
    return cfg ? this.put(cfg) : null;
  }

  private async put(cfg: CampaignRuntimeConfig): Promise<CampaignRun> {
    const known = this.runs.get(cfg.id);
    if (known) {
      known.cfg = cfg;
      known.policy = policyOf(cfg);
      return known;
    }
    const policy = policyOf(cfg);
    const run: CampaignRun = {
      cfg,
      policy,
      learner: new CampaignLearner(policy),
      dispositions: await loadDispositions(this.deps.db, cfg.id),
      calls: new Set(),
      dialTimes: [],
      connectsToday: 0,
      day: dayKey(this.deps.now()),
      progress: null,
      lastEmitted: '',
    };
    this.runs.set(cfg.id, run);
    return run;
  }

  snapshot(r: CampaignRun): CampaignSnapshot {
    const now = this.deps.now();
    return {
      campaignId: r.cfg.id,
      name: r.cfg.name,
      mode: r.cfg.mode,
      status: r.cfg.status,
      dialRatePerMin: r.dialTimes.filter((t) => now - t < 60_000).length,
      linesInProgress: this.deps.linesOf(r.cfg.id),
      connectsToday: r.connectsToday,
      abandonPctWindow: r.progress?.abandonPctWindow ?? 0,
      recordsLeft: r.progress?.remaining ?? 0,
    };
  }

  noteDial(r: CampaignRun, at: number): void {
    r.dialTimes.push(at);
    if (r.dialTimes.length > 500) r.dialTimes.splice(0, 250);
  }

  bumpConnects(r: CampaignRun, at: number): void {
    const day = dayKey(at);
    if (day !== r.day) {
      r.day = day;
      r.connectsToday = 0;
    }
    r.connectsToday += 1;
  }

  /** Re-reads the figures (every 5 s, or now after an attempt) and completes a campaign with no record left. */
  async refreshProgress(r: CampaignRun, force = false): Promise<void> {
    const now = this.deps.now();
    if (!force && r.progress && now % 5_000 > this.deps.tickMs) {
      this.emitIfChanged(r);
      return;
    }
    try {
      const p = await campaignProgress(this.deps.db, r.cfg.id, new Date(now));
      r.progress = { abandonPctWindow: p.abandonPctWindow, remaining: p.remaining };
      const idle = r.calls.size === 0 && this.deps.linesOf(r.cfg.id) === 0;
      const exhausted = r.cfg.status === 'running' && p.total > 0 && p.remaining === 0 && idle;
      if (exhausted && (await completeIfExhausted(this.deps.db, r.cfg.id))) {
        r.cfg = { ...r.cfg, status: 'completed' };
        this.deps.log.info({ campaignId: r.cfg.id }, 'dialer: campaign completed, every record final');
      }
    } catch (err) {
      this.deps.log.warn({ err }, 'dialer: progress query failed');
    }
    this.emitIfChanged(r);
  }

  private emitIfChanged(r: CampaignRun): void {
    const snap = this.snapshot(r);
    const key = JSON.stringify(snap);
    if (key === r.lastEmitted) return;
    r.lastEmitted = key;
    this.deps.io.to('role:supervisor').to('role:admin').emit('campaign:progress', snap);
  }
}

function policyOf(cfg: CampaignRuntimeConfig): PacingPolicy {
  return {
    ...defaultPacingPolicy,
    graceSec: PLANNING_GRACE_SEC,
    mode: cfg.mode,
    maxLinesPerAgent: cfg.maxLinesPerAgent,
    powerLinesPerAgent: cfg.powerLinesPerAgent,
    abandonTarget: cfg.abandonTarget,
    abandonWindowSec: cfg.abandonWindowSec,
  };
}

function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
