import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { castOf, type Cast } from './fixtures.ts';
import { auditCount } from './session.ts';

let ts: TestServer;
let cast: Cast;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function make(name: string, extra: Record<string, unknown> = {}, who: keyof Cast['as'] = 'rep'): Promise<string> {
  const res = await cast.as[who].call('POST', '/api/customers', { name, ...extra });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  cast = await castOf(ts);
  await cast.as.admin.call('POST', '/api/custom-fields', { entityType: 'customer', key: 'tier', label: '档', type: 'text' });
  const soon = await make('下周联系', { level: 'A', industry: '制造', nextContactAt: new Date(Date.now() + 2 * DAY).toISOString(), custom: { tier: 'gold' } });
  const recent = await make('最近联系过', { level: 'B', industry: '制造' });
  const stale = await make('很久没联系', { level: 'A' });
  await make('=HYPERLINK("http://evil")', { level: 'C' });
  await make('别组客户', {}, 'other');
  // Time control: recency columns set relative to now, as activities would have left them.
  await ts.app.pg`update customers set last_contact_at = ${ago(2)} where id = ${recent}`;
  await ts.app.pg`update customers set last_contact_at = ${ago(30)} where id = ${stale}`;
  await ts.app.pg`update customers set last_contact_at = ${ago(10)}, next_contact_at = ${ago(-9)} where id = ${soon}`;
});
afterAll(() => ts.close());

const names = async (query: string, who: keyof Cast['as'] = 'rep') => {
  const res = await cast.as[who].call('GET', `/api/customers?${query}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().items.map((c: { name: string }) => c.name).sort();
};

describe('customer list', () => {
  it('lists only the scope, with filters by name, level, industry and custom field', async () => {
    expect(await names('')).toHaveLength(4);
    expect(await names('name=联系')).toEqual(['下周联系', '很久没联系', '最近联系过']);
    expect(await names('level=A&industry=制造')).toEqual(['下周联系']);
    expect(await names(`custom=${encodeURIComponent('{"tier":"gold"}')}`)).toEqual(['下周联系']);
    expect(await names('', 'admin')).toHaveLength(5);
    expect((await cast.as.rep.call('GET', '/api/customers?custom=notjson')).json().details[0].path).toBe('custom');
  });

  it('offers the three recency views', async () => {
    await ts.app.pg`update customers set next_contact_at = ${ago(-3)} where name = '下周联系'`;
    expect(await names('view=next7')).toEqual(['下周联系']);
    expect(await names('view=contacted7')).toEqual(['最近联系过']);
    expect(await names('view=notContacted7')).toEqual(['=HYPERLINK("http://evil")', '下周联系', '很久没联系']);
  });

  it('paginates and sorts', async () => {
    const res = (await cast.as.rep.call('GET', '/api/customers?sort=name&page=2&pageSize=3')).json();
    expect(res).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(res.items).toHaveLength(1);
    expect((await cast.as.rep.call('GET', '/api/customers?sort=bogus')).statusCode).toBe(400);
    expect((await cast.as.rep.call('GET', '/api/customers?pageSize=1000')).statusCode).toBe(400);
  });

  it('exports the scoped list as CSV with formula injection neutralised', async () => {
    const res = await cast.as.rep.call('GET', '/api/customers/export.csv?level=C');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const all = await cast.as.rep.call('GET', '/api/customers/export.csv');
    expect(all.body).not.toContain('别组客户');
  });
});

describe('saved queries', () => {
  it('keeps each user’s queries private', async () => {
    const created = await cast.as.rep.call('POST', '/api/saved-queries', { entityType: 'customer', name: '我的A类', filter: { level: 'A' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await cast.as.rep.call('GET', '/api/saved-queries?entityType=customer')).json().items).toHaveLength(1);
    expect((await cast.as.peer.call('GET', '/api/saved-queries')).json().items).toHaveLength(0);
    expect((await cast.as.peer.call('PATCH', `/api/saved-queries/${id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await cast.as.peer.call('DELETE', `/api/saved-queries/${id}`)).statusCode).toBe(404);
    expect((await cast.as.rep.call('PATCH', `/api/saved-queries/${id}`, { name: '重要' })).json().name).toBe('重要');
    expect((await cast.as.rep.call('POST', '/api/saved-queries', { entityType: 'planet', name: '', filter: {} })).json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['entityType', 'name']));
    expect((await cast.as.rep.call('DELETE', `/api/saved-queries/${id}`)).statusCode).toBe(204);
  });
});

