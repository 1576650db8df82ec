// The scenario file format of ../shared/bench/dialer-scenarios.json: a shared call-outcome model and a
// list of scenarios that may override talk time, answer rate and team size (as schedules over the shift).
import { readFileSync } from 'node:fs';

export type Schedule = number | { fromHour: number; value: number }[];
export type TalkDist = { dist: 'exponential'; mean: number } | { dist: 'lognormal'; mean: number; cv: number };

export interface CallModel {
  hours: number;
  postDialDelay: { min: number; max: number };
  ringAnswered: { mean: number; sd: number };
  pBusy: number;
  busyAfter: number;
  noAnswerTimeout: number;
  wrapUp: number;
  grace: number;
  abandonTarget: number;
}

export interface Scenario {
  id: string;
  stress?: boolean;
  agents: Schedule;
  pAnswer: Schedule;
  talk: TalkDist;
  seeds?: number;
  reference?: { progressive?: { occupancyPct: number }; oracle?: { occupancyPct: number; abandonPct: number } };
}

export interface ScenarioFile {
  model: CallModel;
  scenarios: Scenario[];
  seeds?: number;
}

export function loadScenarios(path: string): ScenarioFile {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<ScenarioFile> & { model: Partial<CallModel> & Record<string, unknown> };
  if (!raw.model || !Array.isArray(raw.scenarios)) throw new Error(`${path}: expected { model, scenarios: [...] }`);
  const m = raw.model;
  const pdd = m.postDialDelay as { min?: number; max?: number } | undefined;
  const ring = m.ringAnswered as { mean?: number; sd?: number } | undefined;
  const model: CallModel = {
    hours: m.hours ?? 8,
    postDialDelay: { min: pdd?.min ?? 1, max: pdd?.max ?? 3 },
    ringAnswered: { mean: ring?.mean ?? 8, sd: ring?.sd ?? 5 },
    pBusy: m.pBusy ?? 0.05,
    busyAfter: m.busyAfter ?? 0.5,
    noAnswerTimeout: m.noAnswerTimeout ?? 22,
    wrapUp: m.wrapUp ?? 10,
    grace: m.grace ?? 2,
    abandonTarget: m.abandonTarget ?? 0.03,
  };
  return { model, scenarios: raw.scenarios, ...(raw.seeds !== undefined ? { seeds: raw.seeds } : {}) };
}

/** Value of a schedule at `hour`. */
export function valueAt(s: Schedule, hour: number): number {
  if (typeof s === 'number') return s;
  let v = s[0]?.value ?? 0;
  for (const step of s) if (step.fromHour <= hour) v = step.value;
  return v;
}

/** Hours at which a schedule changes after the start. */
export function changeHours(s: Schedule): number[] {
  return typeof s === 'number' ? [] : s.filter((x) => x.fromHour > 0).map((x) => x.fromHour);
}

export function maxValue(s: Schedule): number {
  return typeof s === 'number' ? s : Math.max(...s.map((x) => x.value));
}
