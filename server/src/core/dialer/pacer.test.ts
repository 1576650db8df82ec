import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CampaignLearner } from './learner.ts';
import { decidePacing, progressiveDials } from './pacer.ts';
import { defaultPacingPolicy, type PacingPolicy } from './policy.ts';
import { deficitProfile, dialsWithinRisk, riskOfOneMore } from './risk-model.ts';
import type { PacingEstimates, PacingState } from './types.ts';

/**
 * Hand-built estimates: answers uniform over 4–16 s after originate with probability pAnswer, failures
 * at 24 s, exponential talk with mean `talk`, a 10 s wrap-up and 2 s of grace. One-second grid.
 */
function estimates(over: { pAnswer?: number; talk?: number; riskThreshold?: number; confidence?: number } = {}): PacingEstimates {
  const pA = over.pAnswer ?? 0.3;
  const talk = over.talk ?? 60;
  const steps = 16;
  const F = (x: number) => Math.min(1, Math.max(0, (x - 4) / 12));
  const at = (j: number) => j + 1;
  const row = (f: (j: number) => number) => Float64Array.from({ length: steps }, (_, j) => f(j));
  return {
    pAnswer: pA,
    confidence: over.confidence ?? 1,
    stepSec: 1,
    steps,
    newAnswerBy: row((j) => pA * F(at(j))),
    dialAnswerRow: (age) =>
      row((j) => {
        const alive = pA * (1 - F(age)) + (1 - pA) * (age < 24 ? 1 : 0);
        return alive > 0 ? (pA * (F(age + at(j)) - F(age))) / alive : 0;
      }),
    talkFreeRow: () => row((j) => Math.max(0, 1 - Math.exp(-(at(j) + 2 - 10) / talk))),
    wrapFreeRow: (elapsed) => row((j) => (elapsed + at(j) + 2 >= 10 ? 1 : 0)),
    riskThreshold: over.riskThreshold ?? 0.03,
    window: { liveAnswers: 0, abandoned: 0 },
  };
}

const state = (over: Partial<PacingState> = {}): PacingState => ({
  readyAgents: 0,
  talkElapsedSec: [],
  wrapElapsedSec: [],
  dialAgesSec: [],
  waitingAgesSec: [],
  ...over,
});
const policy = (over: Partial<PacingPolicy> = {}): PacingPolicy => ({ ...defaultPacingPolicy, ...over });
const busy = (n: number) => Array.from({ length: n }, (_, i) => 5 + 7 * i);

describe('decidePacing by mode', () => {
  it('places no automatic dials in preview mode', () => {
    expect(decidePacing(state({ readyAgents: 5 }), estimates(), policy({ mode: 'preview' }), 0).dialNow).toBe(0);
  });

  it('dials one call per ready agent not already covered in progressive mode', () => {
    const s = state({ readyAgents: 5, dialAgesSec: [1, 2], waitingAgesSec: [0.5] });
    expect(decidePacing(s, estimates(), policy({ mode: 'progressive' }), 0).dialNow).toBe(2);
    expect(progressiveDials(state({ readyAgents: 1, dialAgesSec: [1, 2] }))).toBe(0);
  });

  it('keeps a fixed number of lines per ready agent in power mode', () => {
    const s = state({ readyAgents: 4, dialAgesSec: [1, 2, 3] });
    expect(decidePacing(s, estimates(), policy({ mode: 'power', powerLinesPerAgent: 2.5 }), 0).dialNow).toBe(7);
  });

  it('never exceeds the ceiling of lines per agent', () => {
    const s = state({ readyAgents: 4, talkElapsedSec: busy(6), dialAgesSec: [1, 2, 3] });
    const d = decidePacing(s, estimates(), policy({ mode: 'power', powerLinesPerAgent: 10, maxLinesPerAgent: 2 }), 0);
    expect(d.dialNow).toBe(2 * 10 - 3);
    expect(d.reason).toMatch(/capped/);
  });

  it('does nothing without agents', () => {
    expect(decidePacing(state(), estimates(), policy(), 0)).toEqual({ dialNow: 0, reason: 'no agents' });
  });

  it('falls back to progressive while it has no data, and moves toward the model as data comes', () => {
    const s = state({ readyAgents: 3, talkElapsedSec: busy(17) });
    const cold = decidePacing(s, estimates({ confidence: 0 }), policy(), 0).dialNow;
    const warm = decidePacing(s, estimates({ confidence: 0.5 }), policy(), 0).dialNow;
    const full = decidePacing(s, estimates({ confidence: 1 }), policy(), 0).dialNow;
    expect(cold).toBe(3);
    expect(warm).toBeGreaterThanOrEqual(cold);
    expect(full).toBeGreaterThan(warm);
  });
});

