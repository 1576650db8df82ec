// npm run bench:dialer [-- --scenarios FILE] [--out FILE] [--seeds N] [--only ID[,ID]] [--jobs N]
//                       [--policy JSON] [--no-record]
// Runs the real pacing module (server/src/core/dialer) against every scenario of the file, plus a 1:1
// progressive policy in the same simulator, and reports occupancy, abandon and throughput per scenario.
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printTable, writeResults } from '../lib/report.ts';
import type { Job, JobResult, PolicyOverrides } from './job.ts';
import { runAll } from './pool.ts';
import { loadScenarios } from './scenarios.ts';
import { summarise, type ScenarioFigures } from './summary.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    scenarios: { type: 'string', default: resolve(repoRoot, '..', 'shared', 'bench', 'dialer-scenarios.json') },
    out: { type: 'string' },
    seeds: { type: 'string' },
    only: { type: 'string' },
    jobs: { type: 'string', default: String(Math.max(1, Math.min(2, cpus().length))) },
    policy: { type: 'string', default: '{}' },
    'no-record': { type: 'boolean', default: false },
  },
});

const scenariosPath = resolve(values.scenarios);
const file = loadScenarios(scenariosPath);
const only = values.only ? new Set(values.only.split(',')) : undefined;
const picked = file.scenarios.map((s, i) => ({ s, i })).filter(({ s }) => !only || only.has(s.id));
if (picked.length === 0) throw new Error(`no scenario matches --only ${values.only}`);

const seedsOf = (seeds: number | undefined) => Number(values.seeds ?? seeds ?? file.seeds ?? 8);
const jobs: Job[] = [];
for (const { s, i } of picked) {
  for (let k = 0; k < seedsOf(s.seeds); k++) {
    jobs.push({ scenarioIndex: i, seed: 1000 + k, mode: 'predictive' });
    jobs.push({ scenarioIndex: i, seed: 1000 + k, mode: 'progressive' });
  }
}
// Big teams with low answer rates take longest; start them first.
const weight = (j: Job) => {
  const s = file.scenarios[j.scenarioIndex]!;
  const n = typeof s.agents === 'number' ? s.agents : Math.max(...s.agents.map((x) => x.value));
  return (j.mode === 'predictive' ? 10 : 1) * n;
};
jobs.sort((a, b) => weight(b) - weight(a));

const started = performance.now();
let done = 0;
const overrides = JSON.parse(values.policy) as PolicyOverrides;
const results: JobResult[] = await runAll(jobs, { scenariosPath, file, threads: Number(values.jobs), overrides }, () => {
  done++;
  if (process.stderr.isTTY) process.stderr.write(`\r${done}/${jobs.length} shifts`);
});
const elapsedSec = (performance.now() - started) / 1000;
if (process.stderr.isTTY) process.stderr.write('\n');

const figures: ScenarioFigures[] = picked.map(({ s, i }) => summarise(s, results.filter((r) => r.scenarioIndex === i)));
printTable(
  figures.map((f) => ({
    scenario: f.id,
    agents: f.agentsLabel,
    'occ %': f.occupancyPct,
    'prog %': f.progressiveOccupancyPct,
    'oracle %': f.oracleOccupancyPct ?? '-',
    'gain %': f.gainCapturedPct ?? '-',
    'aband %': f.abandonPct,
    'worst shift %': f.worstShiftAbandonPct,
    'worst hour %': f.worstHourAbandonPct,
    'talk min/agent-h': f.talkMinPerAgentHour,
    'connects/agent-h': f.connectsPerAgentHour,
    seeds: f.seeds,
  })),
);

const withOracle = figures.filter((f) => f.gainCapturedPct !== undefined);
const abandonOk = figures.filter((f) => f.meetsAbandonGoal).length;
const gainOk = withOracle.filter((f) => f.meetsGainGoal).length;
const minGain = Math.min(...withOracle.map((f) => f.gainCapturedPct!));
const worstAbandon = Math.max(...figures.map((f) => f.worstShiftAbandonPct));
const summary = {
  scenarios: figures.length,
  meetingAbandonGoal: abandonOk,
  withOracle: withOracle.length,
  meetingGainGoal: gainOk,
  worstShiftAbandonPct: worstAbandon,
  lowestGainCapturedPct: withOracle.length ? minGain : null,
  runtimeSec: Math.round(elapsedSec),
  jobs: Number(values.jobs),
};
console.log(`\n${JSON.stringify(summary)}`);
const line =
  `${figures.length} scenarios: abandon ≤ 3.0 % every seed in ${abandonOk}/${figures.length} (worst shift ${worstAbandon.toFixed(2)} %); ` +
  `gain goal (≥95 % N≥20, ≥85 % N≤10) in ${gainOk}/${withOracle.length} (lowest ${withOracle.length ? minGain.toFixed(1) : '-'} %); ` +
  `${Math.round(elapsedSec)} s on ${values.jobs} threads`;
// --no-record: tuning runs print their table but leave bench/results and RESULTS.md alone.
if (!values['no-record']) writeResults('dialer', { scenarios: figures.map(({ agentsLabel: _a, ...f }) => f), summary }, line, values.out);
