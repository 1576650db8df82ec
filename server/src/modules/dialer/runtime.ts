// The dialer role: runs in the telephony process (it needs the same PBX connection and the agents' live
// states). Per running campaign, on events and a 1 s tick: pacing from core/dialer, records claimed from
// the store, originated through the trunk into our Stasis app; the answer is classified (AMD through the
// dialplan hop in dialplans/dialer.conf when the campaign wants it), a live answer is handed to the
// telephony runtime and offered to a ready campaign agent (same call:offer + pop path as inbound), and
// abandoned with the identification message when no agent connected within 2 s. Every attempt ends in
// finishAttempt with the outcome classified from ChannelDestroyed causes (classify.ts).
// Events are processed one at a time through `run` (like the telephony runtime).
// One file on purpose despite its length: pacing, dial handling and the live figures all read and write the
// same per-campaign state (runs, dials) inside that one serialised `run`; the decisions themselves are
// already outside (core/dialer for pacing, classify.ts, campaigns/ for storage and figures).
import { randomUUID } from 'node:crypto';
import type { PbxEvent, PbxEventOf, PbxPort } from '@ringside/pbx';
import type { FastifyBaseLogger } from 'fastify';
import { CampaignLearner, decidePacing, defaultPacingPolicy, ringTimeoutSec, type PacingPolicy } from '../../core/dialer/index.ts';
import type { Db } from '../../db/client.ts';
import type { RealtimeServer } from '../../plugins/realtime.ts';
import {
  claimDialable,
  finishAttempt,
  loadDispositions,
  loadRunningCampaigns,
  releaseRecord,
  releaseStaleClaims,
  type CampaignDispositionItem,
  type CampaignRuntimeConfig,
  type DialTarget,
} from '../campaigns/dialer-store.ts';
import { campaignProgress, completeIfExhausted } from '../campaigns/campaign-progress.ts';
import { campaignQueueId, offerCampaignCall, readyAgentsAmong, recordCampaignCall, takeBackCampaignCall } from '../telephony/campaign-call.ts';
import { onCallerGone } from '../telephony/legs.ts';
import type { TelephonyRuntime } from '../telephony/runtime.ts';
import type { TelephonyEvent } from '../telephony/runtime-events.ts';
import type { PopData } from '../telephony/types.ts';
import { writeUnconnectedAttempt } from './attempt-record.ts';
import { learnerResolution, outcomeOfAnswered, outcomeOfUnanswered, shouldAbandon, type AmdVerdict, type AttemptOutcome } from '../../core/dialer/attempt-classify.ts';
import { pacingState, type DialPhase } from './pacing-state.ts';
import { recordPop } from './record-pop.ts';

export const ABANDON_PROMPT = 'abandon-identification';
export const MACHINE_PROMPT = 'dialer-machine-message';

