import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { buildWorld, count, insertContact, insertCustomer, type World } from './world.ts';

let ts: TestServer;
let w: World;
let pipeline: { id: string; stages: { id: string; winRate: number; kind: string; name: string }[] };
let eastCustomer: string;
let westCustomer: string;

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  w = await buildWorld(ts);
  pipeline = (await w.as.repA.get('/api/pipelines')).json().items[0];
  eastCustomer = await insertCustomer(ts, 'East Co', w.ids.repA, w.teams.east);
  westCustomer = await insertCustomer(ts, 'West Co', w.ids.repC, w.teams.west);
});
afterAll(() => ts.close());

describe('pipelines', () => {
  it('starts with one default pipeline whose stages carry fixed win rates and terminal won/lost stages', () => {
    expect(pipeline.stages.map((s) => s.winRate)).toEqual([10, 30, 50, 80, 100, 0]);
    expect(pipeline.stages.slice(-2).map((s) => s.kind)).toEqual(['won', 'lost']);
  });

  it('lets a supervisor create a pipeline and change a stage rate, and audits it', async () => {
    const res = await w.as.boss.post('/api/pipelines', { name: 'Projects', stages: [{ name: 'Lead', winRate: 5 }, { name: 'Won', winRate: 100, kind: 'won' }] });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    const upd = await w.as.boss.patch(`/api/pipelines/${p.id}/stages/${p.stages[0].id}`, { winRate: 15 });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().stages[0].winRate).toBe(15);
    const added = await w.as.admin.post(`/api/pipelines/${p.id}/stages`, { name: 'Lost', winRate: 0, kind: 'lost' });
    expect(added.json().stages).toHaveLength(3);
    expect((await ts.app.pg`select count(*)::int as n from audit_log where action like 'pipeline.%'`)[0]!.n).toBe(3);
  });

  it('refuses sales reps and agents (403), bad rates (400 per field) and unknown stages (404)', async () => {
    const before = await count(ts, 'pipelines');
    expect((await w.as.repA.post('/api/pipelines', { name: 'X', stages: [{ name: 'a', winRate: 1 }] })).statusCode).toBe(403);
    expect((await w.as.agent.patch(`/api/pipelines/${pipeline.id}`, { name: 'Y' })).statusCode).toBe(403);
    const bad = await w.as.boss.post('/api/pipelines', { name: '', stages: [{ name: 'a', winRate: 101 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['name', 'stages/0/winRate']));
    expect(await count(ts, 'pipelines')).toBe(before);
    const missing = await w.as.boss.patch(`/api/pipelines/${pipeline.id}/stages/00000000-0000-4000-8000-000000000000`, { winRate: 1 });
    expect(missing.statusCode).toBe(404);
  });
});

describe('opportunities', () => {
  let oppId: string;
  let version: number;

  it('creates an opportunity in the first stage, CNY by default, owned by the creator, with a first history row', async () => {
    const contactId = await insertContact(ts, eastCustomer, 'Li Lei', w.ids.repA, w.teams.east);
    const res = await w.as.repA.post('/api/opportunities', { name: 'ERP deal', customerId: eastCustomer, contactId, amountCents: 1_234_500, expectedCloseDate: '2027-05-01', custom: {} });
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({ stageId: pipeline.stages[0]!.id, winRate: 10, weightedCents: 123_450, currency: 'CNY', ownerId: w.ids.repA, teamId: w.teams.east, status: 'open', customerName: 'East Co', version: 1 });
    oppId = o.id;
    version = o.version;
    const detail = (await w.as.repA.get(`/api/opportunities/${oppId}`)).json();
    expect(detail.history).toEqual([expect.objectContaining({ fromStageId: null, toStageId: pipeline.stages[0]!.id, amountCents: 1_234_500, winRate: 10, changedBy: w.ids.repA })]);
  });

  it('records every kanban move in the stage history with who, when, amount and rate', async () => {
    const m1 = await w.as.repA.patch(`/api/opportunities/${oppId}/stage`, { stageId: pipeline.stages[2]!.id, version });
    expect(m1.statusCode).toBe(200);
    version = m1.json().version;
    const upd = await w.as.repA.patch(`/api/opportunities/${oppId}`, { amountCents: 2_000_000, version });
    expect(upd.statusCode).toBe(200);
    version = upd.json().version;
    const won = await w.as.boss.patch(`/api/opportunities/${oppId}/stage`, { stageId: pipeline.stages[4]!.id, version });
    expect(won.json()).toMatchObject({ status: 'won', weightedCents: 2_000_000 });
    expect(won.json().closedAt).not.toBeNull();
    version = won.json().version;
    const h = (await w.as.repA.get(`/api/opportunities/${oppId}`)).json().history;
    expect(h.map((x: { winRate: number; amountCents: number; changedByName: string }) => [x.winRate, x.amountCents, x.changedByName])).toEqual([
      [10, 1_234_500, 'Rep A'],
      [50, 1_234_500, 'Rep A'],
      [100, 2_000_000, 'Boss'],
    ]);
    expect(h[1].fromStageName).toBe(pipeline.stages[0]!.name);
  });

  it('answers a stale kanban move with 409 RS_CONFLICT and writes nothing', async () => {
    const historyBefore = await count(ts, 'opportunity_stage_history');
    const stale = await w.as.repA.patch(`/api/opportunities/${oppId}/stage`, { stageId: pipeline.stages[1]!.id, version: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('RS_CONFLICT');
    expect(await count(ts, 'opportunity_stage_history')).toBe(historyBefore);
    expect((await w.as.repA.get(`/api/opportunities/${oppId}`)).json().opportunity.status).toBe('won');
    const staleEdit = await w.as.repA.patch(`/api/opportunities/${oppId}`, { name: 'x', version: 1 });
    expect(staleEdit.statusCode).toBe(409);
  });

  it('hides records outside the scope (404) and lets the manager see the team', async () => {
    expect((await w.as.repC.get(`/api/opportunities/${oppId}`)).statusCode).toBe(404);
    expect((await w.as.repC.patch(`/api/opportunities/${oppId}/stage`, { stageId: pipeline.stages[1]!.id, version })).statusCode).toBe(404);
    expect((await w.as.repB.patch(`/api/opportunities/${oppId}`, { name: 'hijack' })).statusCode).toBe(404);
    expect((await w.as.boss.get(`/api/opportunities/${oppId}`)).statusCode).toBe(200);
    const list = (await w.as.repC.get('/api/opportunities')).json();
    expect(list.items.map((o: { id: string }) => o.id)).not.toContain(oppId);
    expect((await w.as.boss.get(`/api/opportunities?customerId=${eastCustomer}&status=won`)).json().total).toBe(1);
  });

  it('refuses agents (403), invisible customers and bad input (400 per field) without writing', async () => {
    const before = await count(ts, 'opportunities');
    expect((await w.as.agent.get('/api/opportunities')).statusCode).toBe(403);
    expect((await w.as.agent.post('/api/opportunities', { name: 'x', customerId: eastCustomer })).statusCode).toBe(403);
    const hidden = await w.as.repA.post('/api/opportunities', { name: 'x', customerId: westCustomer });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().details).toEqual([{ path: 'customerId', message: expect.any(String) }]);
    const bad = await w.as.repA.post('/api/opportunities', { name: '', customerId: eastCustomer, amountCents: 1.5, currency: 'rmb', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['name', 'amountCents', 'currency']));
    const wrongStage = await w.as.repA.post('/api/opportunities', { name: 'x', customerId: eastCustomer, stageId: '00000000-0000-4000-8000-000000000000' });
    expect(wrongStage.json().details[0].path).toBe('stageId');
    const cf = await w.as.repA.post('/api/opportunities', { name: 'x', customerId: eastCustomer, custom: { nope: 1 } });
    expect(cf.json().details).toEqual([{ path: 'custom.nope', message: expect.any(String) }]);
    expect((await w.as.repA.post('/api/opportunities', { name: 'x', customerId: eastCustomer, ownerId: w.ids.repB })).statusCode).toBe(403);
    expect(await count(ts, 'opportunities')).toBe(before);
  });

  it('lets a manager assign an opportunity to a rep, whose team follows', async () => {
    const res = await w.as.boss.post('/api/opportunities', { name: 'Assigned', customerId: eastCustomer, ownerId: w.ids.repB });
    expect(res.json()).toMatchObject({ ownerId: w.ids.repB, teamId: w.teams.east, ownerName: 'Rep B' });
  });
});

describe('pipeline settings', () => {
  it('makes another pipeline the default and deactivates it again; an unknown pipeline is 404', async () => {
    const created = (await w.as.admin.post('/api/pipelines', { name: 'Renewals', isDefault: true, stages: [{ name: 'Due', winRate: 60 }] })).json();
    const all = (await w.as.repA.get('/api/pipelines')).json().items;
    expect(all.filter((p: { isDefault: boolean }) => p.isDefault).map((p: { id: string }) => p.id)).toEqual([created.id]);
    const off = await w.as.boss.patch(`/api/pipelines/${created.id}`, { isDefault: false, active: false });
    expect(off.json()).toMatchObject({ isDefault: false, active: false });
    expect((await w.as.boss.patch('/api/pipelines/00000000-0000-4000-8000-000000000000', { name: 'x' })).statusCode).toBe(404);
    expect((await w.as.boss.patch(`/api/pipelines/${created.id}`, {})).statusCode).toBe(400);
  });

  it('refuses a kanban move by an agent (403) and a move into another pipeline\'s stage (400)', async () => {
    const o = (await w.as.repA.post('/api/opportunities', { name: 'Mover', customerId: eastCustomer })).json();
    expect((await w.as.agent.patch(`/api/opportunities/${o.id}/stage`, { stageId: pipeline.stages[1]!.id, version: o.version })).statusCode).toBe(403);
    const other = (await w.as.repA.get('/api/pipelines')).json().items.find((p: { id: string }) => p.id !== pipeline.id);
    const res = await w.as.repA.patch(`/api/opportunities/${o.id}/stage`, { stageId: other.stages[0].id, version: o.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('stageId');
    expect((await w.as.repA.patch(`/api/opportunities/${o.id}/stage`, { stageId: 'nope', version: 0 })).json().details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['stageId', 'version']),
    );
  });
});
