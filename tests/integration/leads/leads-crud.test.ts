import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertTeam } from '../../../server/src/modules/users/repository.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { count, signIn, type Client } from './support.ts';

let ts: TestServer;
let rep: Client;
let peer: Client;
let boss: Client;
let agent: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  const team = await upsertTeam(ts.app.db, { name: 'Sales East' });
  ids.boss = await ts.createUser({ username: 'boss', password: 'pw-boss-1', roles: ['supervisor'], teamId: team });
  ids.rep = await ts.createUser({ username: 'rep', password: 'pw-rep-1', roles: ['sales'], teamId: team, managerId: ids.boss });
  ids.peer = await ts.createUser({ username: 'peer', password: 'pw-peer-1', roles: ['sales'], teamId: team });
  ids.agent = await ts.createUser({ username: 'agent', password: 'pw-agent-1', roles: ['agent'] });
  [rep, peer, boss, agent] = await Promise.all([signIn(ts, 'rep', 'pw-rep-1'), signIn(ts, 'peer', 'pw-peer-1'), signIn(ts, 'boss', 'pw-boss-1'), signIn(ts, 'agent', 'pw-agent-1')]);
});
afterAll(() => ts.close());

describe('manual leads', () => {
  it('creates a lead owned by the creator, with phones normalised to E.164 and an audit row', async () => {
    const res = await rep.call('POST', '/api/leads', { name: '张伟', company: '星辰科技', email: 'zw@example.cn', phones: ['138 0013 8000', '010-6552 9988'], notes: '<b>hi</b>' });
    expect(res.statusCode).toBe(201);
    const lead = res.json();
    ids.lead = lead.id;
    expect(lead).toMatchObject({ name: '张伟', source: 'manual', status: 'new', ownerId: ids.rep, notes: '<b>hi</b>' });
    expect(lead.phones.map((p: { e164: string }) => p.e164)).toEqual(['+8613800138000', '+861065529988']);
    expect(await count(ts, 'audit_log', `action = 'lead.create' and entity_id = '${lead.id}'`)).toBe(1);
  });

  it('rejects bad input with per-field details and writes nothing', async () => {
    const before = await count(ts, 'leads');
    const res = await rep.call('POST', '/api/leads', { name: '', email: 'nope', phones: ['12'], extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('RS_VALIDATION');
    const bad = await rep.call('POST', '/api/leads', { name: 'X', phones: ['12'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ path: 'phones/0', message: expect.any(String) }]);
    expect(await count(ts, 'leads')).toBe(before);
  });

  it('edits a lead the user owns; a peer gets 404 for it, the manager sees it', async () => {
    const res = await rep.call('PATCH', `/api/leads/${ids.lead}`, { status: 'contacted', title: '总监' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'contacted', title: '总监' });
    expect((await peer.call('GET', `/api/leads/${ids.lead}`)).statusCode).toBe(404);
    expect((await peer.call('PATCH', `/api/leads/${ids.lead}`, { title: 'x' })).statusCode).toBe(404);
    expect((await boss.call('GET', `/api/leads/${ids.lead}`)).statusCode).toBe(200);
  });

  it('lists with filters and pagination, only within scope', async () => {
    await rep.call('POST', '/api/leads', { name: 'Web One', source: 'website' });
    await rep.call('POST', '/api/leads', { name: 'Web Two', source: 'website' });
    await peer.call('POST', '/api/leads', { name: 'Peer Lead' });
    const page = await rep.call('GET', '/api/leads?source=website&pageSize=1&page=2');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.json().items).toHaveLength(1);
    const all = await rep.call('GET', '/api/leads?pageSize=50');
    expect(all.json().items.map((l: { name: string }) => l.name)).not.toContain('Peer Lead');
    const q = await boss.call('GET', `/api/leads?q=${encodeURIComponent('星辰')}&status=contacted`);
    expect(q.json().items.map((l: { id: string }) => l.id)).toEqual([ids.lead]);
  });

  it('lets a supervisor assign a lead; a sales rep may not (403)', async () => {
    expect((await rep.call('POST', `/api/leads/${ids.lead}/assign`, { ownerId: ids.peer })).statusCode).toBe(403);
    const res = await boss.call('POST', `/api/leads/${ids.lead}/assign`, { ownerId: ids.peer });
    expect(res.statusCode).toBe(200);
    expect(res.json().ownerId).toBe(ids.peer);
    expect((await peer.call('GET', `/api/leads/${ids.lead}`)).statusCode).toBe(200);
    expect(await count(ts, 'audit_log', `action = 'lead.assign'`)).toBe(1);
  });

  it('shows the lead timeline from activities', async () => {
    await ts.app.pg`insert into activities (kind, subject, lead_id, owner_id) values ('call', 'first call', ${ids.lead!}, ${ids.peer!})`;
    const res = await peer.call('GET', `/api/leads/${ids.lead}/activities`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((a: { subject: string }) => a.subject)).toEqual(['first call']);
    expect((await agent.call('GET', `/api/leads/${ids.lead}/activities`)).statusCode).toBe(404);
  });

  it('refuses unauthenticated access', async () => {
    expect((await ts.app.inject({ method: 'GET', url: '/api/leads' })).statusCode).toBe(401);
  });
});