export interface DialerDeps {
  pbx: PbxPort;
  telephony: TelephonyRuntime;
  db: Db;
  io: RealtimeServer;
  log: FastifyBaseLogger;
  /** Wrap-up given to agents after a campaign call (their disposition ends it earlier). */
  wrapUpMs?: number;
  tickMs?: number;
  /** Languages of the abandon / machine messages, in playing order. */
  promptLangs?: string[];
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

/** One attempt, kept for tests and the e2e proof (what happened on the line). */
export interface AttemptTrace {
  recordId: string;
  campaignId: string;
  number: string;
  callId: string;
  outcome: AttemptOutcome;
  cause: number | null;
  amd: AmdVerdict | null;
  agentId: string | null;
  /** The agent whose console got the call:offer (also when the called party hung up before they answered). */
  offeredTo: string | null;
  /** The abandon or machine message played to its end on the called party's channel. */
  heardMessage: boolean | null;
  startedAt: number;
  endedAt: number;
}

interface CampaignRun {
  cfg: CampaignRuntimeConfig;
  policy: PacingPolicy;
  learner: CampaignLearner;
  dispositions: CampaignDispositionItem[];
  /** Call ids of this campaign's calls handed to agents (wrap-up tracking). */
  calls: Set<string>;
  dialTimes: number[];
  connectsToday: number;
  day: string;
  progress: { abandonPctWindow: number; remaining: number } | null;
  lastEmitted: string;
}

interface Dial {
  channelId: string;
  callId: string;
  run: CampaignRun;
  target: DialTarget;
  startedAt: number;
  answeredAt: number | null;
  liveSince: number | null;
  phase: DialPhase;
  amd: AmdVerdict | null;
  amdCause: string | null;
  amdDeadline: number | null;
  pop: PopData | null;
  /** Preview: the agent who asked for this dial gets it. */
  previewAgentId: string | null;
  agentId: string | null;
  hangupCause: number | null;
  /** takeBackCampaignCall is running for this dial. */
  takingBack: boolean;
  heardMessage: boolean | null;
  playbackId: string | null;
}

export class DialerRuntime {
  readonly runs = new Map<string, CampaignRun>();
  private readonly dials = new Map<string, Dial>();
  private readonly byCall = new Map<string, Dial>();
  /** Agent → when their wrap-up after a campaign call began. */
  private readonly wrapping = new Map<string, { campaignId: string; at: number }>();
  readonly attempts: AttemptTrace[] = [];
  /** Preview: records on an agent's screen (claimed, not yet dialed or skipped). */
  readonly previewClaims = new Map<string, { agentId: string; target: DialTarget }>();
  private chain: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private offPbx: (() => void) | undefined;
  private offTelephony: (() => void) | undefined;
  private stopped = false;
  private lastReload = 0;
  private paceWanted = false;

  constructor(readonly deps: DialerDeps) {}

  private get rt(): TelephonyRuntime {
    return this.deps.telephony;
  }
  private now(): number {
    return this.rt.now();
  }

  async start(): Promise<void> {
    // Claims of a previous process that never dialed go back to their dialable state.
    await releaseStaleClaims(this.deps.db, new Date(this.now() + 1000)).catch((err: unknown) => this.deps.log.warn({ err }, 'dialer: releasing stale claims failed'));
    this.offPbx = this.deps.pbx.on((e) => this.onPbx(e));
    this.offTelephony = this.rt.events.on((e) => this.onTelephony(e));
    const tick = this.deps.tickMs ?? 1000;
    this.timers.push(setInterval(() => void this.run(() => this.tick()), tick));
    // Live answers waiting for an agent are checked more often than the pacing tick: the grace is 2 s.
    this.timers.push(setInterval(() => void this.run(() => this.checkWaiting()), 200));
    for (const t of this.timers) t.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.offPbx?.();
    this.offTelephony?.();
    await this.chain;
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
    return [...this.runs.values()].map((r) => this.snapshotOf(r));
  }

  private snapshotOf(r: CampaignRun): CampaignSnapshot {
    const now = this.now();
    let lines = 0;
    for (const d of this.dials.values()) if (d.run === r && d.phase !== 'done') lines += 1;
    return {
      campaignId: r.cfg.id,
      name: r.cfg.name,
      mode: r.cfg.mode,
      status: r.cfg.status,
      dialRatePerMin: r.dialTimes.filter((t) => now - t < 60_000).length,
      linesInProgress: lines,
      connectsToday: r.connectsToday,
      abandonPctWindow: r.progress?.abandonPctWindow ?? 0,
      recordsLeft: r.progress?.remaining ?? 0,
    };
  }

  // ---------------------------------------------------------------- campaigns and pacing

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const now = this.now();
    if (now - this.lastReload >= 5_000) {
      this.lastReload = now;
      await this.reloadCampaigns();
    }
    for (const r of this.runs.values()) await this.pace(r);
    for (const r of this.runs.values()) await this.refreshProgress(r);
    this.checkAmdDeadlines();
  }