describe('predictive pacing', () => {
  it('over-dials when the answer rate is low and agents are about to be free', () => {
    const d = decidePacing(state({ readyAgents: 2, talkElapsedSec: busy(18) }), estimates({ pAnswer: 0.15 }), policy(), 0);
    expect(d.dialNow).toBeGreaterThan(2);
  });

  it('dials fewer when more calls are already ringing', () => {
    const base = state({ readyAgents: 2, talkElapsedSec: busy(18) });
    const few = decidePacing(base, estimates(), policy(), 0).dialNow;
    const many = decidePacing({ ...base, dialAgesSec: [1, 1, 2, 2, 3, 3, 5, 5] }, estimates(), policy(), 0).dialNow;
    expect(many).toBeLessThan(few);
  });

  it('dials fewer as the answer rate rises, and more as the accepted risk rises', () => {
    const s = state({ readyAgents: 2, talkElapsedSec: busy(18) });
    expect(decidePacing(s, estimates({ pAnswer: 0.5 }), policy(), 0).dialNow).toBeLessThan(decidePacing(s, estimates({ pAnswer: 0.15 }), policy(), 0).dialNow);
    expect(decidePacing(s, estimates({ riskThreshold: 0.1 }), policy(), 0).dialNow).toBeGreaterThan(decidePacing(s, estimates({ riskThreshold: 0.005 }), policy(), 0).dialNow);
  });

  it('does not dial when answered calls are already waiting and nobody will be free', () => {
    const s = state({ talkElapsedSec: [1, 2], waitingAgesSec: [0.5, 1] });
    expect(decidePacing(s, estimates({ talk: 600 }), policy(), 0).dialNow).toBe(0);
  });

  it('counts an agent in wrap-up as free only once the timer can have run out', () => {
    const p = deficitProfile(state({ wrapElapsedSec: [9] }), estimates());
    expect(p.mean[0]).toBe(1);
    const early = deficitProfile(state({ wrapElapsedSec: [0] }), estimates());
    expect(early.mean[0]).toBe(0);
    expect(early.mean[15]).toBe(1);
  });
});

describe('risk model', () => {
  it('sees almost no risk with idle agents and nothing ringing, and near certainty with calls waiting and nobody coming', () => {
    expect(riskOfOneMore(deficitProfile(state({ readyAgents: 5 }), estimates()), 0)).toBeLessThan(1e-3);
    const hopeless = deficitProfile(state({ talkElapsedSec: [1], waitingAgesSec: [0, 0, 0] }), estimates({ talk: 1e6 }));
    expect(riskOfOneMore(hopeless, 0)).toBeGreaterThan(0.99);
  });

  it('grows with the number of other dials placed at the same time', () => {
    const p = deficitProfile(state({ readyAgents: 3, talkElapsedSec: busy(20) }), estimates());
    let last = -1;
    for (let k = 0; k < 40; k++) {
      const r = riskOfOneMore(p, k);
      expect(r).toBeGreaterThanOrEqual(last - 1e-12);
      last = r;
    }
  });

  it('finds the same number of dials as a linear scan', () => {
    fc.assert(
      fc.property(fc.nat(10), fc.nat(30), fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 40 }), fc.double({ min: 0.001, max: 0.3, noNaN: true }), fc.integer({ min: 0, max: 60 }), (ready, talking, dials, theta, maxDials) => {
        const p = deficitProfile(state({ readyAgents: ready, talkElapsedSec: busy(talking), dialAgesSec: dials }), estimates());
        let linear = 0;
        while (linear < maxDials && riskOfOneMore(p, linear) <= theta) linear++;
        expect(dialsWithinRisk(p, theta, maxDials)).toBe(linear);
      }),
      { numRuns: 200 },
    );
  });
});

