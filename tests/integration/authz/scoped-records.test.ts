// Own / team / other for every owned record type, through the real routes: the owner and the owner's
// team manager may read and edit; a rep of another team gets 404 (existence is not revealed); admin sees all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTeamManager, upsertTeam } from '../../../server/src/modules/users/repository.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

let ts: TestServer;
const cookie: Record<string, string> = {};
const ids: Record<string, string> = {};

async function login(username: string): Promise<string> {
  const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: `pw-${username}-1` } });
  return String(res.headers['set-cookie']).split(';')[0]!;
}

async function as(user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return ts.app.inject({ method, url, headers: { cookie: cookie[user]! }, ...(payload ? { payload } : {}) });
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  const east = await upsertTeam(ts.app.db, { name: 'East' });
  const west = await upsertTeam(ts.app.db, { name: 'West' });
  const lead = await ts.createUser({ username: 'lead', password: 'pw-lead-1', roles: ['supervisor'], teamId: east });
  await setTeamManager(ts.app.db, east, lead);
  await ts.createUser({ username: 'rep', password: 'pw-rep-1', roles: ['sales'], teamId: east, managerId: lead });
  await ts.createUser({ username: 'peer', password: 'pw-peer-1', roles: ['sales'], teamId: west });
  await ts.createUser({ username: 'boss', password: 'pw-boss-1', roles: ['admin'] });
  for (const u of ['lead', 'rep', 'peer', 'boss']) cookie[u] = await login(u);

  const customer = await as('rep', 'POST', '/api/customers', { name: '上海测试有限公司' });
  expect(customer.statusCode).toBe(201);
  ids.customer = customer.json().id ?? customer.json().customer?.id;
  const created = {
    lead: await as('rep', 'POST', '/api/leads', { name: '赵先生' }),
    opportunity: await as('rep', 'POST', '/api/opportunities', { name: '年度采购', customerId: ids.customer }),
    activity: await as('rep', 'POST', '/api/activities', { kind: 'note', subject: '拜访纪要', customerId: ids.customer }),
    service: await as('rep', 'POST', '/api/service-requests', { title: '设备报修', customerId: ids.customer }),
  };
  for (const [k, res] of Object.entries(created)) {
    expect(res.statusCode, `${k}: ${res.body}`).toBeLessThan(300);
    const body = res.json();
    ids[k] = body.id ?? body[k]?.id ?? body.lead?.id ?? body.opportunity?.id ?? body.activity?.id ?? body.serviceRequest?.id ?? body.request?.id;
    expect(String(ids[k]), `${k} id in ${res.body.slice(0, 300)}`).toMatch(/^[0-9a-f-]{36}$/);
  }
});
afterAll(() => ts.close());

const routes = () => [
  { name: 'customer', read: `/api/customers/${ids.customer}`, edit: `/api/customers/${ids.customer}`, patch: { industry: '制造' } },
  { name: 'customer 360', read: `/api/customers/${ids.customer}/360` },
  { name: 'lead', read: `/api/leads/${ids.lead}`, edit: `/api/leads/${ids.lead}`, patch: { title: '经理' } },
  { name: 'opportunity', read: `/api/opportunities/${ids.opportunity}`, edit: `/api/opportunities/${ids.opportunity}`, patch: { description: '更新' } },
  { name: 'activity', read: `/api/activities/${ids.activity}`, edit: `/api/activities/${ids.activity}`, patch: { subject: '拜访纪要（改）' } },
  { name: 'service request', read: `/api/service-requests/${ids.service}`, edit: `/api/service-requests/${ids.service}`, patch: { priority: 'high' } },
];

describe('owned records', () => {
  it('the owner reads and edits every record type', async () => {
    for (const r of routes()) {
      expect((await as('rep', 'GET', r.read)).statusCode, r.name).toBe(200);
      if (r.edit) expect((await as('rep', 'PATCH', r.edit, r.patch)).statusCode, r.name).toBe(200);
    }
  });

  it('the manager of the owner’s team reads and edits them', async () => {
    for (const r of routes()) {
      expect((await as('lead', 'GET', r.read)).statusCode, r.name).toBe(200);
      if (r.edit) expect((await as('lead', 'PATCH', r.edit, r.patch)).statusCode, r.name).toBe(200);
    }
  });

  it('a rep of another team gets 404 for reads and edits, and nothing changes', async () => {
    for (const r of routes()) {
      expect((await as('peer', 'GET', r.read)).statusCode, r.name).toBe(404);
      if (r.edit) expect((await as('peer', 'PATCH', r.edit, r.patch)).statusCode, r.name).toBe(404);
    }
    const list = await as('peer', 'GET', '/api/customers');
    expect(JSON.stringify(list.json())).not.toContain(ids.customer);
  });

  it('an admin reads everything', async () => {
    for (const r of routes()) expect((await as('boss', 'GET', r.read)).statusCode, r.name).toBe(200);
  });

  it('sharing the customer with the other rep makes it readable for them', async () => {
    const peerId = (await as('peer', 'GET', '/api/auth/me')).json().user.id;
    const share = await as('rep', 'POST', `/api/customers/${ids.customer}/shares`, { userId: peerId, canEdit: false });
    expect(share.statusCode, share.body).toBeLessThan(300);
    expect((await as('peer', 'GET', `/api/customers/${ids.customer}`)).statusCode).toBe(200);
    expect((await as('peer', 'PATCH', `/api/customers/${ids.customer}`, { industry: 'x' })).statusCode).toBe(404);
  });
});
