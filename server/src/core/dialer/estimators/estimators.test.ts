import { describe, expect, it } from 'vitest';
import { emptyAnswerRate, estimateAnswerRate, observeDial } from './answer-rate.ts';
import { answerTimeCdf, answerWithin, emptyAnswerTime, observeResolution } from './answer-time.ts';
import { emptyDuration, endsWithin, observeDuration, survivalAt, survivalOf } from './duration-distribution.ts';

/** Deterministic uniform stream for reproducible samples. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}

describe('answer-rate estimator', () => {
  it('starts at the prior and shrinks toward it while dials are few', () => {
    const s = emptyAnswerRate();
    expect(estimateAnswerRate(s)).toBeCloseTo(0.25);
    observeDial(s, true);
    const p = estimateAnswerRate(s);
    expect(p).toBeGreaterThan(0.25);
    expect(p).toBeLessThan(0.35);
  });

  it('converges on the observed rate', () => {
    const s = emptyAnswerRate();
    const rnd = lcg(1);
    for (let i = 0; i < 5000; i++) observeDial(s, rnd() < 0.15);
    expect(estimateAnswerRate(s)).toBeCloseTo(0.15, 1);
  });

  it('follows a jump in the answer rate within a few hundred dials', () => {
    const s = emptyAnswerRate();
    const rnd = lcg(2);
    for (let i = 0; i < 4000; i++) observeDial(s, rnd() < 0.15);
    for (let i = 0; i < 400; i++) observeDial(s, rnd() < 0.35);
    expect(estimateAnswerRate(s)).toBeGreaterThan(0.28);
  });
});

describe('answer-time estimator', () => {
  it('gives a dial that has rung past every observed answer no chance of being answered', () => {
    const s = emptyAnswerTime();
    for (let i = 0; i < 500; i++) observeResolution(s, true, 3 + (i % 10));
    for (let i = 0; i < 1500; i++) observeResolution(s, false, 24);
    const cdf = answerTimeCdf(s);
    expect(answerWithin(cdf, 0.25, 0, 30)).toBeCloseTo(0.25, 1);
    expect(answerWithin(cdf, 0.25, 14, 5)).toBeLessThan(0.01);
  });

  it('raises the chance for a dial still ringing mid-way, because the quick failures are gone', () => {
    const s = emptyAnswerTime();
    for (let i = 0; i < 500; i++) observeResolution(s, true, 4 + (i % 12));
    for (let i = 0; i < 200; i++) observeResolution(s, false, 2.5); // busy
    for (let i = 0; i < 1300; i++) observeResolution(s, false, 24); // no answer
    const cdf = answerTimeCdf(s);
    expect(answerWithin(cdf, 0.25, 3, 30)).toBeGreaterThan(answerWithin(cdf, 0.25, 0, 30));
    expect(cdf.horizonSec).toBeGreaterThanOrEqual(15);
    // The weak prior keeps a sliver of mass up to 20 s until data outweighs it.
    expect(cdf.horizonSec).toBeLessThanOrEqual(20);
  });
});

describe('handle-time distribution', () => {
  it('recovers an exponential mean and its memoryless remaining time', () => {
    const s = emptyDuration(2, 3600);
    const rnd = lcg(3);
    for (let i = 0; i < 20000; i++) observeDuration(s, -60 * Math.log(rnd()));
    const surv = survivalOf(s, [], 120);
    expect(surv.meanSec).toBeCloseTo(60, -1);
    expect(survivalAt(surv, 60)).toBeCloseTo(Math.exp(-1), 1);
    expect(endsWithin(surv, 0, 10)).toBeCloseTo(endsWithin(surv, 120, 10), 1);
  });

  it('corrects for calls still in progress instead of believing only the short ones that finished', () => {
    const s = emptyDuration(2, 3600);
    // Early in a shift: the ten calls that ended were short; twenty long ones are still running at 200 s.
    for (let i = 0; i < 10; i++) observeDuration(s, 20 + i);
    const naive = survivalOf(s, [], 120);
    const censored = survivalOf(s, new Array<number>(20).fill(200), 120);
    expect(survivalAt(censored, 100)).toBeGreaterThan(0.5);
    expect(survivalAt(naive, 100)).toBeLessThan(0.2);
    expect(censored.meanSec).toBeGreaterThan(naive.meanSec * 5);
  });

  it('knows a lognormal call that has run long is likely to run longer', () => {
    const s = emptyDuration(2, 3600);
    const rnd = lcg(4);
    const sigma = Math.sqrt(Math.log(2));
    for (let i = 0; i < 20000; i++) {
      const z = Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
      observeDuration(s, Math.exp(Math.log(120) - sigma ** 2 / 2 + sigma * z));
    }
    const surv = survivalOf(s, [], 120);
    // Decreasing hazard: a fresh call is more likely to end in the next 30 s than one at 400 s.
    expect(endsWithin(surv, 60, 30)).toBeGreaterThan(endsWithin(surv, 400, 30));
  });

  it('follows the prior until a call completes and always returns probabilities', () => {
    const surv = survivalOf(emptyDuration(1, 900), [], 15);
    expect(surv.meanSec).toBe(15);
    for (const [e, w] of [[0, 0], [0, 5], [100, 1000], [5000, 10]] as const) {
      const q = endsWithin(surv, e, w);
      expect(q).toBeGreaterThanOrEqual(0);
      expect(q).toBeLessThanOrEqual(1);
    }
  });

  it('treats a fixed wrap-up timer as fixed', () => {
    const s = emptyDuration(1, 900);
    for (let i = 0; i < 500; i++) observeDuration(s, 10);
    const surv = survivalOf(s, [], 15);
    expect(endsWithin(surv, 4, 3)).toBeLessThan(0.05);
    expect(endsWithin(surv, 8, 3)).toBeGreaterThan(0.95);
  });
});
