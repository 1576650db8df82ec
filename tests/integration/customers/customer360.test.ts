import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer360 } from '../../../server/src/modules/customer360/service.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { castOf, type Cast } from './fixtures.ts';

let ts: TestServer;
let cast: Cast;
let cid: string;
let otherCid: string;

/** Seeds every section straight in SQL: other engineers' routes are not under test here. */
async function seed(customerId: string, ownerId: string, teamId: string): Promise<void> {
  const sql = ts.app.pg;
  const [pl] = await sql`insert into pipelines (name, is_default) values ('默认', true) returning id`;
  const [st] = await sql`insert into pipeline_stages (pipeline_id, name, position, win_rate) values (${pl!.id}, '方案', 2, 40) returning id`;
  await sql`insert into opportunities (name, customer_id, pipeline_id, stage_id, amount_cents, owner_id, team_id) values ('5G 基站', ${customerId}, ${pl!.id}, ${st!.id}, 1000000, ${ownerId}, ${teamId})`;
  await sql`insert into opportunities (name, customer_id, pipeline_id, stage_id, status, owner_id, team_id) values ('已赢', ${customerId}, ${pl!.id}, ${st!.id}, 'won', ${ownerId}, ${teamId})`;
  await sql`insert into quotes (number, title, customer_id, total_cents, owner_id, team_id) values ('Q-1', '报价一', ${customerId}, 500000, ${ownerId}, ${teamId})`;
  const [o] = await sql`insert into orders (number, title, customer_id, status, total_cents, paid_cents, owner_id, team_id) values ('O-1', '合同一', ${customerId}, 'confirmed', 800000, 300000, ${ownerId}, ${teamId}) returning id`;
  await sql`insert into payments (order_id, customer_id, amount_cents, received_on) values (${o!.id}, ${customerId}, 300000, '2026-01-15')`;
  const [sr] = await sql`insert into service_requests (number, title, customer_id, owner_id, team_id) values ('S-1', '基站故障', ${customerId}, ${ownerId}, ${teamId}) returning id`;
  await sql`insert into service_feedback (service_request_id, customer_id, score) values (${sr!.id}, ${customerId}, 4)`;
  for (let i = 0; i < 25; i++) {
    const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    await sql`insert into activities (kind, subject, occurred_at, customer_id, owner_id, team_id) values (${i % 2 ? 'call' : 'visit'}, ${'第' + i + '次'}, ${at}, ${customerId}, ${ownerId}, ${teamId})`;
  }
  const [call] = await sql`insert into calls (id, direction, caller_number, entered_at, talk_ms, outcome) values (gen_random_uuid(), 'inbound', '+8613800138000', '2026-01-01T00:30:00Z', 65000, 'answered') returning id`;
  await sql`insert into recordings (call_id, name, duration_sec) values (${call!.id}, 'rec-1', 65)`;
  await sql`insert into activities (kind, subject, occurred_at, customer_id, owner_id, team_id, call_id) values ('call', '来电', '2026-01-01T00:30:00Z', ${customerId}, ${ownerId}, ${teamId}, ${call!.id})`;
  // Somebody else's private activity on the same customer: visible only to its owner's chain and admins.
  await sql`insert into activities (kind, subject, occurred_at, customer_id, owner_id) values ('note', '私密备注', '2025-06-01', ${customerId}, ${cast.ids.other})`;
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  cast = await castOf(ts);
  const c = (await cast.as.rep.call('POST', '/api/customers', { name: '深圳华为技术有限公司', level: 'A', valueGrade: 'VIP', satisfaction: 90, phones: [{ number: '010-6552 9988' }] })).json();
  cid = c.id;
  const a = (await cast.as.rep.call('POST', `/api/customers/${cid}/contacts`, { name: '李雷', isPrimary: true, phones: [{ number: '13800138000' }] })).json();
  await cast.as.rep.call('POST', `/api/customers/${cid}/contacts`, { name: '韩梅梅', reportsToContactId: a.id });
  otherCid = (await cast.as.rep.call('POST', '/api/customers', { name: '华为代理商' })).json().id;
  await cast.as.rep.call('POST', `/api/customers/${cid}/relations`, { toCustomerId: otherCid, kind: 'partner' });
  await seed(cid, cast.ids.rep, cast.teams.east);
});
afterAll(() => ts.close());

describe('customer 360', () => {
  it('returns every section in one response', async () => {
    const res = await cast.as.rep.call('GET', `/api/customers/${cid}/360`);
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.customer).toMatchObject({ name: '深圳华为技术有限公司', level: 'A', valueGrade: 'VIP', satisfaction: 90, phones: [{ e164: '+861065529988' }] });
    expect(v.contacts.map((c: { name: string }) => c.name)).toEqual(['李雷', '韩梅梅']);
    expect(v.contacts[0].phones).toEqual([{ e164: '+8613800138000', kind: 'mobile' }]);
    expect(v.relations).toEqual([expect.objectContaining({ name: '华为代理商', kind: 'partner', direction: 'out' })]);
    expect(v.opportunities).toEqual([expect.objectContaining({ name: '5G 基站', amountCents: 1000000, stageName: '方案', winRate: 40 })]);
    expect(v.quotes[0]).toMatchObject({ number: 'Q-1', totalCents: 500000 });
    expect(v.orders[0]).toMatchObject({ number: 'O-1', paidCents: 300000 });
    expect(v.payments[0]).toMatchObject({ orderNumber: 'O-1', amountCents: 300000, receivedOn: '2026-01-15' });
    expect(v.serviceRequests[0]).toMatchObject({ number: 'S-1', isOpen: true });
    expect(v.stats).toMatchObject({ openOpportunities: 1, openPipelineCents: 1000000, orderTotalCents: 800000, paidCents: 300000, openServiceRequests: 1, feedbackAverage: 4 });
  });

  it('pages the timeline newest first with a cursor, hiding activities outside the scope', async () => {
    const first = (await cast.as.rep.call('GET', `/api/customers/${cid}/360`)).json().timeline;
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ subject: '来电', call: { direction: 'inbound', talkMs: 65000, recordings: [{ durationSec: 65 }] } });
    expect(first.items[1].subject).toBe('第24次');
    const second = (await cast.as.rep.call('GET', `/api/customers/${cid}/timeline?cursor=${first.nextCursor}&limit=20`)).json();
    expect(second.items.map((a: { subject: string }) => a.subject)).toEqual(['第5次', '第4次', '第3次', '第2次', '第1次', '第0次']);
    expect(second.nextCursor).toBeNull();
    const all = (await cast.as.admin.call('GET', `/api/customers/${cid}/timeline?limit=100`)).json();
    expect(all.items).toHaveLength(27);
    expect((await cast.as.rep.call('GET', `/api/customers/${cid}/timeline?cursor=garbage`)).statusCode).toBe(400);
  });

  it('answers 404 to someone who may not see the customer', async () => {
    expect((await cast.as.other.call('GET', `/api/customers/${cid}/360`)).statusCode).toBe(404);
    expect((await cast.as.other.call('GET', `/api/customers/${cid}/timeline`)).statusCode).toBe(404);
    expect((await cast.as.rep.call('GET', '/api/customers/00000000-0000-4000-8000-000000000000/360')).statusCode).toBe(404);
  });

  it('serves the screen pop without a scope', async () => {
    const v = await customer360(ts.app.db, cid, { timelineLimit: 5 });
    expect(v.customer.id).toBe(cid);
    expect(v.timeline.items).toHaveLength(5);
  });
});
