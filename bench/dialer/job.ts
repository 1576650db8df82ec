// One simulated shift: a scenario, a seed and a pacing mode. Shared by the CLI and its worker threads.
import { defaultPacingPolicy, type PacingPolicy } from '../../server/src/core/dialer/policy.ts';
import { PacerDriver } from './pacer-driver.ts';
import type { CallModel, Scenario } from './scenarios.ts';
import { simulateShift, type RunResult } from './simulator.ts';

export interface Job {
  readonly scenarioIndex: number;
  readonly seed: number;
  readonly mode: 'predictive' | 'progressive';
}

export interface JobResult extends Job {
  readonly result: RunResult;
  readonly ms: number;
}

/** Overrides of the default policy, e.g. `{"reserveAbandons": 3, "control": {"gain": 0.2}}`. */
export type PolicyOverrides = Partial<Omit<PacingPolicy, 'control'>> & { control?: Partial<PacingPolicy['control']> };

export function policyFor(model: CallModel, mode: Job['mode'], overrides: PolicyOverrides = {}): PacingPolicy {
  // The shift is shorter than the UK-style 24 h window, so the window's rate is the whole shift's.
  const { control, ...rest } = overrides;
  return {
    ...defaultPacingPolicy,
    ...rest,
    control: { ...defaultPacingPolicy.control, ...control },
    mode,
    abandonTarget: model.abandonTarget,
    graceSec: model.grace,
  };
}

export function runJob(model: CallModel, scenarios: readonly Scenario[], job: Job, overrides?: PolicyOverrides): JobResult {
  const started = performance.now();
  const sc = scenarios[job.scenarioIndex]!;
  const result = simulateShift(model, sc, new PacerDriver(policyFor(model, job.mode, overrides)), job.seed);
  return { ...job, result, ms: performance.now() - started };
}
