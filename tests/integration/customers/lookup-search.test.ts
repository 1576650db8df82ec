import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupByNumber } from '../../../server/src/modules/search/phone-lookup.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { castOf, type Cast } from './fixtures.ts';

let ts: TestServer;
let cast: Cast;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  cast = await castOf(ts);
  const hw = (await cast.as.rep.call('POST', '/api/customers', { name: '深圳华为技术有限公司', phones: [{ number: '010-6552 9988' }], emails: ['info@huawei.example'] })).json();
  ids.hw = hw.id;
  const li = (await cast.as.rep.call('POST', `/api/customers/${hw.id}/contacts`, { name: '李雷', phones: [{ number: '13800138000' }], emails: ['lilei@huawei.example'] })).json();
  ids.li = li.id;
  ids.other = (await cast.as.other.call('POST', '/api/customers', { name: '华为西区代理', phones: [{ number: '021-5555 6666' }] })).json().id;
  const lead = await ts.app.pg`insert into leads (name, company, email, owner_id, team_id) values ('韩梅梅', '华为终端', 'mm@lead.example', ${cast.ids.rep}, ${cast.teams.east}) returning id`;
  ids.lead = lead[0]!.id as string;
  await ts.app.pg`insert into phone_numbers (e164, raw, party_type, party_id) values ('+8613700137000', '13700137000', 'lead', ${ids.lead})`;
});
afterAll(() => ts.close());

describe('phone lookup', () => {
  it.each(['+86 138-0013-8000', '13800138000', '0086 138 0013 8000', '+8613800138000'])('finds the same contact for %j', async (number) => {
    const res = await cast.as.rep.call('GET', `/api/phones/lookup?number=${encodeURIComponent(number)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ e164: '+8613800138000', matches: [{ partyType: 'contact', partyId: ids.li, name: '李雷', customerId: ids.hw, customerName: '深圳华为技术有限公司', e164: '+8613800138000' }] });
  });

  it('finds a company by its landline written with an area code', async () => {
    const res = await cast.as.rep.call('GET', `/api/phones/lookup?number=${encodeURIComponent('010-6552 9988')}`);
    expect(res.json().matches).toEqual([expect.objectContaining({ partyType: 'customer', partyId: ids.hw, name: '深圳华为技术有限公司' })]);
  });

  it('finds leads too', async () => {
    const res = await cast.as.rep.call('GET', '/api/phones/lookup?number=137 0013 7000');
    expect(res.json().matches).toEqual([expect.objectContaining({ partyType: 'lead', partyId: ids.lead, name: '韩梅梅', customerId: null })]);
  });

  it('stays within the scope: another team sees nothing, the system lookup sees everything', async () => {
    expect((await cast.as.other.call('GET', '/api/phones/lookup?number=13800138000')).json().matches).toEqual([]);
    expect((await lookupByNumber(ts.app.db, '+8613800138000')).map((m) => m.partyId)).toEqual([ids.li]);
    expect((await lookupByNumber(ts.app.db, '+862155556666')).map((m) => m.partyId)).toEqual([ids.other]);
  });

  it('requires a number and a session', async () => {
    expect((await cast.as.rep.call('GET', '/api/phones/lookup')).statusCode).toBe(400);
    expect((await ts.app.inject({ method: 'GET', url: '/api/phones/lookup?number=13800138000' })).statusCode).toBe(401);
  });
});

describe('search', () => {
  const search = async (who: keyof Cast['as'], q: string) => (await cast.as[who].call('GET', `/api/search?q=${encodeURIComponent(q)}`)).json();

  it('finds a Chinese company by a two-character name part', async () => {
    const r = await search('rep', '华为');
    expect(r.customers.map((c: { name: string }) => c.name)).toEqual(['深圳华为技术有限公司']);
    expect(r.leads.map((l: { name: string }) => l.name)).toEqual(['韩梅梅']);
  });

  it('finds by one character and by longer names, ranked exact first', async () => {
    expect((await search('rep', '李')).contacts.map((c: { name: string }) => c.name)).toEqual(['李雷']);
    expect((await search('rep', '华为技术有限')).customers).toHaveLength(1);
    expect((await search('admin', '华为')).customers.map((c: { name: string }) => c.name)).toEqual(['华为西区代理', '深圳华为技术有限公司']);
  });

  it('finds by phone in any format and by e-mail, saying what matched', async () => {
    const byPhone = await search('rep', '+86 138-0013-8000');
    expect(byPhone.contacts).toEqual([expect.objectContaining({ id: ids.li, matchedBy: 'phone', subtitle: '深圳华为技术有限公司' })]);
    expect((await search('rep', '010 65529988')).customers[0].id).toBe(ids.hw);
    expect((await search('rep', 'LiLei@Huawei.example')).contacts[0]).toMatchObject({ id: ids.li, matchedBy: 'email' });
    expect((await search('rep', 'info@huawei.example')).customers[0].id).toBe(ids.hw);
    expect((await search('rep', 'mm@lead.example')).leads[0].id).toBe(ids.lead);
  });

  it('finds a contact owned by someone else through the customer the user may see', async () => {
    await ts.app.pg`insert into contacts (customer_id, name, owner_id) values (${ids.hw!}, '欧阳外援', ${cast.ids.other})`;
    expect((await search('rep', '欧阳')).contacts.map((c: { name: string }) => c.name)).toEqual(['欧阳外援']);
    expect((await search('other', '欧阳')).contacts.map((c: { name: string }) => c.name)).toEqual(['欧阳外援']);
    expect((await search('peer', '欧阳')).contacts).toEqual([]);
  });

  it('never returns records outside the scope', async () => {
    expect((await search('rep', '华为')).customers.map((c: { id: string }) => c.id)).not.toContain(ids.other);
    expect(await search('other', '李雷')).toMatchObject({ customers: [], contacts: [], leads: [] });
  });

  it('treats LIKE wildcards literally and rejects an empty query', async () => {
    expect((await search('rep', '%')).customers).toEqual([]);
    expect((await cast.as.rep.call('GET', '/api/search?q=')).statusCode).toBe(400);
  });
});
