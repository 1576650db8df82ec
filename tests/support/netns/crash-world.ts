// A contact centre to crash, for the fault tests and bench:recovery (inside the test network namespace):
// agents whose phones answer at once and play 440 Hz (Local/tone@ringside-test), one queue with no wrap-up
// and recording on, a DID, a customer per caller number, and the server running as its own process
// (tests/support/server-child.ts) so it can be killed. Callers come in through the trunk: the fake carrier
// originates them from its CLI (dialplans/carrier.conf carrier-call-ringside) speaking 1000 Hz.
//
// Options for the other fault tests: the server's ARI and/or PostgreSQL through fault proxies of ours
// (tests/support/fault-proxy.ts; the in-process setup app and the test's own ARI stay direct), and agents
// on WebRTC softphones (signed in by the test's browser) with their own queue and DID.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { carrierCli } from '../../../pbx/scripts/carrier.ts';
import { calls } from '../../../server/src/db/schema/calls.ts';
import { connectAdapter, uniqueApp, until, type Recorder } from '../../integration/pbx/support.ts';
import { login } from '../../integration/telephony/support.ts';
import { startFaultProxy, type FaultProxy } from '../fault-proxy.ts';
import { freePort, httpLogin, startChildServer, type ChildServer } from '../server-child.ts';
import { startTestServer, type TestServer } from '../test-server.ts';
import { ariClient } from './ari.ts';
import { CARRIER_E2E_INSTANCE } from './carrier-e2e.ts';

export const CALLER_HZ = 1000;
export const AGENT_HZ = 440;
const PW = 'crash-world-pw-123';

export interface TalkBridge {
  callId: string;
  /** The caller's channel (PJSIP, from the carrier trunk). */
  caller: string;
  /** The agent's leg (a Local channel to the agent's phone). */
  agent: string;
}

export type AgentStateName = 'signedOut' | 'ready' | 'ringing' | 'onCall' | 'wrapUp' | 'paused';

export interface CrashWorldOptions {
  /** Agents whose phones answer at once and play 440 Hz, members of the queue behind `did`. */
  agents: number;
  /** Caller numbers with a customer each (callerNumber(0 … callers-1)). */
  callers: number;
  /** The server's ARI (event socket, commands, health check) through a fault proxy: `proxies.ari`. */
  ariProxy?: boolean;
  /** The server's PostgreSQL through a fault proxy: `proxies.db`. */
  dbProxy?: boolean;
  /** Agents on their own WebRTC softphone (default dial target), members of the queue behind `webDid`. */
  webAgents?: number;
  /**
   * The in-process setup app (telephony off) on the world's database; default a test server on a
   * database cloned from the vitest run's template. A benchmark, outside vitest, brings its own.
   */
  setupServer?: () => Promise<TestServer>;
  /** Wrap-up of the tone agents' queue (default 0). */
  wrapUpSec?: number;
}

export interface CrashWorld {
  /** In-process app on the same database, telephony off: setup and database reads. */
  setup: TestServer;
  server: ChildServer;
  probe: Recorder;
  did: string;
  agentNames: string[];
  /** The queue behind `webDid` has the WebRTC agents only. */
  webDid: string;
  webAgentNames: string[];
  /** Every user's password. */
  password: string;
  /** A sales user (may import leads). */
  importer: string;
  logFile: string;
  /** The test's own ARI client, straight to Asterisk (never through the proxy). */
  ari: ReturnType<typeof ariClient>;
  proxies: { ari?: FaultProxy; db?: FaultProxy };
  callerNumber(i: number): string;
  /** Caller `i` calls `did` (default the tone agents' queue) through the carrier's trunk, speaking `hz` (default CALLER_HZ). */
  placeCall(i: number, did?: string, hz?: number): Promise<void>;
  signInAgents(): Promise<void>;
  /** Each tone agent's state as the server reports it (GET /api/agent/state). */
  agentStates(): Promise<Record<string, AgentStateName>>;
  /** The process that serves now (the supervisor's server.pid). */
  serverPid(): number;
  talkBridges(): Promise<TalkBridge[]>;
  rows(): Promise<(typeof calls.$inferSelect)[]>;
  /** SIGKILL the serving process; the supervisor starts a new one (same port, database, Redis, app). */
  crashAndRestart(): Promise<{ killedAt: number; restartedAt: number }>;
  hangupEverything(): Promise<void>;
  close(): Promise<void>;
}

