import { describe, expect, it } from 'vitest';
import { defaultControlTuning, initialControl, riskThreshold, updateControl } from './controller.ts';
import { emptyAbandonWindow, recordLiveAnswer, windowCounts } from './rolling-window.ts';

describe('rolling abandon window', () => {
  it('counts live answers and abandons inside the window', () => {
    const w = emptyAbandonWindow(24 * 3600);
    recordLiveAnswer(w, 100, false);
    recordLiveAnswer(w, 200, true);
    expect(windowCounts(w, 300)).toEqual({ liveAnswers: 2, abandoned: 1 });
  });

  it('forgets answers older than the window', () => {
    const w = emptyAbandonWindow(3600);
    recordLiveAnswer(w, 0, true);
    recordLiveAnswer(w, 3000, false);
    expect(windowCounts(w, 3500)).toEqual({ liveAnswers: 2, abandoned: 1 });
    expect(windowCounts(w, 3600 + 3000 - 1)).toEqual({ liveAnswers: 1, abandoned: 0 });
  });

  it('keeps memory bounded for a 30-day window', () => {
    const w = emptyAbandonWindow(30 * 24 * 3600);
    for (let t = 0; t < 60 * 24 * 3600; t += 60) recordLiveAnswer(w, t, t % 3600 === 0);
    expect(w.buckets.length).toBeLessThanOrEqual(289);
    const c = windowCounts(w, 60 * 24 * 3600);
    expect(c.liveAnswers).toBeGreaterThan(29 * 24 * 60);
    expect(c.abandoned / c.liveAnswers).toBeCloseTo(1 / 60, 3);
  });
});

describe('abandon-rate controller', () => {
  const target = 0.03;

  it('accepts more risk as unspent budget accumulates and less after abandons', () => {
    const s = initialControl(target);
    const quiet = riskThreshold(s, target, 4, { liveAnswers: 1000, abandoned: 10 });
    const balanced = riskThreshold(s, target, 4, { liveAnswers: 1000, abandoned: 26 });
    const over = riskThreshold(s, target, 4, { liveAnswers: 1000, abandoned: 40 });
    expect(quiet).toBeGreaterThan(balanced);
    expect(balanced).toBeGreaterThan(over);
    expect(balanced).toBeCloseTo(target * defaultControlTuning.initialRatio, 5);
  });

  it('is cautious at the start of a window, before any budget is earned', () => {
    expect(riskThreshold(initialControl(target), target, 4, { liveAnswers: 0, abandoned: 0 })).toBeLessThan(target);
  });

  it('stays within its bounds however far the budget is from the reserve', () => {
    const s = initialControl(target);
    expect(riskThreshold(s, target, 4, { liveAnswers: 1e6, abandoned: 0 })).toBeLessThanOrEqual(defaultControlTuning.maxTheta);
    expect(riskThreshold(s, target, 4, { liveAnswers: 10, abandoned: 1000 })).toBeGreaterThanOrEqual(defaultControlTuning.minTheta);
  });

  it('drifts its reference up while the budget stays unspent and down while it is overspent', () => {
    const up = initialControl(target);
    const down = initialControl(target);
    for (let i = 0; i < 100; i++) {
      updateControl(up, target, 4, { liveAnswers: 1000, abandoned: 10 });
      updateControl(down, target, 4, { liveAnswers: 1000, abandoned: 40 });
    }
    expect(up.logThetaRef).toBeGreaterThan(Math.log(target));
    expect(down.logThetaRef).toBeLessThan(Math.log(target));
  });
});
