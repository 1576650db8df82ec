// The dial attempts' interpreter: holds each attempt in progress as its reducer state (core/dialer/
// attempt-machine.ts), keyed by call id; feeds it events, persists it as it changes, and carries out its
// commands through the telephony facade and the PBX port. Every method runs inside the dialer's serial
// chain (runtime.ts), so one attempt sees one event at a time; a command's result is fed back at once.
import { randomUUID } from 'node:crypto';
import type { PbxEvent } from '@ringside/pbx';
import type { FastifyBaseLogger } from 'fastify';
import { reduceAttempt, startAttempt } from '../../core/dialer/attempt-machine.ts';
import type {
  AttemptCommand,
  AttemptEvent,
  AttemptState,
  LearnerNote,
} from '../../core/dialer/attempt-types.ts';
import { ringTimeoutSec } from '../../core/dialer/index.ts';
import type { Db } from '../../db/client.ts';
import { releaseRecord, type DialTarget } from '../campaigns/dialer-store.ts';
import type { PopData, TelephonyFacade } from '../telephony/facade.ts';
import type { LegTag } from '../telephony/leg-tag.ts';
import { hangup, legTagOf, offer, originate, playMessage, startAmd } from './attempt-effects.ts';
import { attemptEventOf } from './attempt-events.ts';
import { storeSettled, type AttemptTrace } from './attempt-settle.ts';
import type { AttemptJournal } from './attempt-store.ts';
import type { CampaignRun, CampaignRuns } from './campaign-runs.ts';
import { recordPop } from './record-pop.ts';

/** A hang-up that finds the channel gone waits this long for its destroy event before ending the attempt. */
const LOST_END_MS = 1_000;

export interface LiveAttempt {
  state: AttemptState;
  target: DialTarget;
  run: CampaignRun;
  pop: PopData | null;
  /** What ChannelHungup said, for a StasisEnd with no ChannelDestroyed after it. */
  lastCause: number | null;
  /** The JSON last handed to the journal (only changes are written). */
  saved: string;
}

export interface RunnerDeps {
  telephony: TelephonyFacade;
  db: Db;
  log: FastifyBaseLogger;
  journal: AttemptJournal;
  runs: CampaignRuns;
  wrapUpMs: () => number;
  promptLangs: readonly string[];
  /** Runs later work (a lost destroy event) in the dialer's chain. */
  enqueue: (fn: () => Promise<void>) => void;
  settled: (trace: AttemptTrace, run: CampaignRun) => Promise<void>;
}

export class AttemptRunner {
  readonly attempts = new Map<string, LiveAttempt>();

  constructor(private readonly deps: RunnerDeps) {}

  private get tel(): TelephonyFacade {
    return this.deps.telephony;
  }

  /** A record to dial; preview: the agent who asked gets the answer. */
  async dial(run: CampaignRun, target: DialTarget, previewAgentId: string | null): Promise<LiveAttempt> {
    const now = this.tel.now();
    const cfg = run.cfg;
    const setup = {
      amd: cfg.amdEnabled,
      machineAction: cfg.amdAction,
      recordCalls: cfg.recordCalls,
      previewAgentId,
      callbackAgentId: target.callbackAgentId,
      ringTimeoutMs: ringTimeoutSec(cfg.ringTimeoutSec) * 1000,
    };
    const ids = { callId: randomUUID(), channelId: `dialer-${randomUUID()}` };
    const { state, commands } = startAttempt({
      ...ids,
      campaignId: cfg.id,
      recordId: target.recordId,
      setup,
      now,
    });
    const a = this.adopt(state, target, run);
    this.deps.runs.noteDial(run, now);
    await this.run(a, commands);
    // The pop is ready long before a person can answer (ring ≥ 1 s).
    if (a.state.phase !== 'done') void this.lookupPop(a);
    return a;
  }

  /** Holds an attempt (a new one, or one a previous process left). */
  adopt(state: AttemptState, target: DialTarget, run: CampaignRun): LiveAttempt {
    const a: LiveAttempt = { state, target, run, pop: null, lastCause: null, saved: '' };
    this.attempts.set(state.callId, a);
    this.persist(a);
    return a;
  }

  lookupPop(a: LiveAttempt): Promise<void> {
    return recordPop(this.deps.db, a.target).then(
      (p) => void (a.pop = p),
      (err: unknown) => this.deps.log.warn({ err, callId: a.state.callId }, 'dialer: pop lookup failed'),
    );
  }

  async feed(a: LiveAttempt, e: AttemptEvent): Promise<void> {
    const step = reduceAttempt(a.state, e);
    if (!step.ok) {
      this.deps.log.debug({ callId: a.state.callId, rejection: step.rejection }, 'dialer: event ignored');
      return;
    }
    a.state = step.state;
    if (step.transition) this.deps.log.debug({ transition: step.transition }, 'dialer: attempt transition');
    if (a.state.phase === 'done') {
      this.attempts.delete(a.state.callId);
      await this.run(a, step.commands);
      // Removed once settled: a crash before this point settles it again at the next start (at worst twice).
      this.deps.journal.remove(a.state.callId);
      return;
    }
    this.persist(a);
    await this.run(a, step.commands);
  }

