// Discrete-event simulation of one shift of one scenario at accelerated time. The pacer sees only what a
// real dialer sees: a snapshot (agents' phases and elapsed times, dials in progress and their ages, answered
// calls waiting) and the events as they happen — never the outcome of a dial before it resolves.
import { EventQueue } from './event-queue.ts';
import type { SimPacer } from './pacer-driver.ts';
import { exponential, lognormal, makeRng, uniform, type Rng } from './rng.ts';
import { changeHours, valueAt, type CallModel, type Scenario } from './scenarios.ts';
import type { PacingState } from '../../server/src/core/dialer/types.ts';

const RESOLVE = 0, TALK_END = 1, WRAP_END = 2, DEADLINE = 3, TICK = 4, SCHEDULE = 5;
const IDLE = 0, TALK = 1, WRAP = 2, OUT = 3;

interface Agent { phase: number; since: number; leaving: boolean; loginAt: number; loggedSec: number }
interface Dial { launchedAt: number; answered: boolean; slot: number }
/** `idx` points into the shift's live-answer record, or -1 when answered after the shift. */
interface Waiting { answeredAt: number; done: boolean; idx: number }

export interface RunResult {
  occupancy: number;
  abandonRate: number;
  worstHourAbandonRate: number;
  talkMinPerAgentHour: number;
  connectsPerAgentHour: number;
  dialsPerAgentHour: number;
  liveAnswers: number;
  abandoned: number;
}