describe('sharing and transfer', () => {
  it('shares with a user read-only, then editable, and unshares, all audited', async () => {
    const id = await make('共享客户');
    expect((await cast.as.other.call('GET', `/api/customers/${id}`)).statusCode).toBe(404);
    const share = await cast.as.rep.call('POST', `/api/customers/${id}/shares`, { userId: cast.ids.other });
    expect(share.statusCode).toBe(201);
    expect((await cast.as.other.call('GET', `/api/customers/${id}`)).statusCode).toBe(200);
    expect((await cast.as.other.call('PATCH', `/api/customers/${id}`, { level: 'B' })).statusCode).toBe(404);
    await cast.as.rep.call('POST', `/api/customers/${id}/shares`, { userId: cast.ids.other, canEdit: true });
    expect((await cast.as.other.call('PATCH', `/api/customers/${id}`, { level: 'B' })).statusCode).toBe(200);
    const list = (await cast.as.rep.call('GET', `/api/customers/${id}/shares`)).json().items;
    expect(list).toEqual([expect.objectContaining({ userId: cast.ids.other, canEdit: true })]);
    // A user who only has it shared may not re-share or transfer it.
    expect((await cast.as.other.call('POST', `/api/customers/${id}/shares`, { userId: cast.ids.peer })).statusCode).toBe(403);
    expect((await cast.as.other.call('POST', `/api/customers/${id}/transfer`, { ownerId: cast.ids.other })).statusCode).toBe(403);
    expect((await cast.as.rep.call('DELETE', `/api/customers/${id}/shares/${list[0].id}`)).statusCode).toBe(204);
    expect((await cast.as.other.call('GET', `/api/customers/${id}`)).statusCode).toBe(404);
    expect(await auditCount(ts, 'customer.share', id)).toBe(2);
    expect(await auditCount(ts, 'customer.unshare', id)).toBe(1);
  });

  it('shares with a whole team and validates the target', async () => {
    const id = await make('团队共享', {}, 'other');
    expect((await cast.as.other.call('POST', `/api/customers/${id}/shares`, { teamId: cast.teams.east })).statusCode).toBe(201);
    expect((await cast.as.peer.call('GET', `/api/customers/${id}`)).statusCode).toBe(200);
    const both = await cast.as.other.call('POST', `/api/customers/${id}/shares`, { teamId: cast.teams.east, userId: cast.ids.rep });
    expect(both.statusCode).toBe(400);
    expect((await cast.as.other.call('POST', `/api/customers/${id}/shares`, { userId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    expect((await cast.as.rep.call('GET', `/api/customers/00000000-0000-4000-8000-000000000000/shares`)).statusCode).toBe(404);
  });

  it('lets the owner’s manager transfer a customer with its contacts to another team', async () => {
    const id = await make('转移客户');
    const contact = (await cast.as.rep.call('POST', `/api/customers/${id}/contacts`, { name: '跟着走' })).json();
    expect((await cast.as.peer.call('POST', `/api/customers/${id}/transfer`, { ownerId: cast.ids.peer })).statusCode).toBe(404);
    expect((await cast.as.boss.call('POST', `/api/customers/${id}/transfer`, { ownerId: cast.ids.other })).statusCode).toBe(204);
    const seen = await cast.as.other.call('GET', `/api/customers/${id}`);
    expect(seen.json()).toMatchObject({ ownerId: cast.ids.other, teamId: cast.teams.west });
    expect((await cast.as.other.call('GET', `/api/contacts/${contact.id}`)).json().ownerId).toBe(cast.ids.other);
    expect((await cast.as.rep.call('GET', `/api/customers/${id}`)).statusCode).toBe(404);
    expect(await auditCount(ts, 'customer.transfer', id)).toBe(1);
    expect((await cast.as.other.call('POST', `/api/customers/${id}/transfer`, { ownerId: 'x' })).statusCode).toBe(400);
  });
});
