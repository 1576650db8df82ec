import { describe, expect, it } from 'vitest';
import { agentsNeeded, asaSecFor, erlangB, erlangC, serviceLevelFor } from './erlang-c.ts';

describe('Erlang C', () => {
  it('matches the hand-computed N = 2, A = 1 case', () => {
    // B(1) = 1/(1+1) = 1/2; B(2) = (1·1/2)/(2 + 1/2) = 1/5; C = 2·(1/5) / (2 − 1·(4/5)) = 1/3.
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    // AHT 180 s, target 20 s: SL = 1 − (1/3)·e^(−1·20/180); ASA = (1/3)·180/1 = 60 s.
    expect(serviceLevelFor(2, 1, 180, 20)).toBeCloseTo(1 - Math.exp(-20 / 180) / 3, 12);
    expect(asaSecFor(2, 1, 180)).toBeCloseTo(60, 12);
  });

  it('N = 1 is M/M/1: P(wait) = utilisation', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(asaSecFor(1, 0.5, 100)).toBeCloseTo(100, 12); // 0.5·100/(1−0.5)
  });

  it('too few agents: everyone waits, service level 0', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(serviceLevelFor(3, 4, 180, 20)).toBe(0);
    expect(asaSecFor(2, 2, 180)).toBe(Infinity);
  });

  it('staffs the textbook case: 360 calls/h, AHT 240 s (24 erlangs), 80/20', () => {
    const e = agentsNeeded({ callsPerHour: 360, ahtSec: 240, targetServiceLevel: 0.8, targetSec: 20 });
    expect(e.erlangs).toBe(24);
    // Fewest N with SL ≥ 0.8: 29 agents give ≈ 0.83, 28 give ≈ 0.74.
    expect(e.agents).toBe(29);
    expect(serviceLevelFor(28, 24, 240, 20)).toBeLessThan(0.8);
    expect(e.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(e.occupancy).toBeCloseTo(24 / 29, 12);
  });

  it('respects an occupancy cap and handles no traffic', () => {
    expect(agentsNeeded({ callsPerHour: 360, ahtSec: 240, targetServiceLevel: 0.5, targetSec: 20, maxOccupancy: 0.8 }).agents).toBe(30);
    expect(agentsNeeded({ callsPerHour: 0, ahtSec: 240, targetServiceLevel: 0.8, targetSec: 20 })).toMatchObject({ agents: 0, erlangs: 0 });
    expect(agentsNeeded({ callsPerHour: 10, ahtSec: 0, targetServiceLevel: 0.8, targetSec: 20 }).agents).toBe(0);
  });
});
