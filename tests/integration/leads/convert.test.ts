import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultPipeline } from '../../../server/src/modules/pipelines/repository.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { count, signIn, type Client } from './support.ts';

let ts: TestServer;
let admin: Client;
let rep: Client;
let peer: Client;
let agent: Client;
const ids: Record<string, string> = {};

async function defineField(entityType: string, key: string) {
  await ts.app.pg`insert into custom_field_definitions (entity_type, key, label, type) values (${entityType}, ${key}, ${key}, 'text')`;
}

async function newLead(c: Client, body: Record<string, unknown>): Promise<string> {
  const res = await c.call('POST', '/api/leads', body);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  await ensureDefaultPipeline(ts.app.db);
  ids.admin = await ts.createUser({ username: 'root', password: 'pw-root-1', roles: ['admin'] });
  ids.rep = await ts.createUser({ username: 'rep', password: 'pw-rep-1', roles: ['sales'] });
  ids.peer = await ts.createUser({ username: 'peer', password: 'pw-peer-1', roles: ['sales'] });
  await ts.createUser({ username: 'agent', password: 'pw-agent-1', roles: ['agent'] });
  [admin, rep, peer, agent] = await Promise.all([signIn(ts, 'root', 'pw-root-1'), signIn(ts, 'rep', 'pw-rep-1'), signIn(ts, 'peer', 'pw-peer-1'), signIn(ts, 'agent', 'pw-agent-1')]);
  await defineField('lead', 'budget');
  await defineField('lead', 'wechat');
  await defineField('customer', 'annual_budget');
  await defineField('contact', 'wechat_id');
  await defineField('opportunity', 'budget_note');
});
afterAll(() => ts.close());

describe('conversion mapping', () => {
  it('only an admin reads or replaces it; bad items are 400', async () => {
    const items = [
      { leadKey: 'budget', target: 'customer', targetKey: 'annual_budget' },
      { leadKey: 'wechat', target: 'contact', targetKey: 'wechat_id' },
      { leadKey: 'budget', target: 'opportunity', targetKey: 'budget_note' },
    ];
    expect((await rep.call('PUT', '/api/leads/conversion-mapping', { items })).statusCode).toBe(403);
    expect((await admin.call('PUT', '/api/leads/conversion-mapping', { items: [{ leadKey: 'a b', target: 'x', targetKey: 'y' }] })).statusCode).toBe(400);
    const res = await admin.call('PUT', '/api/leads/conversion-mapping', { items });
    expect(res.statusCode).toBe(200);
    expect((await admin.call('GET', '/api/leads/conversion-mapping')).json().items).toHaveLength(3);
  });
});