  private async reloadCampaigns(): Promise<void> {
    const running = await loadRunningCampaigns(this.deps.db);
    const ids = new Set(running.map((c) => c.id));
    for (const cfg of running) {
      const r = this.runs.get(cfg.id);
      if (r) {
        r.cfg = cfg;
        r.policy = policyOf(cfg);
        continue;
      }
      const policy = policyOf(cfg);
      this.runs.set(cfg.id, {
        cfg, policy, learner: new CampaignLearner(policy), dispositions: await loadDispositions(this.deps.db, cfg.id), calls: new Set(),
        dialTimes: [], connectsToday: 0, day: dayKey(this.now()), progress: null, lastEmitted: '',
      });
    }
    for (const r of this.runs.values()) {
      // Paused / stopped: no new dials; calls in progress finish normally. The run is kept for its
      // learner (a campaign resumed the same day keeps what it learned) and its snapshot.
      if (!ids.has(r.cfg.id) && r.cfg.status === 'running') r.cfg = { ...r.cfg, status: 'paused' };
    }
  }

  private wantPace(): void {
    if (this.paceWanted || this.stopped) return;
    this.paceWanted = true;
    setImmediate(() =>
      void this.run(async () => {
        this.paceWanted = false;
        for (const r of this.runs.values()) await this.pace(r);
      }),
    );
  }

  private async pace(r: CampaignRun): Promise<void> {
    if (r.cfg.status !== 'running' || r.cfg.mode === 'preview' || !this.rt.pbx.connected) return;
    const now = this.now();
    const dials = [...this.dials.values()].filter((d) => d.run === r);
    const state = pacingState({
      agents: r.cfg.agentIds.map((id) => this.rt.agents.get(id)),
      campaignQueueId: campaignQueueId(r.cfg.id),
      campaignCalls: r.calls,
      dials,
      now,
    });
    const nowSec = now / 1000;
    const decision = decidePacing(state, r.learner.estimates(state, nowSec), r.policy, nowSec);
    if (decision.dialNow <= 0) return;
    const targets = await claimDialable(this.deps.db, r.cfg.id, decision.dialNow, new Date(now));
    for (const t of targets) await this.originate(r, t, null);
  }

  private async originate(r: CampaignRun, t: DialTarget, previewAgentId: string | null): Promise<Dial | null> {
    const now = this.now();
    const d: Dial = {
      channelId: `dialer-${randomUUID()}`, callId: randomUUID(), run: r, target: t, startedAt: now, answeredAt: null, liveSince: null,
      phase: 'ringing', amd: null, amdCause: null, amdDeadline: null, pop: null, previewAgentId, agentId: null, hangupCause: null, takingBack: false,
      heardMessage: null, playbackId: null,
    };
    this.dials.set(d.channelId, d);
    this.byCall.set(d.callId, d);
    r.dialTimes.push(now);
    if (r.dialTimes.length > 500) r.dialTimes.splice(0, 250);
    try {
      await this.deps.pbx.originate({
        endpoint: `PJSIP/${t.phoneE164.replace(/^\+/, '')}@${r.cfg.trunk}`,
        channelId: d.channelId,
        appArgs: ['dialer', r.cfg.id, t.recordId],
        callerId: { number: r.cfg.callerId || 'anonymous' },
        timeoutSec: ringTimeoutSec(r.cfg.ringTimeoutSec),
        variables: { DIALER_APP: this.deps.pbx.app, RINGSIDE_CALL: d.callId },
      });
    } catch (err) {
      this.deps.log.warn({ err, recordId: t.recordId }, 'dialer: originate failed, record released');
      this.forget(d);
      await releaseRecord(this.deps.db, t.recordId).catch(() => undefined);
      return null;
    }
    // The pop is ready long before a person can answer (ring ≥ 1 s).
    void recordPop(this.deps.db, t).then(
      (p) => (d.pop = p),
      (err: unknown) => this.deps.log.warn({ err }, 'dialer: pop lookup failed'),
    );
    return d;
  }

  // ---------------------------------------------------------------- preview mode