describe('pacing invariants', () => {
  const anyState = fc.record({
    readyAgents: fc.nat(50),
    talkElapsedSec: fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { maxLength: 60 }),
    wrapElapsedSec: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { maxLength: 20 }),
    dialAgesSec: fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 150 }),
    waitingAgesSec: fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { maxLength: 10 }),
  });
  const mode = fc.constantFrom('preview', 'progressive', 'power', 'predictive' as const);

  it('never returns a negative or fractional count, nor more lines than the ceiling allows', () => {
    fc.assert(
      fc.property(anyState, mode, fc.double({ min: 0.5, max: 6, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (s, m, ceiling, pA) => {
        const d = decidePacing(s, estimates({ pAnswer: pA }), policy({ mode: m, maxLinesPerAgent: ceiling, powerLinesPerAgent: 3 }), 0);
        const agents = s.readyAgents + s.talkElapsedSec.length + s.wrapElapsedSec.length;
        expect(Number.isInteger(d.dialNow)).toBe(true);
        expect(d.dialNow).toBeGreaterThanOrEqual(0);
        if (d.dialNow > 0) expect(s.dialAgesSec.length + d.dialNow).toBeLessThanOrEqual(Math.floor(ceiling * agents));
      }),
      { numRuns: 300 },
    );
  });
});

describe('CampaignLearner', () => {
  it('learns answer rate, answer timing and handle times from events and gains confidence', () => {
    const learner = new CampaignLearner(defaultPacingPolicy);
    const s = state({ readyAgents: 3, talkElapsedSec: [30] });
    expect(learner.estimates(s, 0).confidence).toBe(0);
    for (let i = 0; i < 400; i++) {
      learner.dialResolved(i % 5 === 0 ? 'answered' : i % 5 === 1 ? 'busy' : 'noAnswer', i % 5 === 0 ? 6 + (i % 7) : i % 5 === 1 ? 2.5 : 24);
      if (i % 5 === 0) {
        learner.liveAnswerSettled('connected', i);
        learner.talkEnded(60);
        learner.wrapEnded(10);
      }
    }
    const e = learner.estimates(s, 500);
    expect(e.confidence).toBe(1);
    expect(e.pAnswer).toBeGreaterThan(0.18);
    expect(e.pAnswer).toBeLessThan(0.22);
    expect(e.steps).toBeGreaterThanOrEqual(13);
    // An agent 55 s into a 60 s call (plus 10 s wrap-up) is free within 16 s + grace.
    expect(e.talkFreeRow(55)[15]).toBeGreaterThan(0.5);
    expect(e.window).toEqual({ liveAnswers: 80, abandoned: 0 });
  });

  it('counts AMD false positives as abandoned and tightens the accepted risk after abandons', () => {
    const learner = new CampaignLearner(defaultPacingPolicy);
    const s = state({ readyAgents: 1 });
    for (let i = 0; i < 200; i++) learner.liveAnswerSettled('connected', i);
    const before = learner.estimates(s, 200).riskThreshold;
    for (let i = 0; i < 5; i++) learner.liveAnswerSettled(i % 2 ? 'abandoned' : 'amdFalsePositive', 201 + i);
    const after = learner.estimates(s, 210);
    expect(after.window).toEqual({ liveAnswers: 205, abandoned: 5 });
    expect(after.riskThreshold).toBeLessThan(before);
  });
});
