// npm run bench:acd — how long the ACD takes to pick an agent with 1,000 agents and 100 queues.
// Target: selection p99 ≤ 1 ms. Also measured: a full routing pass over every waiting caller (what the
// telephony role runs on each change), and one incremental index update (an agent changing state).
// Each sample is timed alone with process.hrtime.bigint after a warm-up, so the JIT has settled.
import { percentile, printTable, writeResults } from '../lib/report.ts';
import { createIndex, putAgent, type AcdIndex } from '../../server/src/core/acd/agent-index.ts';
import { route } from '../../server/src/core/acd/route.ts';
import { selectAgent } from '../../server/src/core/acd/select-agent.ts';
import { buildFloor, type Floor } from './scenario.ts';

const AGENTS = 1_000;
const QUEUES = 100;
const CALLERS = 300;
const TARGET_P99_MS = 1;

interface Stats {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

let sink = 0; // consumed results, so the optimiser cannot drop the work being timed

function time(samples: number, warmup: number, fn: (i: number) => number): Stats {
  for (let i = 0; i < warmup; i++) sink += fn(i);
  const out = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    sink += fn(i);
    out[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const sorted = Array.from(out).sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]!, samples };
}

function selection(floor: Floor, index: AcdIndex): Stats {
  const taken = new Set<string>();
  return time(200_000, 20_000, (i) => selectAgent(index, floor.callers[i % floor.callers.length]!, floor.now, { taken, cursor: undefined }).length);
}

function routingPass(floor: Floor, index: AcdIndex): Stats & { offers: number } {
  const stats = time(3_000, 300, () => route({ index, callers: floor.callers }, floor.now).decisions.length);
  const offers = route({ index, callers: floor.callers }, floor.now).decisions.filter((d) => d.kind === 'offer').length;
  return { ...stats, offers };
}

/** An agent flips between ready and busy: the per-transition cost of keeping the index current. */
function indexUpdate(floor: Floor, index: AcdIndex): Stats {
  return time(100_000, 10_000, (i) => {
    const a = floor.agents[i % floor.agents.length]!;
    putAgent(index, { ...a, available: i % 2 === 0 });
    return index.readyCount;
  });
}

const typical = buildFloor({ agents: AGENTS, queues: QUEUES, callers: CALLERS, readyShare: 0.3, seed: 42 });
const typicalIndex = createIndex(typical.queues, typical.agents);
const everyoneReady = buildFloor({ agents: AGENTS, queues: QUEUES, callers: CALLERS, readyShare: 1, seed: 7 });
const everyoneIndex = createIndex(everyoneReady.queues, everyoneReady.agents);

const select = selection(typical, typicalIndex);
const selectAllReady = selection(everyoneReady, everyoneIndex);
const pass = routingPass(typical, typicalIndex);
const passAllReady = routingPass(everyoneReady, everyoneIndex);
const update = indexUpdate(typical, createIndex(typical.queues, typical.agents));

const row = (scenario: string, op: string, s: Stats) => ({ scenario, op, samples: s.samples, p50Ms: s.p50, p99Ms: s.p99, maxMs: s.max });
const fmt = (ms: number) => (ms < 0.01 ? ms.toFixed(4) : ms.toFixed(3));
printTable(
  [
    row('30% ready', 'selectAgent (one caller)', select),
    row('all ready', 'selectAgent (one caller)', selectAllReady),
    row(`30% ready, ${CALLERS} callers`, 'route (full pass)', pass),
    row(`all ready, ${CALLERS} callers`, 'route (full pass)', passAllReady),
    row('30% ready', 'putAgent (index update)', update),
  ].map((r) => ({ ...r, p50Ms: fmt(r.p50Ms), p99Ms: fmt(r.p99Ms), maxMs: fmt(r.maxMs) })),
);
console.log(`\nagents ${AGENTS}, queues ${QUEUES}, callers ${CALLERS}, ready agents ${typicalIndex.readyCount}; offers per pass ${pass.offers} (30% ready) / ${passAllReady.offers} (all ready)  [sink ${sink % 10}]`);

const round = (ms: number) => Number(ms.toFixed(5));
writeResults(
  'acd',
  {
    agents: AGENTS,
    queues: QUEUES,
    waitingCallers: CALLERS,
    readyAgents: typicalIndex.readyCount,
    selectP50Ms: round(select.p50),
    selectP99Ms: round(select.p99),
    selectMaxMs: round(select.max),
    selectAllReadyP50Ms: round(selectAllReady.p50),
    selectAllReadyP99Ms: round(selectAllReady.p99),
    routePassP50Ms: round(pass.p50),
    routePassP99Ms: round(pass.p99),
    routePassAllReadyP99Ms: round(passAllReady.p99),
    offersPerPass: pass.offers,
    indexUpdateP50Ms: round(update.p50),
    indexUpdateP99Ms: round(update.p99),
    targetSelectP99Ms: TARGET_P99_MS,
    meetsTarget: select.p99 <= TARGET_P99_MS && selectAllReady.p99 <= TARGET_P99_MS,
  },
  `select p50 ${fmt(select.p50)} ms, p99 ${fmt(select.p99)} ms (all agents ready: p99 ${fmt(selectAllReady.p99)} ms; target p99 ≤ ${TARGET_P99_MS} ms); ` +
    `full routing pass over ${CALLERS} callers p50 ${fmt(pass.p50)} ms, p99 ${fmt(pass.p99)} ms; index update p99 ${fmt(update.p99)} ms; ${AGENTS} agents, ${QUEUES} queues`,
);