describe('lead conversion', () => {
  it('creates customer + contact + opportunity in one go, maps fields, copies phones, keeps links, audits', async () => {
    const leadId = await newLead(rep, {
      name: '张伟', company: '星辰科技', title: '总监', email: 'zw@xc.cn', address: '北京市朝阳区建国路 1 号', notes: '大客户',
      phones: ['13800138000', '010-6552 9988'], custom: { budget: '50万', wechat: 'zw_wx' },
    });
    await ts.app.pg`insert into activities (kind, subject, lead_id, owner_id) values ('call', 'intro call', ${leadId}, ${ids.rep!})`;
    const res = await rep.call('POST', `/api/leads/${leadId}/convert`, { createOpportunity: true, opportunityAmountCents: 500_000_00 });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const [customer] = await ts.app.pg`select * from customers where id = ${r.customerId}`;
    expect(customer).toMatchObject({ name: '星辰科技', kind: 'company', owner_id: ids.rep, custom: { annual_budget: '50万' }, addresses: [{ street: '北京市朝阳区建国路 1 号' }] });
    const [contact] = await ts.app.pg`select * from contacts where id = ${r.contactId}`;
    expect(contact).toMatchObject({ name: '张伟', title: '总监', customer_id: r.customerId, emails: ['zw@xc.cn'], is_primary: true, custom: { wechat_id: 'zw_wx' } });
    const [opp] = await ts.app.pg`select * from opportunities where id = ${r.opportunityId}`;
    expect(opp).toMatchObject({ customer_id: r.customerId, contact_id: r.contactId, source_lead_id: leadId, amount_cents: '50000000', custom: { budget_note: '50万' } });
    const [lead] = await ts.app.pg`select * from leads where id = ${leadId}`;
    expect(lead).toMatchObject({ status: 'converted', converted_customer_id: r.customerId, converted_contact_id: r.contactId, converted_opportunity_id: r.opportunityId });
    expect(await count(ts, 'phone_numbers', `party_type = 'contact' and party_id = '${r.contactId}' and customer_id = '${r.customerId}'`)).toBe(2);
    expect(await count(ts, 'phone_numbers', `party_type = 'customer' and party_id = '${r.customerId}'`)).toBe(2);
    expect(await count(ts, 'activities', `lead_id = '${leadId}' and customer_id = '${r.customerId}'`)).toBe(1);
    for (const action of ['lead.convert', 'customer.create', 'contact.create', 'opportunity.create']) expect(await count(ts, 'audit_log', `action = '${action}'`)).toBe(1);
    const again = await rep.call('POST', `/api/leads/${leadId}/convert`, { createOpportunity: false });
    expect(again.statusCode).toBe(409);
  });

  it('attaches the contact to an existing visible customer without creating one', async () => {
    const [c] = await ts.app.pg`insert into customers (name, owner_id) values ('已有客户', ${ids.rep!}) returning id`;
    const leadId = await newLead(rep, { name: '李娜', phones: ['13900139000'] });
    const customersBefore = await count(ts, 'customers');
    const res = await rep.call('POST', `/api/leads/${leadId}/convert`, { customerId: c!.id, createOpportunity: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ customerId: c!.id, opportunityId: null });
    expect(await count(ts, 'customers')).toBe(customersBefore);
    const [peerCustomer] = await ts.app.pg`insert into customers (name, owner_id) values ('别人的客户', ${ids.peer!}) returning id`;
    const lead2 = await newLead(rep, { name: '王芳' });
    expect((await rep.call('POST', `/api/leads/${lead2}/convert`, { customerId: peerCustomer!.id, createOpportunity: false })).statusCode).toBe(404);
  });

  it('denies agents (403) and other users’ leads (404)', async () => {
    const leadId = await newLead(rep, { name: '赵六' });
    expect((await agent.call('POST', `/api/leads/${leadId}/convert`, { createOpportunity: false })).statusCode).toBe(403);
    expect((await peer.call('POST', `/api/leads/${leadId}/convert`, { createOpportunity: false })).statusCode).toBe(404);
    expect((await rep.call('POST', `/api/leads/${leadId}/convert`, { createOpportunity: false, surprise: 1 })).statusCode).toBe(400);
  });

  it('a failure midway (the contact insert fails) leaves nothing behind', async () => {
    await ts.app.pg.unsafe(`create function fail_contact() returns trigger language plpgsql as $$ begin raise exception 'boom'; end $$;
      create trigger fail_contact before insert on contacts for each row when (new.name = 'FAIL ME') execute function fail_contact();`);
    const leadId = await newLead(rep, { name: 'FAIL ME', company: '不该存在的公司', phones: ['13700137000'] });
    const before = { customers: await count(ts, 'customers'), phones: await count(ts, 'phone_numbers'), audit: await count(ts, 'audit_log') };
    const res = await rep.call('POST', `/api/leads/${leadId}/convert`, { createOpportunity: true });
    expect(res.statusCode).toBe(500);
    expect(await count(ts, 'customers')).toBe(before.customers);
    expect(await count(ts, 'phone_numbers')).toBe(before.phones);
    expect(await count(ts, 'audit_log')).toBe(before.audit);
    const [lead] = await ts.app.pg`select status, converted_customer_id from leads where id = ${leadId}`;
    expect(lead).toEqual({ status: 'new', converted_customer_id: null });
  });

  it('reports a required custom field of the new customer the mapping does not fill, and accepts it when given', async () => {
    await ts.app.pg`insert into custom_field_definitions (entity_type, key, label, type, required) values ('customer', 'region_code', 'Region', 'text', true)`;
    const leadId = await newLead(rep, { name: '孙七', company: '七号公司' });
    const res = await rep.call('POST', `/api/leads/${leadId}/convert`, { createOpportunity: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'custom.region_code', message: expect.any(String) }]);
    const ok = await rep.call('POST', `/api/leads/${leadId}/convert`, { createOpportunity: false, customerCustom: { region_code: 'BJ' } });
    expect(ok.statusCode).toBe(200);
    await ts.app.pg`delete from custom_field_definitions where key = 'region_code'`;
  });
});