  /** Preview: the agent dials the record they were shown; the answer goes to them. */
  async dialPreview(agentId: string, target: DialTarget): Promise<string | null> {
    return this.run(async () => {
      const r = this.runs.get(target.campaignId);
      if (!r) return null;
      const d = await this.originate(r, target, agentId);
      return d?.callId ?? null;
    });
  }

  // ---------------------------------------------------------------- PBX events

  private onPbx(e: PbxEvent): void {
    if (this.stopped) return;
    if (!('channelId' in e) && e.type !== 'playbackFinished') return;
    void this.run(() => this.handle(e));
  }

  private async handle(e: PbxEvent): Promise<void> {
    if (e.type === 'playbackFinished') {
      const d = [...this.dials.values()].find((x) => x.playbackId === e.playbackId);
      if (!d) return;
      d.heardMessage = e.result === 'done';
      await this.deps.pbx.hangup(d.channelId).catch(() => undefined);
      return;
    }
    if (!('channelId' in e)) return;
    const d = this.dials.get(e.channelId);
    if (!d) return;
    switch (e.type) {
      case 'callEntered':
        if (e.args[0] === 'dialer') return this.answered(d);
        if (e.args[0] === 'dialer-amd') return this.amdVerdict(d, e);
        return;
      case 'channelHungup':
        d.hangupCause = e.cause;
        return;
      case 'channelDestroyed':
        return this.gone(d, e.cause, e.outcome);
      case 'stasisEnd':
        // Leaving for the AMD hop is not an end; any other StasisEnd is (ChannelDestroyed may not follow).
        if (d.phase === 'amd') return;
        return this.gone(d, d.hangupCause ?? 16, 'answered-normal');
      case 'channelAnswered':
      case 'channelEnteredBridge':
      case 'channelLeftBridge':
      case 'channelStateChanged':
      case 'dtmfReceived':
        return;
    }
  }

  private async answered(d: Dial): Promise<void> {
    if (d.phase !== 'ringing') return;
    const now = this.now();
    d.answeredAt = now;
    if (d.run.cfg.amdEnabled) {
      d.phase = 'amd';
      d.amdDeadline = now + 8_000;
      try {
        await this.deps.pbx.continueInDialplan(d.channelId, { context: 'ringside-dialer-amd', extension: 's', priority: 1 });
      } catch {
        // Gone meanwhile: its end is reported by the destroy event (or the AMD deadline).
      }
      return;
    }
    d.run.learner.dialResolved('answered', (now - d.startedAt) / 1000);
    await this.goLive(d);
  }

  private async amdVerdict(d: Dial, e: PbxEventOf<'callEntered'>): Promise<void> {
    if (d.phase !== 'amd') return;
    d.amd = (['HUMAN', 'MACHINE', 'NOTSURE', 'HANGUP'].includes(e.args[1] ?? '') ? e.args[1] : 'NOTSURE') as AmdVerdict;
    d.amdCause = e.args[2] ?? null;
    d.amdDeadline = null;
    // The learner's "answer time" is when the call needs an agent: the verdict, not the carrier's answer.
    // Measured from the answer, a dial sitting in AMD would look like one ringing far longer than answers
    // usually take (unlikely to answer), and the pacer would dial more than the agents can take.
    const age = (this.now() - d.startedAt) / 1000;
    if (d.amd === 'MACHINE') {
      d.run.learner.dialResolved('machine', age);
      d.phase = 'machine';
      if (d.run.cfg.amdAction === 'message') {
        d.playbackId = await this.playMessage(d, MACHINE_PROMPT);
        if (d.playbackId) return;
      }
      await this.deps.pbx.hangup(d.channelId).catch(() => undefined);
      return;
    }
    // NOTSURE is treated as a person: hanging up on a human is the worse mistake.
    d.run.learner.dialResolved('answered', age);
    await this.goLive(d);
  }

  private async goLive(d: Dial): Promise<void> {
    d.phase = 'waiting';
    d.liveSince = this.now();
    await this.tryConnect(d);
  }