export function simulateShift(model: CallModel, sc: Scenario, pacer: SimPacer, seed: number): RunResult {
  const T = model.hours * 3600;
  const rngCall: Rng = makeRng(seed * 7919 + 11);
  const rngTalk: Rng = makeRng(seed * 104729 + 23);
  const rngAgents: Rng = makeRng(seed * 31337 + 5);
  const q = new EventQueue();
  const agents: Agent[] = [];
  const dials: Dial[] = [];
  const dialById = new Map<number, Dial>();
  const waiting: Waiting[] = [];
  let waitHead = 0;
  let waitingNow = 0;
  let nextDialId = 0;
  let busySec = 0, talkSec = 0, connects = 0, dialCount = 0;
  const answerTimes: number[] = [];
  const answerAbandoned: boolean[] = [];
  let pAnswer = valueAt(sc.pAnswer, 0);

  const clip = (a: number, b: number) => Math.max(0, Math.min(b, T) - Math.max(a, 0));
  const login = (t: number) => agents.push({ phase: IDLE, since: t, leaving: false, loginAt: t, loggedSec: 0 });
  const logout = (a: Agent, t: number) => {
    a.phase = OUT;
    a.loggedSec += clip(a.loginAt, t);
  };
  for (let i = 0; i < valueAt(sc.agents, 0); i++) login(0);

  const talkSample = () => (sc.talk.dist === 'exponential' ? exponential(rngTalk, sc.talk.mean) : lognormal(rngTalk, sc.talk.mean, sc.talk.cv * sc.talk.mean));

  function connect(ai: number, t: number): void {
    const a = agents[ai]!;
    const dur = talkSample();
    a.phase = TALK;
    a.since = t;
    if (t <= T) connects++;
    talkSec += clip(t, t + dur);
    busySec += clip(t, t + dur + model.wrapUp);
    q.push(t + dur, TALK_END, ai);
  }

  function launch(t: number): void {
    const id = nextDialId++;
    const setup = uniform(rngCall, model.postDialDelay.min, model.postDialDelay.max);
    const u = rngCall();
    let end: number;
    let answered = false;
    if (u < pAnswer) {
      let ring = lognormal(rngCall, model.ringAnswered.mean, model.ringAnswered.sd);
      while (ring >= model.noAnswerTimeout) ring = lognormal(rngCall, model.ringAnswered.mean, model.ringAnswered.sd);
      end = t + setup + ring;
      answered = true;
    } else if (u < pAnswer + model.pBusy) end = t + setup + model.busyAfter;
    else end = t + setup + model.noAnswerTimeout;
    const d: Dial = { launchedAt: t, answered, slot: dials.length };
    dials.push(d);
    dialById.set(id, d);
    dialCount++;
    q.push(end, RESOLVE, id);
  }

  function removeDial(d: Dial): void {
    const last = dials.pop()!;
    if (last !== d) {
      dials[d.slot] = last;
      last.slot = d.slot;
    }
  }

  function freeAgent(ai: number, t: number): void {
    const a = agents[ai]!;
    if (a.leaving) return logout(a, t);
    while (waitHead < waiting.length && waiting[waitHead]!.done) waitHead++;
    if (waitHead < waiting.length) {
      const w = waiting[waitHead++]!;
      w.done = true;
      waitingNow--;
      pacer.liveAnswerSettled('connected', t);
      connect(ai, t);
    } else {
      a.phase = IDLE;
      a.since = t;
    }
  }

  function applyAgentSchedule(t: number): void {
    const want = valueAt(sc.agents, t / 3600);
    const active = agents.filter((a) => a.phase !== OUT && !a.leaving);
    if (want < active.length) {
      // Idle agents log out at once; the rest are chosen at random and finish their call first.
      let excess = active.length - want;
      for (const a of active) if (excess > 0 && a.phase === IDLE) { logout(a, t); excess--; }
      const busy = active.filter((a) => a.phase !== OUT);
      while (excess > 0 && busy.length > 0) {
        const k = Math.floor(rngAgents() * busy.length);
        busy[k]!.leaving = true;
        busy.splice(k, 1);
        excess--;
      }
    } else {
      let missing = want - active.length;
      for (const a of agents) if (missing > 0 && a.leaving && a.phase !== OUT) { a.leaving = false; missing--; }
      for (; missing > 0; missing--) login(t);
    }
  }

  const talkEl: number[] = [], wrapEl: number[] = [], dialAges: number[] = [], waitAges: number[] = [];
  const state = { readyAgents: 0, talkElapsedSec: talkEl, wrapElapsedSec: wrapEl, dialAgesSec: dialAges, waitingAgesSec: waitAges } satisfies PacingState;

  function decide(t: number): void {
    if (t >= T) return;
    let ready = 0;
    talkEl.length = wrapEl.length = dialAges.length = waitAges.length = 0;
    for (const a of agents) {
      if (a.phase === OUT || a.leaving) continue;
      if (a.phase === IDLE) ready++;
      else if (a.phase === TALK) talkEl.push(t - a.since);
      else wrapEl.push(t - a.since);
    }
    for (const d of dials) dialAges.push(t - d.launchedAt);
    for (let i = waitHead; i < waiting.length; i++) if (!waiting[i]!.done) waitAges.push(t - waiting[i]!.answeredAt);
    state.readyAgents = ready;
    const k = pacer.decide(state, t);
    for (let n = 0; n < k; n++) launch(t);
  }

  q.push(1, TICK, 0);
  for (const h of new Set([...changeHours(sc.agents), ...changeHours(sc.pAnswer)])) q.push(h * 3600, SCHEDULE, 0);
  decide(0);
  for (let e = q.pop(); e; e = q.pop()) {
    const t = e.t;
    if (t > T + 120) break;
    switch (e.kind) {
      case RESOLVE: {
        const d = dialById.get(e.ref)!;
        dialById.delete(e.ref);
        removeDial(d);
        const age = t - d.launchedAt;
        if (!d.answered) {
          pacer.dialResolved(age < model.postDialDelay.max + model.busyAfter + 1e-9 ? 'busy' : 'noAnswer', age);
          break;
        }
        pacer.dialResolved('answered', age);
        if (t <= T) answerTimes.push(t);
        if (t <= T) answerAbandoned.push(false);
        const idle = waitingNow === 0 ? agents.findIndex((a) => a.phase === IDLE && !a.leaving) : -1;
        if (idle >= 0) {
          pacer.liveAnswerSettled('connected', t);
          connect(idle, t);
        } else {
          // Settled at the deadline: flipped to abandoned if no agent took it within grace.
          waiting.push({ answeredAt: t, done: false, idx: t <= T ? answerAbandoned.length - 1 : -1 });
          waitingNow++;
          q.push(t + model.grace, DEADLINE, waiting.length - 1);
        }
        break;
      }
      case TALK_END: {
        const a = agents[e.ref]!;
        pacer.talkEnded(t - a.since);
        a.phase = WRAP;
        a.since = t;
        q.push(t + model.wrapUp, WRAP_END, e.ref);
        break;
      }
      case WRAP_END: {
        pacer.wrapEnded(t - agents[e.ref]!.since);
        freeAgent(e.ref, t);
        break;
      }
      case DEADLINE: {
        const w = waiting[e.ref]!;
        if (!w.done) {
          w.done = true;
          waitingNow--;
          pacer.liveAnswerSettled('abandoned', t);
          if (w.idx >= 0) answerAbandoned[w.idx] = true;
        }
        break;
      }
      case TICK:
        if (t + 1 <= T) q.push(t + 1, TICK, 0);
        break;
      case SCHEDULE:
        pAnswer = valueAt(sc.pAnswer, t / 3600);
        applyAgentSchedule(t);
        break;
    }
    decide(t);
  }
  for (const a of agents) if (a.phase !== OUT) logout(a, T);
  const agentSec = agents.reduce((s, a) => s + a.loggedSec, 0);
  const abandoned = answerAbandoned.filter(Boolean).length;
  return {
    occupancy: busySec / agentSec,
    abandonRate: answerTimes.length ? abandoned / answerTimes.length : 0,
    worstHourAbandonRate: worstHour(answerTimes, answerAbandoned, T),
    talkMinPerAgentHour: (talkSec / 60) / (agentSec / 3600),
    connectsPerAgentHour: connects / (agentSec / 3600),
    dialsPerAgentHour: dialCount / (agentSec / 3600),
    liveAnswers: answerTimes.length,
    abandoned,
  };
}

/** Highest abandon rate over any one-hour window (stepped by a minute) inside the shift. */
function worstHour(times: number[], abandoned: boolean[], T: number): number {
  let worst = 0;
  let lo = 0, hi = 0, live = 0, ab = 0;
  for (let start = 0; start + 3600 <= T; start += 60) {
    while (hi < times.length && times[hi]! < start + 3600) { live++; if (abandoned[hi]) ab++; hi++; }
    while (lo < hi && times[lo]! < start) { live--; if (abandoned[lo]) ab--; lo++; }
    if (live > 0) worst = Math.max(worst, ab / live);
  }
  return worst;
}
