// npm run bench:wallboard — state change → wallboard row painted in a connected Chromium page (p95),
// and server CPU per 1,000 events. The real server (own database, real Redis for the socket.io adapter,
// PBX disabled) serves the real console; 100 simulated agents and 50 concurrent calls' worth of core
// machine transitions are injected into the hub's event path (what the telephony runtime calls). See
// README.md for what is and is not measured.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { inArray } from 'drizzle-orm';
import { build } from '../../server/src/app.ts';
import { configFromEnvironment, loadConfig, readEnvFile } from '../../server/src/config/index.ts';
import { dropDatabase, recreateDatabase, withDatabase } from '../../server/src/db/admin.ts';
import { createDb } from '../../server/src/db/client.ts';
import { runMigrations } from '../../server/src/db/migrate.ts';
import { acdQueueMembers, acdQueues } from '../../server/src/db/schema/telephony.ts';
import { teams, users } from '../../server/src/db/schema/users.ts';
import { ensureUser } from '../../server/src/modules/users/service.ts';
import { percentile, printTable, writeResults } from '../lib/report.ts';
import { openWallboard } from './page.ts';
import { generateSchedule } from './schedule.ts';

const AGENTS = Number(process.env.BENCH_WALLBOARD_AGENTS ?? 100);
const CALLS = Number(process.env.BENCH_WALLBOARD_CALLS ?? 50);
const SECONDS = Number(process.env.BENCH_WALLBOARD_SECONDS ?? 60);
const QUEUES = 4;
const DB_NAME = 'ringside_bench_wallboard';
const DIST = '/tmp/ringside-bench-wallboard-dist';
const repo = resolve(import.meta.dirname, '../..');

function buildConsole(): void {
  // Its own output directory: other work may be building web-agent/dist at the same time.
  console.log('building the console…');
  execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'error'], { cwd: resolve(repo, 'web-agent'), stdio: 'inherit' });
}

