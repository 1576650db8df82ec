// A simulated contact centre feeding the wallboard's event path: 100 agents in 4 queues and a steady
// 50 calls in progress (queued, ringing or talking), each step taken by the real core machines
// (core/call, core/agent) and handed to the hub exactly as the telephony runtime hands its transitions
// (runtime-events.ts). Talk 3–8 s, ring 0.3–1 s, wrap-up 0.8–1.5 s, 8 % of wrap-ups followed by a short
// pause, 5 % of callers abandoning after 1.5 s.
import { reduceAgent, initialAgentState } from '../../server/src/core/agent/agent-machine.ts';
import type { AgentEvent, AgentState } from '../../server/src/core/agent/agent-types.ts';
import { reduceCall, startCall } from '../../server/src/core/call/call-machine.ts';
import type { CallEvent } from '../../server/src/core/call/call-types.ts';
import type { TelephonyEvent } from '../../server/src/modules/telephony/runtime-events.ts';
import type { LiveCall } from '../../server/src/modules/telephony/types.ts';

/** Time for the simulator: a virtual clock when a schedule is generated ahead (schedule.ts). */
export interface SimClock {
  now(): number;
  later(ms: number, fn: () => void): void;
}

export interface SimOptions {
  clock: SimClock;
  agentIds: string[];
  queueOf: (agentId: string) => string;
  concurrentCalls: number;
  ingest: (e: TelephonyEvent) => void;
  random?: () => number;
}

function liveCall(id: string, callerNumber: string, now: number): LiveCall {
  return {
    id, direction: 'inbound', state: startCall({ callId: id, did: '4000', callerNumber, now }).state, callerChannel: `ch-${id}`, did: '4000', callerNumber,
    pop: { callerE164: null, party: null, otherMatches: [], customer360: null }, ivrPath: [], languages: [], legs: new Map(), agentChannel: null, agentId: null,
    bridgeId: null, consult: null, recording: null, lastAnnouncedAt: null, playbackId: null, transfers: 0, agentPath: [], ivr: null, recordWritten: false,
  };
}

export class CentreSimulator {
  readonly agents = new Map<string, AgentState>();
  private readonly waiting: { call: LiveCall; queueId: string }[] = [];
  private callSeq = 0;
  private inFlight = 0;
  private stopped = false;
  events = 0;
  agentEvents = 0;

  constructor(private readonly o: SimOptions) {}

  private rnd(min: number, max: number): number {
    return min + (this.o.random ?? Math.random)() * (max - min);
  }

  private later(ms: number, fn: () => void): void {
    this.o.clock.later(ms, () => {
      if (!this.stopped) fn();
    });
  }

  private agent(id: string, e: AgentEvent): void {
    const step = reduceAgent(this.agents.get(id) ?? initialAgentState(id, e.now), e);
    if (!step.ok) return;
    this.agents.set(id, step.state);
    if (!step.transition) return;
    this.events++;
    this.agentEvents++;
    this.o.ingest({ kind: 'agentState', agentId: id, state: step.state, at: e.now });
  }

  private call(c: LiveCall, e: CallEvent): void {
    const step = reduceCall(c.state, e);
    if (!step.ok) return;
    c.state = step.state;
    if (!step.transition) return;
    this.events++;
    // A copy: the call object goes on changing, the event must say how it was at this step.
    this.o.ingest({ kind: 'callTransition', call: structuredClone(c), transition: step.transition, at: e.now });
  }

  start(): void {
    for (const id of this.o.agentIds) this.agent(id, { type: 'signIn', now: this.o.clock.now() });
    for (let i = 0; i < this.o.concurrentCalls; i++) this.later(this.rnd(0, 3000), () => this.newCall());
  }

  stop(): void {
    this.stopped = true;
  }

  private newCall(): void {
    const now = this.o.clock.now();
    const c = liveCall(`sim-${++this.callSeq}`, `1390000${String(this.callSeq % 10000).padStart(4, '0')}`, now);
    const queueId = this.o.queueOf(this.o.agentIds[Math.floor(this.rnd(0, this.o.agentIds.length))]!);
    this.inFlight++;
    this.call(c, { type: 'queue', queueId, priority: 0, now });
    this.waiting.push({ call: c, queueId });
    // One caller in twenty gives up if nobody answers within 1.5 s.
    if (this.rnd(0, 1) < 0.05) this.later(1500, () => this.abandon(c));
    this.dispatch();
  }

  private abandon(c: LiveCall): void {
    const i = this.waiting.findIndex((w) => w.call === c);
    if (i < 0) return;
    this.waiting.splice(i, 1);
    this.call(c, { type: 'hangup', side: 'caller', cause: 'normal', now: this.o.clock.now() });
    this.callDone();
  }

  private callDone(): void {
    this.inFlight--;
    this.later(this.rnd(50, 400), () => this.newCall());
  }

  /** Offers waiting calls to ready agents of their queue. */
  private dispatch(): void {
    for (let i = 0; i < this.waiting.length; ) {
      const w = this.waiting[i]!;
      const agentId = [...this.agents].find(([id, s]) => s.status.kind === 'ready' && this.o.queueOf(id) === w.queueId)?.[0];
      if (!agentId) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.offer(w.call, w.queueId, agentId);
    }
  }

  private offer(c: LiveCall, queueId: string, agentId: string): void {
    const now = this.o.clock.now();
    this.call(c, { type: 'offer', agentIds: [agentId], now });
    this.agent(agentId, { type: 'offer', callId: c.id, queueId, ringTimeoutMs: 15_000, wrapUpMs: 1500, now });
    this.later(this.rnd(300, 1000), () => {
      const at = this.o.clock.now();
      this.agent(agentId, { type: 'answer', callId: c.id, now: at });
      this.call(c, { type: 'answer', agentId, now: at });
      this.later(this.rnd(3000, 8000), () => this.hangup(c, agentId));
    });
  }

  private hangup(c: LiveCall, agentId: string): void {
    const now = this.o.clock.now();
    this.call(c, { type: 'hangup', side: 'caller', cause: 'normal', now });
    this.agent(agentId, { type: 'callEnded', callId: c.id, now });
    this.callDone();
    this.later(this.rnd(800, 1500), () => {
      this.agent(agentId, { type: 'wrapUpDone', now: this.o.clock.now() });
      if (this.rnd(0, 1) < 0.08) {
        this.agent(agentId, { type: 'pause', reason: this.rnd(0, 1) < 0.5 ? 'lunch' : 'training', now: this.o.clock.now() });
        this.later(this.rnd(2000, 5000), () => {
          this.agent(agentId, { type: 'goReady', now: this.o.clock.now() });
          this.dispatch();
        });
      }
      this.dispatch();
    });
  }
}
