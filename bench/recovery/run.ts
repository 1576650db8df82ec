// npm run bench:recovery — a server SIGKILLed with 50 calls in mixed states (30 waiting, 20 talking), on
// the real stack inside the test network namespace (tests/support/netns/crash-world.ts: e2e Asterisk,
// fake carrier placing the callers through the trunk, private Redis, real PostgreSQL, the server as its own
// process). Figures:
//   readoptedPct   calls the new process took over (held and still there, none closed) / 50   target 100
//   readoptMs      from the new process's spawn to its reconciliation with the PBX done   target ≤ 5,000
//   liveOrphans    rows still `live` after every caller hung up and the server settled      target 0
//   eventsPerSecPerCore  ARI events through parse → map → dispatcher, per CPU-second (dispatch.ts) target ≥ 5,000
// The spawn includes booting node + tsx and the app (migrations check, plugins), as a supervisor's restart would.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { insideNamespace } from '../../tests/support/netns/env.ts';
import { crashWorld } from '../../tests/support/netns/crash-world.ts';
import { printTable, writeResults } from '../lib/report.ts';
import { measureDispatch } from './dispatch.ts';
import { benchSetupServer } from './setup-server.ts';

const TALKING = 20;
const WAITING = 30;
const REPO = resolve(import.meta.dirname, '../..');

function reexecInNamespace(): number {
  const tsx = resolve(REPO, 'node_modules/.bin/tsx');
  const prep = spawnSync(tsx, ['server/src/cli/prepare.ts', '--for-tests'], { cwd: REPO, stdio: 'inherit' });
  if (prep.status !== 0) return prep.status ?? 1;
  const run = spawnSync(tsx, ['tests/support/netns/run.ts', tsx, 'bench/recovery/run.ts'], {
    cwd: REPO,
    stdio: 'inherit',
  });
  return run.status ?? 1;
}

async function until(probe: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Report {
  time: number;
  msg: string;
  report?: { calls: number; actions: Record<string, number>; closedRows: number };
}

function reconcileReport(logFile: string, after: number): Report | undefined {
  const lines = readFileSync(logFile, 'utf8').split('\n');
  for (const line of lines) {
    if (!line.includes('calls reconciled with the PBX')) continue;
    const r = JSON.parse(line) as Report;
    if (r.time >= after) return r;
  }
  return undefined;
}

async function main(): Promise<void> {
  const dispatch = measureDispatch(20_000);
  const w = await crashWorld({ agents: TALKING, callers: TALKING + WAITING, setupServer: benchSetupServer });
  try {
    await w.signInAgents();
    for (let i = 0; i < TALKING; i++) await w.placeCall(i);
    await until(async () => (await w.talkBridges()).length === TALKING, 60_000, `${TALKING} talks`);
    for (let i = TALKING; i < TALKING + WAITING; i++) {
      await w.placeCall(i);
      await until(async () => (await w.rows()).length === i + 1, 10_000, `caller ${i}`);
    }
    const talks = (await w.talkBridges()).map((b) => b.callId).sort();

    const { restartedAt } = await w.crashAndRestart();
    let report: Report | undefined;
    await until(
      async () => (report = reconcileReport(w.logFile, restartedAt)) !== undefined,
      30_000,
      'the reconciliation',
    );
    const r = report!.report!;
    const stillTalking = (await w.talkBridges()).map((b) => b.callId).sort();
    // Held by the new process and still there (a vanished leg would be a call lost), plus callers it found
    // in the app without state; the talks must also still be the same bridges.
    const sameTalks = stillTalking.length === talks.length && stillTalking.every((c, i) => c === talks[i]);
    const readopted =
      Math.min(TALKING + WAITING, r.calls - (r.actions.legGone ?? 0) + (r.actions.adoptInbound ?? 0)) -
      (sameTalks ? 0 : talks.length - stillTalking.length);
    const readoptedPct = Math.round((1000 * readopted) / (TALKING + WAITING)) / 10;
    const readoptMs = report!.time - restartedAt;

    await w.hangupEverything();
    await until(
      async () => (await w.rows()).every((x) => x.outcome !== 'live'),
      20_000,
      'rows to settle',
    ).catch(() => undefined);
    const liveOrphans = (await w.rows()).filter((x) => x.outcome === 'live').length;

    const figures = {
      readoptedPct,
      readoptMs,
      liveOrphans,
      eventsPerSecPerCore: dispatch.eventsPerSecPerCore,
      calls: TALKING + WAITING,
      talking: TALKING,
      waiting: WAITING,
      dispatchEvents: dispatch.events,
    };
    printTable([figures]);
    writeResults(
      'recovery',
      figures,
      `SIGKILL with ${TALKING} talking + ${WAITING} waiting: readopted ${readoptedPct} % (target 100) in ${readoptMs} ms from spawn (target ≤ 5000), live orphans ${liveOrphans} (target 0); dispatcher ${dispatch.eventsPerSecPerCore} ARI events/s per core (target ≥ 5000)`,
    );
  } finally {
    await w.close();
  }
}

if (!insideNamespace()) process.exit(reexecInNamespace());
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