/** mulberry32: a small seeded generator, so every run replays the same centre. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  buildConsole();
  const base = configFromEnvironment().DATABASE_URL;
  await recreateDatabase(base, DB_NAME);
  const url = withDatabase(base, DB_NAME);
  const h = createDb(url, { max: 1 });
  await runMigrations(h.db);
  await h.close();
  const config = loadConfig({ ...readEnvFile(), ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'test', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PBX_ENABLED: 'false', ROLES: 'api', WEB_DIST: DIST });
  const app = await build({ config, logger: false, redisNamespace: `rs-bench-wb-${randomBytes(3).toString('hex')}` });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const baseUrl = typeof addr === 'object' && addr ? `http://127.0.0.1:${addr.port}` : '';
  const password = 'bench-supervisor-pw-1';
  try {
    // A supervisor managing one team of AGENTS agents spread over QUEUES queues: the scoped push path.
    const sup = await ensureUser(app.db, { username: 'bench.supervisor', password, roles: ['supervisor'], displayName: '班长' });
    const [team] = await app.db.insert(teams).values({ name: 'bench-team', managerUserId: sup.id }).returning();
    const agentIds: string[] = [];
    for (let i = 0; i < AGENTS; i++) agentIds.push((await ensureUser(app.db, { username: `bench.agent${i + 1}`, password, roles: ['agent'], displayName: `坐席 ${String(i + 1).padStart(3, '0')}` })).id);
    await app.db.update(users).set({ teamId: team!.id }).where(inArray(users.id, agentIds));
    const queues = await app.db.insert(acdQueues).values(Array.from({ length: QUEUES }, (_, i) => ({ name: `队列 ${i + 1}`, serviceLevelSec: 20 }))).returning({ id: acdQueues.id });
    const queueOfIndex = new Map(agentIds.map((id, i) => [id, queues[i % QUEUES]!.id]));
    await app.db.insert(acdQueueMembers).values(agentIds.map((userId) => ({ queueId: queueOfIndex.get(userId)!, userId, penalty: 0 })));
    await app.wallboard.reloadDirectory();

    const page = await openWallboard(baseUrl, 'bench.supervisor', password, AGENTS);
    const hub = app.wallboard;
    let flushes = 0;
    let hubNs = 0n;
    const timed = <A extends unknown[]>(fn: (...a: A) => void) => (...a: A) => {
      const t = process.hrtime.bigint();
      fn(...a);
      hubNs += process.hrtime.bigint() - t;
    };
    const flush = timed(hub.flush.bind(hub));
    hub.flush = () => {
      flushes++;
      flush();
    };
    const ingest = timed(hub.ingest.bind(hub));

    // The process's own idle cost (timers, Redis, socket.io heartbeats), to separate it from the events'.
    const idle0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 5000));
    const idle = process.cpuUsage(idle0);
    const idleCpuMsPerSec = (idle.user + idle.system) / 1000 / 5;

    const start = Date.now() + 2000;
    const schedule = generateSchedule(start, SECONDS, { agentIds, queueOf: (id) => queueOfIndex.get(id)!, concurrentCalls: CALLS, random: seeded(20261127) });
    const injected = new Map<string, number>();
    const cpu0 = process.cpuUsage();
    await new Promise<void>((done) => {
      let i = 0;
      const step = () => {
        while (i < schedule.length && schedule[i]!.at <= Date.now()) {
          const s = schedule[i++]!;
          if (s.key) injected.set(s.key, Date.now());
          ingest(s.event);
        }
        if (i >= schedule.length) return done();
        setTimeout(step, Math.max(0, schedule[i]!.at - Date.now()));
      };
      setTimeout(step, Math.max(0, start - Date.now()));
    });
    const cpu = process.cpuUsage(cpu0);
    const wallMs = Date.now() - start;
    const events = schedule.length;
    const agentEvents = schedule.filter((s) => s.key).length;
    await new Promise((r) => setTimeout(r, 1500)); // the last pushes land
    const painted = new Map(await page.drain());
    await page.close();

    const latencies: number[] = [];
    for (const [key, at] of injected) {
      const p = painted.get(key);
      if (p !== undefined) latencies.push(p - at);
    }
    latencies.sort((a, b) => a - b);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const figures = {
      updateP95Ms: percentile(latencies, 95),
      updateP50Ms: percentile(latencies, 50),
      updateP99Ms: percentile(latencies, 99),
      updateMaxMs: latencies.at(-1) ?? NaN,
      cpuMsPer1000Events: Math.round((cpuMs / events) * 1000 * 10) / 10,
      netCpuMsPer1000Events: Math.round(((cpuMs - idleCpuMsPerSec * (wallMs / 1000)) / events) * 1000 * 10) / 10,
      idleCpuMsPerSec: Math.round(idleCpuMsPerSec * 10) / 10,
      hubMsPer1000Events: Math.round((Number(hubNs) / 1e6 / events) * 1000 * 100) / 100,
      agents: AGENTS,
      concurrentCalls: CALLS,
      seconds: Math.round(wallMs / 1000),
      events: events,
      eventsPerSec: Math.round(events / (wallMs / 1000)),
      agentStateChanges: agentEvents,
      paintedMeasured: latencies.length,
      // States replaced within the same coalescing window (≤100 ms) are never painted, by design.
      superseded: injected.size - latencies.length,
      pushes: flushes,
      serverCpuPct: Math.round((cpuMs / wallMs) * 1000) / 10,
    };
    printTable([figures]);
    if (process.env.BENCH_WALLBOARD_DRY) return; // a trial run: print only
    const ok = figures.updateP95Ms <= 250 ? 'met' : 'MISSED';
    writeResults('wallboard', figures, `${AGENTS} agents, ${CALLS} calls, ${figures.events} events in ${figures.seconds} s: state→painted p50 ${figures.updateP50Ms} ms, p95 ${figures.updateP95Ms} ms (target 250: ${ok}), p99 ${figures.updateP99Ms} ms; server CPU ${figures.cpuMsPer1000Events} ms/1000 events (net of idle ${figures.netCpuMsPer1000Events}; fold+push ${figures.hubMsPer1000Events})`);
  } finally {
    await app.close();
    await dropDatabase(base, DB_NAME);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
