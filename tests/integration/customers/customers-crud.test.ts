import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { castOf, type Cast } from './fixtures.ts';
import { auditCount } from './session.ts';

let ts: TestServer;
let cast: Cast;

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  cast = await castOf(ts);
  await cast.as.admin.call('POST', '/api/custom-fields', { entityType: 'customer', key: 'tier', label: '等级', type: 'dropdown', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] });
});
afterAll(() => ts.close());

const company = (extra: Record<string, unknown> = {}) => ({
  name: '深圳华为技术有限公司',
  industry: '通信',
  level: 'A',
  emails: ['Sales@Huawei.example'],
  addresses: [{ city: '深圳', street: '坂田' }],
  phones: [{ number: '010-6552 9988' }, { number: '+86 138-0013-8000', kind: 'mobile' }],
  ...extra,
});

describe('customers CRUD', () => {
  it('creates a customer owned by the creator, normalises phones and e-mails, audits it', async () => {
    const res = await cast.as.rep.call('POST', '/api/customers', company({ custom: { tier: 'a' } }));
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ name: '深圳华为技术有限公司', ownerId: cast.ids.rep, ownerName: '李销售', teamId: cast.teams.east, emails: ['sales@huawei.example'], custom: { tier: 'a' } });
    expect(c.phones.map((p: { e164: string }) => p.e164)).toEqual(['+861065529988', '+8613800138000']);
    expect(c.phones[0].isPrimary).toBe(true);
    expect(await auditCount(ts, 'customer.create', c.id)).toBe(1);
    const idx = await ts.app.pg`select e164, customer_id from phone_numbers where party_id = ${c.id}`;
    expect(idx.every((r) => r.customer_id === c.id)).toBe(true);
  });

  it('rejects bad input with per-field details and writes nothing', async () => {
    const before = await ts.app.pg`select count(*)::int as n from customers`;
    const res = await cast.as.rep.call('POST', '/api/customers', company({ name: '', emails: ['nope'], phones: [{ number: '12' }, { number: '13800138000' }, { number: 'call me' }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['name', 'emails/0']));
    const phones = await cast.as.rep.call('POST', '/api/customers', company({ phones: [{ number: '12' }, { number: '13800138000' }, { number: 'call me' }] }));
    expect(phones.json().details).toEqual([
      { path: 'phones/0/number', message: expect.any(String) },
      { path: 'phones/2/number', message: expect.any(String) },
    ]);
    const custom = await cast.as.rep.call('POST', '/api/customers', company({ custom: { tier: 'z', nope: 1 } }));
    expect(custom.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['custom.nope', 'custom.tier']);
    const extra = await cast.as.rep.call('POST', '/api/customers', company({ hacker: true }));
    expect(extra.statusCode).toBe(400);
    const after = await ts.app.pg`select count(*)::int as n from customers`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('stores HTML in names as text', async () => {
    const res = await cast.as.rep.call('POST', '/api/customers', { name: '<img src=x onerror=alert(1)>' });
    expect(res.json().name).toBe('<img src=x onerror=alert(1)>');
  });

  it('reads, updates (merging custom values, replacing phones) and soft-deletes', async () => {
    const c = (await cast.as.rep.call('POST', '/api/customers', company({ name: '更新测试' }))).json();
    const upd = await cast.as.rep.call('PATCH', `/api/customers/${c.id}`, { level: 'B', phones: [{ number: '0755-2878 0808' }], custom: { tier: 'b' } });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ level: 'B', custom: { tier: 'b' }, phones: [{ e164: '+8675528780808' }] });
    expect((await cast.as.rep.call('GET', `/api/customers/${c.id}`)).json().level).toBe('B');
    expect(await auditCount(ts, 'customer.update', c.id)).toBe(1);
    expect((await cast.as.agent.call('DELETE', `/api/customers/${c.id}`)).statusCode).toBe(403);
    expect((await cast.as.rep.call('DELETE', `/api/customers/${c.id}`)).statusCode).toBe(204);
    expect((await cast.as.rep.call('GET', `/api/customers/${c.id}`)).statusCode).toBe(404);
    expect((await ts.app.pg`select count(*)::int as n from phone_numbers where party_id = ${c.id}`)[0]!.n).toBe(0);
    expect(await auditCount(ts, 'customer.delete', c.id)).toBe(1);
  });

  it('answers 404 for customers outside the scope, for reads and writes alike', async () => {
    const c = (await cast.as.other.call('POST', '/api/customers', { name: '西区客户' })).json();
    for (const who of ['rep', 'peer', 'boss', 'agent'] as const) {
      expect((await cast.as[who].call('GET', `/api/customers/${c.id}`)).statusCode).toBe(404);
      expect((await cast.as[who].call('PATCH', `/api/customers/${c.id}`, { level: 'C' })).statusCode).toBe(404);
    }
    expect((await cast.as.admin.call('GET', `/api/customers/${c.id}`)).statusCode).toBe(200);
  });

  it('lets a manager see and edit a subordinate’s customer, but not a peer', async () => {
    const c = (await cast.as.rep.call('POST', '/api/customers', { name: '经理可见' })).json();
    expect((await cast.as.boss.call('PATCH', `/api/customers/${c.id}`, { level: 'C' })).statusCode).toBe(200);
    expect((await cast.as.peer.call('GET', `/api/customers/${c.id}`)).statusCode).toBe(404);
  });

  it('allows creating on behalf of a subordinate only for managers', async () => {
    const byBoss = await cast.as.boss.call('POST', '/api/customers', { name: '代建', ownerId: cast.ids.rep });
    expect(byBoss.json().ownerId).toBe(cast.ids.rep);
    const byRep = await cast.as.rep.call('POST', '/api/customers', { name: '代建2', ownerId: cast.ids.peer });
    expect(byRep.statusCode).toBe(400);
    expect(byRep.json().details[0].path).toBe('ownerId');
  });
});