export async function crashWorld(opts: CrashWorldOptions): Promise<CrashWorld> {
  const setup = await (
    opts.setupServer ?? (() => startTestServer({ listen: false, overrides: { PBX_ENABLED: 'false' } }))
  )();
  await setup.createUser({ username: 'crash.admin', password: PW, roles: ['admin'] });
  const admin = await login(setup, 'crash.admin', PW);
  const agentNames = Array.from({ length: opts.agents }, (_, i) => `crash.agent${i}`);
  const members: { userId: string; penalty: number }[] = [];
  for (const name of agentNames) {
    const id = await setup.createUser({ username: name, password: PW, roles: ['agent'], displayName: name });
    const r = await admin.put(`/api/agents/${id}/profile`, {
      dialTarget: 'Local/tone@ringside-test',
      skills: {},
    });
    if (r.status !== 200) throw new Error(`profile ${r.status} ${JSON.stringify(r.body)}`);
    members.push({ userId: id, penalty: 0 });
  }
  const q = await admin.post<{ id: string }>('/api/queues', {
    name: 'Crash queue',
    strategy: 'longestIdle',
    ringTimeoutSec: 10,
    wrapUpSec: opts.wrapUpSec ?? 0,
    recordCalls: true,
    members,
  });
  if (q.status !== 201) throw new Error(`queue ${q.status} ${JSON.stringify(q.body)}`);
  const newDid = () => `4009${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const did = newDid();
  const d = await admin.post('/api/dids', { number: did, targetKind: 'queue', targetId: q.body.id });
  if (d.status !== 201) throw new Error(`did ${d.status} ${JSON.stringify(d.body)}`);
  // WebRTC agents: no dial target, so the server rings their softphone (and provisions it at sign-in).
  const webAgentNames = Array.from({ length: opts.webAgents ?? 0 }, (_, i) => `crash.web${i}`);
  const webMembers: { userId: string; penalty: number }[] = [];
  for (const name of webAgentNames) {
    const id = await setup.createUser({ username: name, password: PW, roles: ['agent'], displayName: name });
    webMembers.push({ userId: id, penalty: 0 });
  }
  const webDid = newDid();
  if (webMembers.length) {
    const wq = await admin.post<{ id: string }>('/api/queues', {
      name: 'Crash web queue',
      strategy: 'longestIdle',
      ringTimeoutSec: 20,
      wrapUpSec: 0,
      recordCalls: false,
      members: webMembers,
    });
    if (wq.status !== 201) throw new Error(`web queue ${wq.status} ${JSON.stringify(wq.body)}`);
    const wd = await admin.post('/api/dids', { number: webDid, targetKind: 'queue', targetId: wq.body.id });
    if (wd.status !== 201) throw new Error(`web did ${wd.status} ${JSON.stringify(wd.body)}`);
  }
  const importer = 'crash.sales';
  await setup.createUser({ username: importer, password: PW, roles: ['sales'], displayName: importer });
  const callerNumber = (i: number) => `1390000${String(i).padStart(4, '0')}`;
  for (let i = 0; i < opts.callers; i++)
    await admin.post('/api/customers', { name: `来电客户${i}`, phones: [{ number: callerNumber(i) }] });

  const proxies: CrashWorld['proxies'] = {};
  if (opts.ariProxy) {
    const u = new URL(setup.config.ARI_URL);
    proxies.ari = await startFaultProxy({ host: u.hostname, port: Number(u.port || 80) });
  }
  if (opts.dbProxy) {
    const u = new URL(setup.config.DATABASE_URL);
    proxies.db = await startFaultProxy({ host: u.hostname, port: Number(u.port || 5432) });
  }
  const env = {
    DATABASE_URL: proxies.db ? proxies.db.rewrite(setup.config.DATABASE_URL) : setup.config.DATABASE_URL,
    ROLES: 'all',
    PBX_ENABLED: 'true',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    ARI_APP: setup.config.ARI_APP,
    // Every agent signs in over real HTTP from one address: the per-IP login limit is for attackers.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...(proxies.ari ? { ARI_URL: proxies.ari.rewrite(setup.config.ARI_URL) } : {}),
  };
  const runDir = mkdtempSync(join(tmpdir(), 'rs-crash-'));
  const logFile = join(runDir, 'server.log');
  // Under the supervisor `npm start` runs: the crash is survived the way production survives it.
  const server = startChildServer(env, await freePort(), logFile, { runDir });
  const serverPid = () => Number(readFileSync(join(runDir, 'server.pid'), 'utf8').trim());
  await server.healthy();
  const probe = await connectAdapter(setup.config, uniqueApp('rs-probe'));
  const ari = ariClient(setup.config);
  const hangupEverything = async () => {
    for (const c of await ari.channels()) await ari.hangup(c.id);
  };
  const agentApis = new Map<string, Awaited<ReturnType<typeof httpLogin>>>();

  return {
    setup,
    server,
    probe,
    did,
    agentNames,
    webDid,
    webAgentNames,
    password: PW,
    importer,
    logFile,
    ari,
    proxies,
    callerNumber,
    serverPid,
    async placeCall(i, to = did, hz = CALLER_HZ) {
      const r = await carrierCli(
        { root: setup.config.PBX_ROOT, instance: CARRIER_E2E_INSTANCE },
        `channel originate Local/${to}-${callerNumber(i)}@carrier-call-ringside extension ${hz}@carrier-caller-voice`,
      );
      if (r.code !== 0) throw new Error(`carrier originate: ${r.stderr || r.stdout}`);
    },
    async signInAgents() {
      for (const name of agentNames) {
        const api = await httpLogin(server.url, name, PW);
        agentApis.set(name, api);
        await api.post('/api/agent/sign-in');
        const r = await api.post('/api/agent/ready');
        if (r.status !== 200) throw new Error(`ready ${name}: ${r.status} ${JSON.stringify(r.body)}`);
      }
    },
    async agentStates() {
      const out: Record<string, AgentStateName> = {};
      for (const name of agentNames) {
        const api = agentApis.get(name) ?? (await httpLogin(server.url, name, PW));
        agentApis.set(name, api);
        const r = await api.get<{ state: AgentStateName }>('/api/agent/state');
        if (r.status !== 200) throw new Error(`state of ${name}: ${r.status} ${JSON.stringify(r.body)}`);
        out[name] = r.body.state;
      }
      return out;
    },
    async talkBridges() {
      const [bridges, channels] = await Promise.all([
        ari.call<{ id: string; channels: string[] }[]>('GET', '/bridges'),
        ari.channels(),
      ]);
      const name = new Map(channels.map((c) => [c.id, c.name]));
      const out: TalkBridge[] = [];
      for (const b of bridges) {
        if (!b.id.startsWith('call-')) continue;
        const caller = b.channels.find((c) => name.get(c)?.startsWith('PJSIP/'));
        const agent = b.channels.find((c) => name.get(c)?.startsWith('Local/'));
        if (caller && agent) out.push({ callId: b.id.slice(5), caller, agent });
      }
      return out;
    },
    rows: () => setup.app.db.select().from(calls),
    async crashAndRestart() {
      const old = serverPid();
      process.kill(old, 'SIGKILL');
      const killedAt = Date.now();
      // The supervisor notices, waits its backoff and starts a new server process.
      await until(
        () => existsSync(join(runDir, 'server.pid')) && serverPid() !== old,
        30_000,
        'the supervisor to start a new server',
      );
      await server.healthy();
      return { killedAt, restartedAt: spawnTimeAfter(logFile, killedAt) };
    },
    hangupEverything,
    async close() {
      await hangupEverything();
      server.proc.kill('SIGTERM');
      await server.exited();
      await probe.adapter.close();
      await proxies.ari?.close();
      await proxies.db?.close();
      await setup.close();
    },
  };
}

/** When the supervisor spawned the server after `after` (its 'server started' log line). */
function spawnTimeAfter(logFile: string, after: number): number {
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"server started"')) continue;
    const time = (JSON.parse(line) as { time: number }).time;
    if (time >= after) return time;
  }
  throw new Error('no server start logged after the crash');
}
