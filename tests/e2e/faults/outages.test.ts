// Outages around a busy contact centre, on the real stack inside the test network namespace
// (tests/support/netns/crash-world.ts: the e2e Asterisk, the fake carrier placing callers through the
// trunk, agents whose phones play 440 Hz while callers speak 1000 Hz, the server as its own process under
// the supervisor). The server reaches ARI and PostgreSQL through fault proxies of ours
// (tests/support/fault-proxy.ts); the test's own ARI and database reads go direct.
//
//   1. ARI cut for 10 s with talks and waiting callers: a talking and a waiting caller hang up meanwhile.
//      After it their rows are closed, the other talks are still bridged both ways, the freed agent takes
//      the next waiting caller (recovery after the event stream reconnects, telephony/recovery.ts).
//   2. PostgreSQL cut for 5 s: new callers are still answered, queued and bridged while it is down, one
//      ends; afterwards every row and recording is there and complete (telephony/call-writer.ts).
//   3. Hostile import files uploaded over HTTP during a talk: clear 4xx each, health ok, the same server
//      process, the talk undisturbed (server/src/workers: parsing in heap-capped workers, limits first).
//   4. Redis restarted empty during calls: the live store is written again in full, health comes back,
//      and a SIGKILL of the server afterwards still recovers the calls (telephony/live-store.ts).
//
// Run: npx tsx tests/support/netns/run.ts npx vitest run --project e2e-webrtc tests/e2e/faults/outages.test.ts
import { request } from 'node:http';
import { inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordings } from '../../../server/src/db/schema/calls.ts';
import { eventually } from '../../integration/telephony/support.ts';
import { AGENT_HZ, CALLER_HZ, crashWorld, type CrashWorld } from '../../support/netns/crash-world.ts';
import { liveCallIds, restartNamespaceRedis } from '../../support/netns/redis.ts';
import { heardTones } from '../../support/netns/tone-probe.ts';
import { bigCsv, xlsxClaimingXfd, xlsxZipBomb, type HostileFile } from '../../support/hostile-files.ts';
import { httpLogin } from '../../support/server-child.ts';

const AGENTS = 3;
let w: CrashWorld;
/** Caller numbers are handed out in order, one per call, so each row is found by its caller. */
let nextCaller = 0;

beforeAll(async () => {
  w = await crashWorld({ agents: AGENTS, callers: 24, ariProxy: true, dbProxy: true });
  await w.signInAgents();
}, 180_000);

afterAll(async () => {
  await w?.close();
});

// A failed test must not leave its calls, or an outage, to the next one.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await eventually(async () => !w.proxies.ari!.down && !w.proxies.db!.down, 20_000, 'the outages over');
  await w.hangupEverything();
  await endEverything().catch((err: unknown) => console.error('cleanup after a failed test:', err));
});

type Row = Awaited<ReturnType<CrashWorld['rows']>>[number];

/** callerNumber(i) ends with i in four digits. */
const callerIndex = (r: Row) => Number(r.callerNumber.slice(-4));

async function rowOf(caller: number): Promise<Row | undefined> {
  return (await w.rows()).find((r) => r.callerNumber === w.callerNumber(caller));
}

/** Places the next caller and waits for its row (the server took the call). */
async function call(): Promise<number> {
  const i = nextCaller++;
  await w.placeCall(i);
  await eventually(() => rowOf(i), 15_000, `caller ${i}'s row`);
  return i;
}

/** The caller's channel on the e2e Asterisk (the PJSIP leg from the carrier's trunk). */
async function callerChannel(i: number): Promise<string> {
  const channels = await w.ari.call<{ id: string; name: string; caller: { number: string } }[]>(
    'GET',
    '/channels',
  );
  const ch = channels.find((c) => c.name.startsWith('PJSIP/') && c.caller.number === w.callerNumber(i));
  if (!ch) throw new Error(`no channel for caller ${i}`);
  return ch.id;
}

async function talkOf(i: number) {
  const row = await rowOf(i);
  return row ? (await w.talkBridges()).find((b) => b.callId === row.id) : undefined;
}

async function expectTwoWay(i: number): Promise<void> {
  const b = await talkOf(i);
  expect(b, `caller ${i} is bridged to an agent`).toBeDefined();
  const dir = w.setup.config.RECORDINGS_DIR;
  const callerHears = await heardTones(w.probe, b!.caller, dir, [CALLER_HZ, AGENT_HZ]);
  const agentHears = await heardTones(w.probe, b!.agent, dir, [CALLER_HZ, AGENT_HZ]);
  expect(callerHears[AGENT_HZ], `caller ${i} hears the agent`).toBeGreaterThan(0.3);
  expect(agentHears[CALLER_HZ], `the agent of caller ${i} hears the caller`).toBeGreaterThan(0.3);
}

async function allRowsFinal(): Promise<Row[]> {
  return eventually(
    async () => {
      const rows = await w.rows();
      return rows.every((r) => r.outcome !== 'live') ? rows : undefined;
    },
    20_000,
    'every row final',
  );
}