describe('customer relations', () => {
  it('links two customers, lists both directions, rejects self links and duplicates, removes', async () => {
    const a = (await cast.as.rep.call('POST', '/api/customers', { name: '上游甲' })).json();
    const b = (await cast.as.rep.call('POST', '/api/customers', { name: '下游乙' })).json();
    const rel = await cast.as.rep.call('POST', `/api/customers/${a.id}/relations`, { toCustomerId: b.id, kind: 'downstream' });
    expect(rel.statusCode).toBe(201);
    expect(rel.json()).toMatchObject({ otherName: '下游乙', direction: 'out', kind: 'downstream' });
    const fromB = (await cast.as.rep.call('GET', `/api/customers/${b.id}/relations`)).json().items;
    expect(fromB).toEqual([expect.objectContaining({ otherName: '上游甲', direction: 'in' })]);
    expect((await cast.as.rep.call('POST', `/api/customers/${a.id}/relations`, { toCustomerId: b.id, kind: 'downstream' })).statusCode).toBe(409);
    expect((await cast.as.rep.call('POST', `/api/customers/${a.id}/relations`, { toCustomerId: a.id, kind: 'partner' })).statusCode).toBe(400);
    expect((await cast.as.rep.call('POST', `/api/customers/${a.id}/relations`, { toCustomerId: b.id, kind: 'cousin' })).statusCode).toBe(400);
    expect((await cast.as.other.call('GET', `/api/customers/${a.id}/relations`)).statusCode).toBe(404);
    expect((await cast.as.rep.call('DELETE', `/api/customers/${a.id}/relations/${rel.json().id}`)).statusCode).toBe(204);
    expect(await auditCount(ts, 'customer.relation_remove', a.id)).toBe(1);
  });
});

describe('contacts', () => {
  it('creates contacts under a customer with reports-to, refusing loops and foreign managers', async () => {
    const c = (await cast.as.rep.call('POST', '/api/customers', { name: '联系人公司' })).json();
    const ceo = (await cast.as.rep.call('POST', `/api/customers/${c.id}/contacts`, { name: '张总', phones: [{ number: '0086 139 0013 9000' }] })).json();
    expect(ceo.phones[0].e164).toBe('+8613900139000');
    const cto = await cast.as.rep.call('POST', `/api/customers/${c.id}/contacts`, { name: '王工', reportsToContactId: ceo.id, emails: ['Wang@X.example'] });
    expect(cto.statusCode).toBe(201);
    expect(cto.json()).toMatchObject({ reportsToContactId: ceo.id, emails: ['wang@x.example'], ownerId: cast.ids.rep });
    const loop = await cast.as.rep.call('PATCH', `/api/contacts/${ceo.id}`, { reportsToContactId: cto.json().id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().details[0].path).toBe('reportsToContactId');
    expect((await cast.as.rep.call('PATCH', `/api/contacts/${ceo.id}`, { reportsToContactId: ceo.id })).statusCode).toBe(400);
    const d = (await cast.as.rep.call('POST', '/api/customers', { name: '别家' })).json();
    const stranger = (await cast.as.rep.call('POST', `/api/customers/${d.id}/contacts`, { name: '外人' })).json();
    expect((await cast.as.rep.call('PATCH', `/api/contacts/${ceo.id}`, { reportsToContactId: stranger.id })).statusCode).toBe(400);
    const list = (await cast.as.rep.call('GET', `/api/customers/${c.id}/contacts`)).json().items;
    expect(list.map((x: { name: string }) => x.name).sort()).toEqual(['张总', '王工']);
    expect(await auditCount(ts, 'contact.create')).toBeGreaterThanOrEqual(3);
  });

  it('hides contacts of invisible customers and lets only non-agents delete', async () => {
    const c = (await cast.as.rep.call('POST', '/api/customers', { name: '隐私公司' })).json();
    const p = (await cast.as.rep.call('POST', `/api/customers/${c.id}/contacts`, { name: '赵六' })).json();
    expect((await cast.as.other.call('GET', `/api/contacts/${p.id}`)).statusCode).toBe(404);
    expect((await cast.as.other.call('GET', `/api/customers/${c.id}/contacts`)).statusCode).toBe(404);
    expect((await cast.as.other.call('POST', `/api/customers/${c.id}/contacts`, { name: 'x' })).statusCode).toBe(404);
    expect((await cast.as.rep.call('POST', `/api/customers/${c.id}/contacts`, { name: '' })).json().details[0].path).toBe('name');
    expect((await cast.as.agent.call('DELETE', `/api/contacts/${p.id}`)).statusCode).toBe(403);
    expect((await cast.as.rep.call('DELETE', `/api/contacts/${p.id}`)).statusCode).toBe(204);
    expect((await cast.as.rep.call('GET', `/api/contacts/${p.id}`)).statusCode).toBe(404);
  });
});
