import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { buildWorld, insertCustomer, type World } from './world.ts';

// Hand-computed example on the default pipeline (rates 10/30/50/80/100/0), close dates around the
// 2027-03-29 (Mon) week, the March/April month boundary and the Q1/Q2 boundary:
//  o1 repA  2027-03-31  100 000.00  stage 30 % → 30 000.00
//  o2 repA  2027-04-01    3 333.33  stage 50 % →  1 666.665 (exact sums are rounded once, half up)
//  o3 repB  2027-03-29   50 000.00  stage 80 % → 40 000.00
//  o4 repC  2027-03-30   77 777.77  stage 10 % →  7 777.777 (West team; the East manager must not see it)
//  o5 repB  2027-06-30   10 000.00  lost  0 % →      0
//  o6 repA  no close date (excluded from the forecast)
let ts: TestServer;
let w: World;
const stage: Record<string, string> = {};
const opp: Record<string, { id: string; version: number }> = {};

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  w = await buildWorld(ts);
  const pipes = (await w.as.repA.get('/api/pipelines')).json().items;
  for (const s of pipes[0].stages) stage[s.winRate === 0 ? 'lost' : String(s.winRate)] = s.id;
  const east = await insertCustomer(ts, 'East Co', w.ids.repA, w.teams.east);
  const eastB = await insertCustomer(ts, 'East B Co', w.ids.repB, w.teams.east);
  const west = await insertCustomer(ts, 'West Co', w.ids.repC, w.teams.west);
  const mk = async (who: 'repA' | 'repB' | 'repC', customerId: string, name: string, amountCents: number, expectedCloseDate: string | null, st: string) => {
    const res = await w.as[who].post('/api/opportunities', { name, customerId, amountCents, expectedCloseDate, stageId: stage[st] });
    expect(res.statusCode, JSON.stringify(res.json())).toBe(201);
    opp[name] = { id: res.json().id, version: res.json().version };
  };
  await mk('repA', east, 'o1', 10_000_000, '2027-03-31', '30');
  await mk('repA', east, 'o2', 333_333, '2027-04-01', '50');
  await mk('repB', eastB, 'o3', 5_000_000, '2027-03-29', '80');
  await mk('repC', west, 'o4', 7_777_777, '2027-03-30', '10');
  await mk('repB', eastB, 'o5', 1_000_000, '2027-06-30', 'lost');
  await mk('repA', east, 'o6', 9_999_999, null, '10');
});
afterAll(() => ts.close());

const q = (period: string, groupBy: string) => `/api/forecast?period=${period}&groupBy=${groupBy}&from=2027-01-01&to=2027-12-31`;
const pick = (rows: { periodStart: string; groupName: string | null }[], period: string, name: string) => rows.find((r) => r.periodStart === period && r.groupName === name);

describe('funnel forecast', () => {
  it('groups a manager\'s team by ISO week and owner, rounding the exact weighted sum once', async () => {
    const body = (await w.as.boss.get(q('week', 'owner'))).json();
    expect(pick(body.rows, '2027-03-29', 'Rep A')).toMatchObject({ count: 2, amountCents: 10_333_333, weightedCents: 3_166_667 });
    expect(pick(body.rows, '2027-03-29', 'Rep B')).toMatchObject({ count: 1, amountCents: 5_000_000, weightedCents: 4_000_000 });
    expect(pick(body.rows, '2027-06-28', 'Rep B')).toMatchObject({ count: 1, amountCents: 1_000_000, weightedCents: 0 });
    expect(body.rows.some((r: { groupName: string }) => r.groupName === 'Rep C')).toBe(false);
    expect(body.totals).toEqual([
      { periodStart: '2027-03-29', count: 3, amountCents: 15_333_333, weightedCents: 7_166_667 },
      { periodStart: '2027-06-28', count: 1, amountCents: 1_000_000, weightedCents: 0 },
    ]);
  });

  it('splits months at the March/April boundary per team for the manager', async () => {
    const body = (await w.as.boss.get(q('month', 'team'))).json();
    expect(body.rows).toEqual([
      { periodStart: '2027-03-01', groupId: w.teams.east, groupName: 'East', count: 2, amountCents: 15_000_000, weightedCents: 7_000_000 },
      { periodStart: '2027-04-01', groupId: w.teams.east, groupName: 'East', count: 1, amountCents: 333_333, weightedCents: 166_667 },
      { periodStart: '2027-06-01', groupId: w.teams.east, groupName: 'East', count: 1, amountCents: 1_000_000, weightedCents: 0 },
    ]);
  });

  it('gives the admin every team by quarter', async () => {
    const body = (await w.as.admin.get(q('quarter', 'team'))).json();
    expect(pick(body.rows, '2027-01-01', 'East')).toMatchObject({ count: 2, weightedCents: 7_000_000 });
    expect(pick(body.rows, '2027-01-01', 'West')).toMatchObject({ count: 1, amountCents: 7_777_777, weightedCents: 777_778 });
    expect(pick(body.rows, '2027-04-01', 'East')).toMatchObject({ count: 2, weightedCents: 166_667 });
    expect(body.totals[0]).toEqual({ periodStart: '2027-01-01', count: 3, amountCents: 22_777_777, weightedCents: 7_777_778 });
  });

  it('shows a rep only their own opportunities', async () => {
    const body = (await w.as.repA.get(q('month', 'owner'))).json();
    expect(body.rows.map((r: { periodStart: string; weightedCents: number }) => [r.periodStart, r.weightedCents])).toEqual([
      ['2027-03-01', 3_000_000],
      ['2027-04-01', 166_667],
    ]);
  });

  it('changes when a card moves to a stage with a higher rate', async () => {
    const res = await w.as.repA.patch(`/api/opportunities/${opp.o1!.id}/stage`, { stageId: stage['50'], version: opp.o1!.version });
    expect(res.statusCode).toBe(200);
    opp.o1!.version = res.json().version;
    const body = (await w.as.repA.get(q('month', 'owner'))).json();
    expect(body.rows[0]).toMatchObject({ periodStart: '2027-03-01', weightedCents: 5_000_000 });
    const back = await w.as.repA.patch(`/api/opportunities/${opp.o1!.id}/stage`, { stageId: stage['30'], version: opp.o1!.version });
    expect(back.statusCode).toBe(200);
  });

  it('reports the funnel per stage with count, amount and weighted amount in the caller\'s scope', async () => {
    const body = (await w.as.boss.get('/api/forecast/funnel')).json();
    const by = Object.fromEntries(body.stages.map((s: { winRate: number; kind: string }) => [s.kind === 'lost' ? 'lost' : String(s.winRate), s]));
    expect(by['30']).toMatchObject({ count: 1, amountCents: 10_000_000, weightedCents: 3_000_000 });
    expect(by['10']).toMatchObject({ count: 1, amountCents: 9_999_999, weightedCents: 1_000_000 });
    expect(by['80']).toMatchObject({ count: 1, weightedCents: 4_000_000 });
    expect(by['lost']).toMatchObject({ count: 1, weightedCents: 0 });
    expect(body.stages.map((s: { position: number }) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses agents (403) and bad periods (400 per field)', async () => {
    expect((await w.as.agent.get('/api/forecast')).statusCode).toBe(403);
    expect((await w.as.agent.get('/api/forecast/funnel')).statusCode).toBe(403);
    const bad = await w.as.repA.get('/api/forecast?period=year&from=2027-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['period', 'from']));
    const reversed = await w.as.repA.get('/api/forecast?from=2027-05-01&to=2027-01-01');
    expect(reversed.json().details).toEqual([{ path: 'to', message: expect.any(String) }]);
  });
});