/** Ends every caller still in a call or waiting, one talk at a time so waiting callers get their turn. */
async function endEverything(): Promise<void> {
  for (;;) {
    const live = (await w.rows()).filter((r) => r.outcome === 'live');
    if (!live.length) break;
    const talks = await w.talkBridges();
    if (talks.length) for (const b of talks) await w.ari.hangup(b.caller);
    else for (const r of live) await w.ari.hangup(await callerChannel(callerIndex(r)).catch(() => ''));
    await new Promise((r) => setTimeout(r, 200));
  }
  await allRowsFinal();
  await eventually(
    async () => Object.values(await w.agentStates()).every((s) => s === 'ready'),
    20_000,
    'every agent ready',
  );
}

async function health(): Promise<Record<string, string>> {
  const r = await fetch(`${w.server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
  return (await r.json()) as Record<string, string>;
}

async function recordingsOf(callIds: string[]) {
  return w.setup.app.db.select().from(recordings).where(inArray(recordings.callId, callIds));
}

describe('faults around a busy queue (real stack, network namespace)', () => {
  it('ARI cut for 10 s: calls that ended meanwhile close, talks stay bridged, the freed agent is used', async () => {
    const talking = [await call(), await call(), await call()];
    await eventually(
      async () => (await w.talkBridges()).length === AGENTS,
      30_000,
      `${AGENTS} talks bridged`,
    );
    const waiting = [await call(), await call()];
    const [leaver, ...stayers] = talking as [number, number, number];
    const [quitter, next] = waiting as [number, number];

    const cut = w.proxies.ari!.cutFor(10_000);
    // During the cut the server hears nothing: a talking caller and a waiting caller hang up.
    await w.ari.hangup(await callerChannel(leaver));
    await w.ari.hangup(await callerChannel(quitter));
    expect(w.proxies.ari!.down, 'the hang-ups happened during the cut').toBe(true);
    await cut.over;

    const left = await eventually(
      async () => {
        const r = await rowOf(leaver);
        return r && r.outcome !== 'live' ? r : undefined;
      },
      30_000,
      'the row of the caller who left a talk during the cut to close',
    );
    expect(left.outcome).toBe('completed');
    expect(left.talkMs).toBeGreaterThan(0);
    const quit = await eventually(
      async () => {
        const r = await rowOf(quitter);
        return r && r.outcome !== 'live' ? r : undefined;
      },
      10_000,
      'the row of the caller who left the queue during the cut to close',
    );
    expect(quit.outcome).toBe('abandoned');

    // The other talks never noticed.
    for (const i of stayers) await expectTwoWay(i);
    // The agent freed by the leaver takes the next waiting caller.
    await eventually(() => talkOf(next), 20_000, 'the next waiting caller to be bridged');
    await expectTwoWay(next);

    await endEverything();
    const rows = await w.rows();
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.outcome === 'live')).toEqual([]);
    const nextRow = rows.find((r) => r.callerNumber === w.callerNumber(next))!;
    expect(nextRow.outcome).toBe('completed');
    expect(nextRow.agentId, 'the freed agent took the next caller').toBe(left.agentId);
  });

  it('PostgreSQL cut for 5 s: callers are answered, queued and bridged meanwhile; no write is lost', async () => {
    const before = (await w.rows()).length;
    const cut = w.proxies.db!.cutFor(5_000);
    const a = nextCaller++;
    const b = nextCaller++;
    await w.placeCall(a);
    await w.placeCall(b);
    // The talks come up while the database is still away (rows are written behind the call path).
    const talks = await eventually(
      async () => {
        const bridges = await w.talkBridges();
        return bridges.length === 2 ? bridges : undefined;
      },
      5_000,
      'two talks bridged during the outage',
    );
    expect(w.proxies.db!.down, 'both talks were bridged while the database was cut').toBe(true);
    expect(await w.rows()).toHaveLength(before); // checked direct: nothing written yet
    // One of them ends during the outage.
    const ended = talks[0]!;
    await w.ari.hangup(ended.caller);
    await eventually(
      async () => !(await w.talkBridges()).some((x) => x.callId === ended.callId),
      3_000,
      'the first talk to end',
    );
    expect(w.proxies.db!.down, 'the talk ended while the database was cut').toBe(true);
    await cut.over;

    // Every write lands: the rows, the ended call complete, the recordings.
    const first = await eventually(
      async () => {
        const rows = await w.rows();
        const r = rows.find((x) => x.id === ended.callId);
        return rows.length === before + 2 && r?.outcome !== 'live' ? r : undefined;
      },
      20_000,
      'both rows written and the ended call completed',
    );
    expect(first).toMatchObject({ outcome: 'completed', hangupSide: 'caller' });
    expect(first.talkMs).toBeGreaterThan(0);
    expect(first.answeredAt).not.toBeNull();
    await expectTwoWay(callerIndex(first) === a ? b : a);

    await endEverything();
    const rows = (await w.rows()).filter((r) => talks.some((t) => t.callId === r.id));
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.outcome).toBe('completed');
      expect(r.agentId).not.toBeNull();
      expect(r.talkMs).toBeGreaterThan(0);
    }
    const recs = await eventually(
      async () => {
        const x = await recordingsOf(rows.map((r) => r.id));
        return x.length === 2 && x.every((r) => r.endedAt !== null) ? x : undefined;
      },
      10_000,
      'both recordings written and closed',
    );
    // Each recording began during its talk, not when the database came back.
    for (const rec of recs) {
      const row = rows.find((r) => r.id === rec.callId)!;
      expect(+rec.startedAt, `recording of ${row.id} starts before its call ended`).toBeLessThanOrEqual(
        +row.endedAt!,
      );
      expect(
        +rec.startedAt,
        `recording of ${row.id} starts after its call was answered`,
      ).toBeGreaterThanOrEqual(+row.answeredAt! - 1000);
    }
  });

  it('hostile import files during a talk: a clear 4xx each, the same server process, the talk undisturbed', async () => {
    const i = await call();
    await eventually(() => talkOf(i), 20_000, 'the talk bridged');
    const pid = w.serverPid();
    const sales = await httpLogin(w.server.url, w.importer, w.password);
    const files: [HostileFile, RegExp][] = [
      [xlsxClaimingXfd(), /16384 columns/],
      [xlsxZipBomb(), /uncompressed|compressed more than/],
      [bigCsv(), /larger than 20 MB/],
    ];
    for (const [f, detail] of files) {
      const upload = postFile(
        `${w.server.url}/api/leads/imports?filename=${encodeURIComponent(f.filename)}`,
        sales.cookie,
        f,
      );
      const during = await health();
      const res = await upload;
      expect(res.status, `${f.filename}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).toMatchObject({
        code: 'RS_IMPORT_TOO_LARGE',
        details: [{ path: 'file', message: expect.stringMatching(detail) }],
      });
      expect(during, `health while ${f.filename} was being read`).toMatchObject({ status: 'ok' });
      expect(await health(), `health after ${f.filename}`).toMatchObject({
        status: 'ok',
        db: 'ok',
        redis: 'ok',
        pbx: 'ok',
      });
    }
    expect(w.serverPid(), 'the same server process (no crash, no restart)').toBe(pid);

    await expectTwoWay(i);
    await endEverything();
    const row = (await rowOf(i))!;
    expect(row).toMatchObject({ outcome: 'completed', hangupSide: 'caller' });
    expect(row.talkMs).toBeGreaterThan(0);
    expect(row.activityId).not.toBeNull();
    await eventually(
      async () => {
        const recs = await recordingsOf([row.id]);
        return recs.length === 1 && recs[0]!.endedAt !== null;
      },
      10_000,
      'the talk’s recording closed',
    );
    expect(w.serverPid()).toBe(pid);
  });

  it('Redis restarted empty during calls: the live store is written again and a later crash still recovers', async () => {
    const talking = [await call(), await call(), await call()];
    await eventually(
      async () => (await w.talkBridges()).length === AGENTS,
      30_000,
      `${AGENTS} talks bridged`,
    );
    const waiter = await call();
    const liveIds = await Promise.all([...talking, waiter].map(async (i) => (await rowOf(i))!.id));
    const app = w.setup.config.ARI_APP;
    await eventually(
      async () => {
        const ids = await liveCallIds(app);
        return liveIds.every((id) => ids.includes(id));
      },
      10_000,
      'every live call in the live store',
    );

    await restartNamespaceRedis();
    // The server writes everything live again once it is connected to the new, empty Redis.
    await eventually(
      async () => {
        const ids = await liveCallIds(app);
        return liveIds.every((id) => ids.includes(id));
      },
      20_000,
      'every live call written again to the new Redis',
    );
    await w.server.healthy(20_000);
    expect(await health()).toMatchObject({ status: 'ok', redis: 'ok' });
    for (const i of talking) expect(await talkOf(i), `caller ${i} still bridged`).toBeDefined();

    // A crash now: the restarted server reads the calls back from the new Redis.
    const talkIds = (await w.talkBridges()).map((b) => b.callId).sort();
    await w.crashAndRestart();
    expect((await w.talkBridges()).map((b) => b.callId).sort()).toEqual(talkIds);
    for (const i of talking) await expectTwoWay(i);
    expect((await rowOf(waiter))!.outcome, 'the waiting caller still waits').toBe('live');

    await endEverything();
    const rows = (await w.rows()).filter((r) => liveIds.includes(r.id));
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.outcome, `${r.id} (${r.cause ?? ''})`).toBe('completed');
      expect(r.talkMs).toBeGreaterThan(0);
    }
    // No call was taken for a new one after the crash: one row per caller.
    expect((await w.rows()).filter((r) => r.outcome === 'failed')).toEqual([]);
  });
});

/** POSTs a file over real HTTP; the answer counts even if the server stops reading the body early. */
function postFile(url: string, cookie: string, f: HostileFile): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      url,
      {
        method: 'POST',
        headers: { cookie, 'content-type': f.contentType, 'content-length': f.body.length },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.end(f.body);
  });
}
