// Reports through the real routes and the real DB: figures computed by hand from world.ts, data scopes
// per role, and CSV/XLSX exports with formula injection neutralised.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentStateEvents } from '../../../server/src/db/schema/agent-history.ts';
import { flushAgentHistory, recordAgentTransition } from '../../../server/src/modules/reports/agent-history-recorder.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { buildReportsWorld, sh } from './world.ts';

let ts: TestServer;
let w: Awaited<ReturnType<typeof buildReportsWorld>>;

beforeAll(async () => {
  ts = await startTestServer({ listen: false, overrides: { PBX_ENABLED: 'false' } });
  w = await buildReportsWorld(ts);
});
afterAll(() => ts.close());

const range = (extra = '') => `from=${sh(10, 0).toISOString()}&to=${sh(12, 0).toISOString()}&tz=Asia/Shanghai${extra}`;
type Row = Record<string, string | number | null>;
const find = (rows: Row[], period: string, group: string | null) => rows.find((r) => r.period === period && r.group === group);

describe('queue report', () => {
  it('admin: offered, answered, abandoned (short), service level, ASA, waits and AHT per day and queue', async () => {
    const res = await w.as.admin(`/api/reports/queues?${range('&granularity=day&groupBy=queue')}`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as Row[];
    // Day 10: c1 (5 s), c2 (abandon 8 s, short), c3 (abandon 40 s), c4 (entered 23:59:30, answered after 30 s)
    expect(find(rows, '2026-11-10', '+Support')).toMatchObject({
      offered: 4, answered: 2, abandoned: 2, abandonedShort: 1, overflowed: 0,
      serviceLevel: 0.3333, // 1 within / (2 answered + 1 late abandon)
      asaSec: 17.5, avgWaitSec: 20.8, maxWaitSec: 40,
      // c1: 105 + 15 + 30 wrap = 150; c4: 320 talk + 20 + 40 wrap-ups of both agents = 380
      ahtSec: 265, transferred: 1,
    });
    expect(find(rows, '2026-11-11', 'West only')).toMatchObject({ offered: 2, answered: 1, abandoned: 1, serviceLevel: 0.5, ahtSec: 150 });
    expect(find(rows, '2026-11-11', '*')).toMatchObject({ offered: 2 });
  });

  it('groups by week and by team (the last agent\'s team)', async () => {
    const week = (await w.as.admin(`/api/reports/queues?${range('&granularity=week&groupBy=team')}`)).json().rows as Row[];
    expect(find(week, '2026-11-09', 'East')).toMatchObject({ offered: 1, answered: 1 });
    expect(find(week, '2026-11-09', 'West')).toMatchObject({ offered: 2, answered: 2 });
    expect(find(week, '2026-11-09', null)).toMatchObject({ offered: 3, abandoned: 3 });
    expect(find(week, '2026-11-09', '*')).toMatchObject({ offered: 6 });
  });

  it('a supervisor sees their scope only: East sees its agents\' calls and abandons in East agents\' queues', async () => {
    const east = (await w.as.bossE(`/api/reports/queues?${range('&granularity=month')}`)).json().rows as Row[];
    // c1, c2, c3, c4 (transferred through Agent East); not c5 or c6 (West only queue)
    expect(find(east, '2026-11', '*')).toMatchObject({ offered: 4, answered: 2 });
    const west = (await w.as.bossW(`/api/reports/queues?${range('&granularity=month')}`)).json().rows as Row[];
    // c4 (team West), c5, and the abandons of both queues (Agent West is a member): not c1
    expect(find(west, '2026-11', '*')).toMatchObject({ offered: 5, answered: 2, abandoned: 3 });
  });

  it('agents and sales reps are denied; bad ranges and zones are 400', async () => {
    expect((await w.as.agentE(`/api/reports/queues?${range()}`)).statusCode).toBe(403);
    expect((await w.as.sales(`/api/reports/agents?${range()}`)).statusCode).toBe(403);
    expect((await w.as.admin(`/api/reports/queues?from=${sh(12, 0).toISOString()}&to=${sh(10, 0).toISOString()}`)).statusCode).toBe(400);
    expect((await w.as.admin(`/api/reports/queues?${range()}`.replace('Asia/Shanghai', 'Mars/Base'))).statusCode).toBe(400);
    expect((await w.as.admin(`/api/reports/nope?${range()}`)).statusCode).toBe(400);
  });
});

describe('agent report from the state history', () => {
  it('handled, AHT, occupancy, utilisation and pause by reason; the midnight call split across days', async () => {
    const rows = (await w.as.admin(`/api/reports/agents?${range('&groupBy=agent')}`)).json().rows as Row[];
    const e10 = find(rows, '2026-11-10', 'Agent East')!;
    // ready 300 + 10645 + 18000 + 595 = 29540 s, ringing 5 + 5, on call 120, wrap-up 30, lunch 3600
    expect(e10).toMatchObject({ handled: 1, onCallSec: 120, wrapUpSec: 30, readySec: 29540, ringingSec: 10, pausedSec: 3600, 'paused:lunch': 3600, ahtSec: 150, signedInSec: 33300 });
    expect(e10.occupancy).toBeCloseTo(150 / 29700, 4);
    expect(e10.utilisation).toBeCloseTo(150 / 33300, 4);
    expect(find(rows, '2026-11-11', 'Agent East')).toMatchObject({ handled: 1, onCallSec: 120, wrapUpSec: 20, ahtSec: 140 });
    expect(find(rows, '2026-11-10', 'Agent West')).toMatchObject({ handled: 0, readySec: 3600, occupancy: 0 });
    expect(find(rows, '2026-11-11', 'Agent West')).toMatchObject({ handled: 2, onCallSec: 320, wrapUpSec: 70, ahtSec: 195 });
  });

  it('rolls up by team and keeps a supervisor to their own team', async () => {
    const teams = (await w.as.admin(`/api/reports/agents?${range('&groupBy=team&granularity=month')}`)).json().rows as Row[];
    expect(find(teams, '2026-11', 'East')).toMatchObject({ handled: 2, onCallSec: 240 });
    expect(find(teams, '2026-11', 'West')).toMatchObject({ handled: 2, onCallSec: 320 });
    const east = (await w.as.bossE(`/api/reports/agents?${range('&granularity=month')}`)).json().rows as Row[];
    expect(east.map((r) => r.group)).toEqual(['Agent East']);
  });
});

describe('hourly profile, FCR and outbound', () => {
  it('hourly: offered per hour over the days and an Erlang C estimate', async () => {
    const rows = (await w.as.admin(`/api/reports/hourly?${range('&targetServiceLevel=0.8&targetSec=20')}`)).json().rows as Row[];
    expect(rows).toHaveLength(24);
    expect(rows[9]).toMatchObject({ hour: 9, offered: 3, answered: 1, callsPerHour: 1.5, ahtSec: 150, agentsNeeded: 1 });
    expect(rows[23]).toMatchObject({ offered: 1, ahtSec: 380 });
    expect(rows[3]).toMatchObject({ offered: 0, agentsNeeded: 0 });
  });

  it('FCR by disposition: Acme called back the next day, so c1 was not resolved at first contact', async () => {
    const rows = (await w.as.admin(`/api/reports/fcr?${range()}`)).json().rows as Row[];
    expect(rows).toEqual([
      { disposition: 'solved', calls: 2, resolved: 1, rate: 0.5 },
      { disposition: '=HYPERLINK("http://x")', calls: 1, resolved: 1, rate: 1 },
      { disposition: '*', calls: 3, resolved: 2, rate: 0.6667 },
    ]);
  });

  it('outbound per campaign from the dialer\'s attempts, in the owning team\'s scope', async () => {
    const rows = (await w.as.admin(`/api/reports/outbound?${range()}`)).json().rows as Row[];
    expect(rows).toEqual([expect.objectContaining({ group: '@Winter promo', attempts: 4, connects: 2, contactRate: 0.5, abandoned: 1, abandonRate: 0.5, conversions: 1, conversionRate: 1 })]);
    expect((await w.as.bossE(`/api/reports/outbound?${range()}`)).json().rows).toEqual([]);
    expect((await w.as.bossW(`/api/reports/outbound?${range()}`)).json().rows).toHaveLength(1);
  });
});

describe('filter options', () => {
  it('offer the queues, teams, agents and campaigns of the scope', async () => {
    const all = (await w.as.admin('/api/reports/filters')).json();
    expect(all.queues.map((q: { name: string }) => q.name)).toEqual(['+Support', 'West only']);
    expect(all.campaigns).toHaveLength(1);
    const east = (await w.as.bossE('/api/reports/filters')).json();
    expect(east).toMatchObject({ queues: [{ name: '+Support' }], teams: [{ name: 'East' }], campaigns: [] });
    expect(east.agents.map((a: { name: string }) => a.name)).toEqual(['Agent East', 'Boss East']);
    expect((await w.as.agentE('/api/reports/filters')).statusCode).toBe(403);
  });
});

describe('exports', () => {
  it('CSV: localised headers, BOM, formula-looking cells prefixed with an apostrophe', async () => {
    const res = await w.as.admin(`/api/reports/fcr/export?${range('&format=csv&lang=en')}`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(res.body.startsWith('\uFEFFDisposition,Calls,Resolved,FCR rate\r\n')).toBe(true);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"")",1,1,1\r\n`);
    expect(res.body).toContain('Total,3,2,0.6667\r\n');
    const queues = await w.as.admin(`/api/reports/queues/export?${range('&format=csv&granularity=month')}`);
    expect(queues.body).toContain('周期,分组,呼入');
    expect(queues.body).toContain("2026-11,'+Support,4,");
  });

  it('XLSX: the same table, numbers as numbers, injection neutralised', async () => {
    const res = await w.as.admin(`/api/reports/outbound/export?${range('&format=xlsx&lang=en')}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Group');
    expect(ws.getRow(2).getCell(1).value).toBe("'@Winter promo");
    expect(ws.getRow(2).getCell(2).value).toBe(4);
  });

  it('exports are denied to agents', async () => {
    expect((await w.as.agentE(`/api/reports/fcr/export?${range()}`)).statusCode).toBe(403);
  });
});

describe('agent state recorder', () => {
  it('writes transitions in a batch, off the call path, with the call and pause reason', async () => {
    const host = { deps: { db: ts.app.db }, log: ts.app.log };
    const before = { agentId: w.ids.agentE, status: { kind: 'ready' as const }, since: 0, idleSince: 0, lastCallEndedAt: null, callsToday: 0, pendingPause: null };
    const paused = { ...before, status: { kind: 'paused' as const, reason: 'training' } };
    recordAgentTransition(host, before, { ok: true, state: paused, commands: [], transition: { agentId: w.ids.agentE, from: 'ready', to: 'paused', event: 'pause', at: sh(20, 9).getTime() } });
    const onCall = { ...before, status: { kind: 'onCall' as const, callId: '00000000-0000-4000-8000-000000000001', queueId: w.ids.q1, since: 1, wrapUpMs: 0 } };
    recordAgentTransition(host, paused, { ok: true, state: onCall, commands: [], transition: { agentId: w.ids.agentE, from: 'paused', to: 'onCall', event: 'answer', at: sh(20, 9, 5).getTime() } });
    // Nothing written synchronously: the rows wait for the batch.
    await flushAgentHistory(host);
    const rows = await ts.app.db.select().from(agentStateEvents).where(eq(agentStateEvents.agentId, w.ids.agentE));
    const recent = rows.filter((r) => r.at >= sh(20, 0));
    expect(recent.map((r) => [r.state, r.fromState, r.event, r.reason, r.callId, r.queueId])).toEqual([
      ['paused', 'ready', 'pause', 'training', null, null],
      ['onCall', 'paused', 'answer', null, '00000000-0000-4000-8000-000000000001', w.ids.q1],
    ]);
  });
});