  private async tryConnect(d: Dial): Promise<void> {
    if (d.phase !== 'waiting') return;
    const cfg = d.run.cfg;
    const wanted = d.previewAgentId ?? d.target.callbackAgentId;
    const candidates = wanted ? [wanted] : readyAgentsAmong(this.rt, cfg.agentIds);
    const dispositions = d.run.dispositions.map((x) => ({ code: x.code, labelZh: x.labelZh, labelEn: x.labelEn, meaning: x.meaning }));
    for (const agentId of candidates) {
      const pop = d.pop ?? { callerE164: d.target.phoneE164, party: null, otherMatches: [], customer360: null };
      const ok = await this.rt.run(() =>
        offerCampaignCall(this.rt, {
          callId: d.callId, channelId: d.channelId, number: d.target.phoneE164, pop, agentId,
          campaign: { id: cfg.id, name: cfg.name, recordId: d.target.recordId, script: cfg.script, dispositions },
          wrapUpMs: this.deps.wrapUpMs ?? 10_000,
          ringTimeoutMs: 15_000,
        }),
      );
      if (ok) {
        d.phase = 'offered';
        d.agentId = agentId;
        d.run.calls.add(d.callId);
        return;
      }
    }
  }

  /** Waiting live answers: connect when an agent frees up, abandon after the grace. */
  private async checkWaiting(): Promise<void> {
    const now = this.now();
    for (const d of [...this.dials.values()]) {
      if ((d.phase !== 'waiting' && d.phase !== 'offered') || d.liveSince === null) continue;
      // Preview: the agent chose to dial; their own phone is what they wait for (no 2 s rule).
      if (d.previewAgentId) {
        if (d.phase === 'waiting') await this.tryConnect(d);
        continue;
      }
      if (shouldAbandon({ liveSince: d.liveSince, agentConnected: false, now })) {
        await this.abandon(d);
        continue;
      }
      if (d.phase === 'waiting') await this.tryConnect(d);
    }
  }

  private async abandon(d: Dial): Promise<void> {
    if (d.phase === 'offered') {
      // While taking it back, the call's 'ended' transition is ours, not a hang-up (onTelephony skips it).
      d.takingBack = true;
      const channel = await this.rt.run(() => takeBackCampaignCall(this.rt, d.callId));
      d.takingBack = false;
      if (channel === null) {
        // The agent answered in the same instant (phase is 'connected' now), or the called party hung up
        // while we were taking it back: then its 'ended' transition was skipped and we settle here.
        if (d.phase === 'offered' && !this.rt.calls.has(d.callId)) {
          d.phase = 'done';
          d.run.learner.liveAnswerSettled('connected', this.now() / 1000);
          await this.settle(d, 'answered', 16, null);
        }
        return;
      }
    }
    d.phase = 'abandoning';
    d.run.learner.liveAnswerSettled('abandoned', this.now() / 1000);
    d.playbackId = await this.playMessage(d, ABANDON_PROMPT);
    if (!d.playbackId) await this.deps.pbx.hangup(d.channelId).catch(() => undefined);
  }

  private async playMessage(d: Dial, prompt: string): Promise<string | null> {
    const langs = this.deps.promptLangs ?? ['zh', 'en'];
    try {
      return await this.deps.pbx.play({ kind: 'channel', id: d.channelId }, langs.map((l) => `sound:ringside/${l}/${prompt}` as const));
    } catch {
      return null;
    }
  }

  private checkAmdDeadlines(): void {
    const now = this.now();
    for (const d of this.dials.values()) {
      if (d.phase !== 'amd' || d.amdDeadline === null || now < d.amdDeadline) continue;
      d.amdDeadline = null;
      // The channel left our app for AMD() and did not come back: it hung up there (events about it no
      // longer reach us once it left the app). Confirm it is gone before settling.
      void this.deps.pbx.getVariable(d.channelId, 'CHANNEL(state)').then(
        () => void this.deps.pbx.hangup(d.channelId).catch(() => undefined).then(() => this.run(() => this.gone(d, 16, 'answered-normal'))),
        () => void this.run(() => this.gone(d, d.hangupCause ?? 16, 'answered-normal')),
      );
    }
  }