  /** A PBX event the dispatcher routed to the dialer (tag: the leg's tag when claimed). */
  async onPbx(e: PbxEvent, tag: LegTag | undefined): Promise<void> {
    const now = this.tel.now();
    if (e.type === 'playbackFinished') {
      const a = [...this.attempts.values()].find((x) => x.state.playbackId === e.playbackId);
      if (a) await this.feed(a, { type: 'playbackFinished', heard: e.result === 'done', now });
      return;
    }
    if (!('channelId' in e) || tag?.kind !== 'dialer') return;
    const a = this.attempts.get(tag.callId);
    if (!a || a.state.channelId !== e.channelId) return;
    if (e.type === 'channelHungup') a.lastCause = e.cause;
    const ev = attemptEventOf(e, a.lastCause, now);
    if (ev) await this.feed(a, ev);
  }

  async tickAll(now: number): Promise<void> {
    for (const a of [...this.attempts.values()]) await this.feed(a, { type: 'tick', now });
  }

  private persist(a: LiveAttempt): void {
    // An offer in flight does not survive a restart (resume clears it): not worth a write per tick.
    const entry = { v: 1 as const, state: { ...a.state, offering: false }, target: a.target };
    const json = JSON.stringify(entry);
    if (json === a.saved) return;
    a.saved = json;
    this.deps.journal.save(entry);
  }

  private async run(a: LiveAttempt, commands: AttemptCommand[]): Promise<void> {
    for (const c of commands) await this.exec(a, c);
  }

  private async exec(a: LiveAttempt, c: AttemptCommand): Promise<void> {
    const s = a.state;
    const fx = { telephony: this.tel, log: this.deps.log };
    switch (c.type) {
      case 'claimLeg':
        return this.tel.claimLeg(s.channelId, legTagOf(s));
      case 'releaseLeg': {
        // Only our own claim: once handed over, the channel is telephony's caller leg.
        const tag = this.tel.legOf(s.channelId);
        if (tag?.kind === 'dialer' && tag.callId === s.callId) this.tel.releaseLeg(s.channelId);
        return;
      }
      case 'originate':
        return this.feed(a, await originate(fx, a));
      case 'releaseRecord':
        return releaseRecord(this.deps.db, s.recordId).catch((err: unknown) =>
          this.deps.log.error(
            { err, recordId: s.recordId },
            'dialer: record not released (back at next start)',
          ),
        );
      case 'startAmd':
        return startAmd(fx, s);
      case 'offerToAgent':
        return this.feed(a, await offer(fx, a, c.agentId, this.deps.wrapUpMs()));
      case 'handedOver':
        a.run.calls.add(s.callId);
        return;
      case 'takeBack': {
        const channel = await this.tel.takeBackCampaignCall(s.callId);
        return this.feed(a, { type: 'takeBackResult', back: channel !== null, now: this.tel.now() });
      }
      case 'endHandedOverCall':
        return this.tel.endHandedOverCall(s.callId, String(c.cause ?? 16));
      case 'playMessage':
        return this.feed(a, await playMessage(fx, s, c.prompt, this.deps.promptLangs));
      case 'claimPlayback':
        return this.tel.claimPlayback(c.playbackId, 'dialer');
      case 'hangup':
        // Already gone: its destroy event is on its way, or was lost (an ARI reconnect, or a channel
        // that hung up during AMD's detour).
        if ((await hangup(fx, s)) === 'gone') this.endIfLost(s.callId);
        return;
      case 'recordCall':
        void this.tel
          .recordCampaignCall(s.callId)
          .catch((err: unknown) =>
            this.deps.log.warn({ err, callId: s.callId }, 'dialer: recording did not start'),
          );
        return;
      case 'countConnect':
        return this.deps.runs.bumpConnects(a.run, this.tel.now());
      case 'learn':
        return applyNote(a.run, c.note);
      case 'settle':
        return this.deps.settled(await storeSettled(this.deps.db, this.deps.log, a, c), a.run);
    }
  }

  /** The channel was gone when we hung up: wait a moment for its destroy event, then end as it would. */
  private endIfLost(callId: string): void {
    const timer = setTimeout(() => {
      this.deps.enqueue(async () => {
        const live = this.attempts.get(callId);
        if (!live) return;
        const now = this.tel.now();
        await this.feed(live, { type: 'hungup', cause: live.lastCause, pbxOutcome: 'answered-normal', now });
      });
    }, LOST_END_MS);
    timer.unref();
  }
}

function applyNote(run: CampaignRun, note: LearnerNote): void {
  switch (note.kind) {
    case 'dialResolved':
      return run.learner.dialResolved(note.resolution, note.ageSec);
    case 'liveAnswerSettled':
      return run.learner.liveAnswerSettled(note.outcome, note.atSec);
    case 'talkEnded':
      return run.learner.talkEnded(note.talkSec);
  }
}
