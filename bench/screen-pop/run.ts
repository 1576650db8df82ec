// npm run bench:screen-pop — time from the offer (the server's 'call:offer', right before it originates to
// the agent's WebRTC endpoint) to the customer 360 painted in the agent's console, and the margin by which
// the pop beats the softphone's ringing. Real stack inside the test network namespace: e2e Asterisk,
// server (all roles), Chromium agent pages (several per process on 2 cores) answering and hanging up by
// themselves. ≥ 200 calls, at most 50 in flight at once (the rest wait in the queue with music).
// Targets: pop before ring in ≥ 99 % of offers, offer→pop p95 ≤ 150 ms.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { insideNamespace } from '../../tests/support/netns/env.ts';
import { ariClient } from '../../tests/support/netns/ari.ts';
import { launchParty } from '../../tests/support/netns/browser.ts';
import { goReady, openWorkbench, signInConsole } from '../../tests/support/netns/console.ts';
import { configureInbound } from '../../tests/support/netns/inbound-setup.ts';
import { printTable, writeResults } from '../lib/report.ts';
import { installResponder } from './responder.ts';
import { startBenchStack, type BenchStack } from './stack.ts';
import { summarise, type PageTimings } from './summary.ts';

const CALLS = Number(process.env.BENCH_SCREENPOP_CALLS ?? '200');
const MAX_IN_FLIGHT = Number(process.env.BENCH_SCREENPOP_CONCURRENCY ?? '12');
const AGENTS = Number(process.env.BENCH_SCREENPOP_AGENTS ?? '4');
const BROWSERS = 2;
const KNOWN_CUSTOMERS = 40;
const REPO = resolve(import.meta.dirname, '../..');

/** Outside the namespace: prepare the machine, then run this same file through the netns harness. */
function reexecInNamespace(): number {
  const tsx = resolve(REPO, 'node_modules/.bin/tsx');
  const prep = spawnSync(tsx, ['server/src/cli/prepare.ts', '--for-tests'], { cwd: REPO, stdio: 'inherit' });
  if (prep.status !== 0) return prep.status ?? 1;
  const run = spawnSync(tsx, ['tests/support/netns/run.ts', tsx, 'bench/screen-pop/run.ts'], { cwd: REPO, stdio: 'inherit' });
  return run.status ?? 1;
}

const callerNumber = (i: number) => (i % 5 === 4 ? `+86139${String(90000000 + i).padStart(8, '0')}` : `+86138${String(10000000 + (i % KNOWN_CUSTOMERS)).padStart(8, '0')}`);

async function startAgents(stack: BenchStack, usernames: string[], disposition: string): Promise<{ browsers: Browser[]; pages: Page[] }> {
  const browsers = await Promise.all(Array.from({ length: BROWSERS }, () => launchParty(1000)));
  const pages: Page[] = [];
  for (const [i, username] of usernames.entries()) {
    const page = await signInConsole(browsers[i % BROWSERS]!, stack.url, { username, password: stack.password });
    await openWorkbench(page, stack.url);
    await goReady(page);
    await installResponder(page, { talkMs: 800, disposition });
    pages.push(page);
  }
  return { browsers, pages };
}

async function driveCalls(stack: BenchStack, did: string): Promise<{ placed: number; ms: number }> {
  const ari = ariClient(stack.config);
  const started = Date.now();
  const inFlight = async () => (await ari.channels()).filter((c) => c.name.startsWith('Local/did-') && c.name.endsWith(';1')).length;
  let placed = 0;
  while (placed < CALLS) {
    const busy = await inFlight();
    const room = Math.min(MAX_IN_FLIGHT - busy, CALLS - placed, 5);
    for (let k = 0; k < room; k++, placed++) {
      await ari.originate({ endpoint: `Local/did-${did}@ringside-test`, context: 'ringside-test', extension: 'answer', priority: '1', callerId: `"Bench" <${callerNumber(placed)}>`, timeout: '120' });
    }
    await new Promise((r) => setTimeout(r, room > 0 ? 150 : 300));
  }
  const deadline = Date.now() + 10 * 60_000;
  while ((await inFlight()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  return { placed, ms: Date.now() - started };
}

async function main(): Promise<void> {
  const stack = await startBenchStack(AGENTS);
  try {
    const setup = await configureInbound(stack.server, {
      admin: stack.admin,
      agents: stack.agentNames,
      queueMembers: stack.agentNames,
      customer: { name: '基准客户 0', storedPhone: callerNumber(0) },
      extraCustomers: Array.from({ length: KNOWN_CUSTOMERS - 1 }, (_, i) => ({ name: `基准客户 ${i + 1}`, phone: callerNumber(i + 1) })),
      recording: false,
      wrapUpSec: 1,
      ringTimeoutSec: 15,
    });
    const { browsers, pages } = await startAgents(stack, stack.agentNames, setup.disposition);
    console.log(`${pages.length} agent pages ready in ${BROWSERS} Chromium processes; placing ${CALLS} calls, ≤ ${MAX_IN_FLIGHT} in flight`);
    const driven = await driveCalls(stack, setup.did);
    const timings: PageTimings[] = await Promise.all(pages.map((p) => p.evaluate<PageTimings>('window.__ringsideTimings ?? { pops: [], rings: [] }')));
    await Promise.all(browsers.map((b) => b.close()));
    const s = summarise(timings);
    const figures = { calls: driven.placed, agents: pages.length, maxInFlight: MAX_IN_FLIGHT, wallSec: Math.round(driven.ms / 1000), ...s };
    printTable([figures]);
    writeResults(
      'screen-pop',
      figures,
      `${driven.placed} calls, ${s.offers} offers to ${pages.length} agents: pop before ring ${s.popBeforeRingPct}% (target ≥ 99; before the raw INVITE ${s.popBeforeInvitePct}%), offer→pop p50 ${s.popP50Ms} / p95 ${s.popP95Ms} ms (target ≤ 150), pop-to-ring margin p50 ${s.marginP50Ms} ms`,
    );
  } finally {
    await stack.close();
  }
}

if (!insideNamespace()) process.exit(reexecInNamespace());
main()
  .then(() => process.exit(0))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