  /** The called party's channel is gone. Telephony owns it once offered; otherwise we settle here. */
  private async gone(d: Dial, cause: number, pbxOutcome: Parameters<typeof outcomeOfUnanswered>[0]): Promise<void> {
    if (d.phase === 'done') return;
    if (d.phase === 'offered' || d.phase === 'connected') {
      // The telephony runtime settles the call (its callTransition 'ended' finishes the attempt). If it
      // never got to map the channel (hang-up in the same instant as the hand-over), end it there.
      await this.rt.run(async () => {
        const call = this.rt.calls.get(d.callId);
        if (call && call.state.status.kind !== 'ended' && !this.rt.channels.has(d.channelId)) {
          await onCallerGone(this.rt, d.callId, String(cause));
        }
      });
      return;
    }
    const now = this.now();
    let outcome: AttemptOutcome;
    if (d.phase === 'ringing') {
      outcome = outcomeOfUnanswered(pbxOutcome);
      d.run.learner.dialResolved(learnerResolution(outcome), (now - d.startedAt) / 1000);
    } else if (d.phase === 'machine') {
      outcome = 'machine';
      // A "machine" that hangs up before our message finished behaves like a person: counted as an AMD
      // false positive (the issue counts those as abandoned).
      if (d.run.cfg.amdAction === 'message' && d.heardMessage === null) d.run.learner.liveAnswerSettled('amdFalsePositive', now / 1000);
    } else if (d.phase === 'abandoning') {
      outcome = 'abandoned';
    } else {
      // Answered (or in AMD), then the called party hung up before an agent was offered.
      outcome = outcomeOfAnswered({ amd: d.amd, reachedAgent: false, abandoned: false });
      if (d.phase === 'waiting') d.run.learner.liveAnswerSettled('connected', now / 1000);
    }
    d.phase = 'done';
    await this.settle(d, outcome, cause, null);
  }

  private async settle(d: Dial, outcome: AttemptOutcome, cause: number | null, agentId: string | null): Promise<void> {
    this.forget(d);
    const now = this.now();
    const r = d.run;
    const handed = r.calls.has(d.callId);
    try {
      if (!handed) {
        await writeUnconnectedAttempt(this.deps.db, {
          callId: d.callId, campaignName: r.cfg.name, callerId: r.cfg.callerId, number: d.target.phoneE164, pop: d.pop, outcome, cause,
          startedAt: new Date(d.startedAt), answeredAt: d.answeredAt ? new Date(d.answeredAt) : null, endedAt: new Date(now), amdResult: d.amd,
        });
      }
      await finishAttempt(this.deps.db, {
        recordId: d.target.recordId, campaignId: r.cfg.id, callId: d.callId, outcome, cause, startedAt: new Date(d.startedAt), endedAt: new Date(now),
        agentId, amdResult: d.amd ? `${d.amd}${d.amdCause ? `/${d.amdCause}` : ''}` : null,
      });
    } catch (err) {
      this.deps.log.error({ err, recordId: d.target.recordId }, 'dialer: could not store the attempt');
    }
    this.attempts.push({
      recordId: d.target.recordId, campaignId: r.cfg.id, number: d.target.phoneE164, callId: d.callId, outcome, cause, amd: d.amd, agentId,
      offeredTo: r.calls.has(d.callId) ? d.agentId : null, heardMessage: d.heardMessage, startedAt: d.startedAt, endedAt: now,
    });
    if (this.attempts.length > 20_000) this.attempts.splice(0, 10_000);
    await this.refreshProgress(r, true);
    this.wantPace();
  }

  private forget(d: Dial): void {
    this.dials.delete(d.channelId);
    this.byCall.delete(d.callId);
  }

  // ---------------------------------------------------------------- telephony events (agents, calls)

  private onTelephony(e: TelephonyEvent): void {
    if (this.stopped) return;
    if (e.kind === 'agentState') {
      const s = e.state.status;
      const w = this.wrapping.get(e.agentId);
      if (s.kind === 'wrapUp' && this.isCampaignCall(s.callId)) {
        const d = this.byCallId(s.callId);
        if (d) this.wrapping.set(e.agentId, { campaignId: d.run.cfg.id, at: e.at });
      } else if (w) {
        this.wrapping.delete(e.agentId);
        this.runs.get(w.campaignId)?.learner.wrapEnded((e.at - w.at) / 1000);
      }
      if (s.kind === 'ready') this.wantPace();
      return;
    }
    if (e.kind !== 'callTransition') return;
    const d = this.byCall.get(e.call.id);
    if (!d) return;
    const status = e.call.state.status;
    if (status.kind === 'answered' && d.phase === 'offered') {
      d.phase = 'connected';
      d.run.learner.liveAnswerSettled('connected', e.at / 1000);
      this.bumpConnects(d.run, e.at);
      if (d.run.cfg.recordCalls) void this.rt.run(() => recordCampaignCall(this.rt, d.callId));
      return;
    }
    if (status.kind === 'ended' && !d.takingBack && (d.phase === 'offered' || d.phase === 'connected')) {
      const connected = d.phase === 'connected';
      const rec = e.call.state.record;
      if (connected && rec) d.run.learner.talkEnded(rec.talkMs / 1000);
      // Hung up while the agent's phone was ringing (inside the grace): a live answer, not our abandon.
      if (!connected) d.run.learner.liveAnswerSettled('connected', e.at / 1000);
      const agentId = connected ? d.agentId : null;
      d.phase = 'done';
      void this.run(() => this.settle(d, outcomeOfAnswered({ amd: d.amd, reachedAgent: connected, abandoned: false }), 16, agentId));
    }
  }

  private isCampaignCall(callId: string): boolean {
    for (const r of this.runs.values()) if (r.calls.has(callId)) return true;
    return false;
  }

  private byCallId(callId: string): { run: CampaignRun } | undefined {
    for (const r of this.runs.values()) if (r.calls.has(callId)) return { run: r };
    return undefined;
  }

  private bumpConnects(r: CampaignRun, at: number): void {
    const day = dayKey(at);
    if (day !== r.day) {
      r.day = day;
      r.connectsToday = 0;
    }
    r.connectsToday += 1;
  }

  // ---------------------------------------------------------------- live figures

  private async refreshProgress(r: CampaignRun, force = false): Promise<void> {
    const now = this.now();
    if (!force && r.progress && now % 5_000 > (this.deps.tickMs ?? 1000)) {
      this.emitIfChanged(r);
      return;
    }
    try {
      const p = await campaignProgress(this.deps.db, r.cfg.id, new Date(now));
      r.progress = { abandonPctWindow: p.abandonPctWindow, remaining: p.remaining };
      const idle = r.calls.size === 0 && ![...this.dials.values()].some((d) => d.run === r);
      if (r.cfg.status === 'running' && p.total > 0 && p.remaining === 0 && idle && (await completeIfExhausted(this.deps.db, r.cfg.id))) {
        r.cfg = { ...r.cfg, status: 'completed' };
        this.deps.log.info({ campaignId: r.cfg.id }, 'dialer: campaign completed, every record final');
      }
    } catch (err) {
      this.deps.log.warn({ err }, 'dialer: progress query failed');
    }
    this.emitIfChanged(r);
  }

  private emitIfChanged(r: CampaignRun): void {
    const snap = this.snapshotOf(r);
    const key = JSON.stringify(snap);
    if (key === r.lastEmitted) return;
    r.lastEmitted = key;
    this.deps.io.to('role:supervisor').to('role:admin').emit('campaign:progress', snap);
  }
}

/**
 * The hand-over itself (offer, the agent's leg answering, the bridge) takes a few hundred ms of the 2 s an
 * answer may wait, so the pacer plans with a shorter grace than the abandon rule uses.
 */
export const PLANNING_GRACE_SEC = 1.5;

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
