import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../server/src/db/schema/customers.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { buildWorld, count, insertCustomer, type World } from '../opportunities/world.ts';

let ts: TestServer;
let w: World;
let customerId: string;
let westCustomer: string;
let productId: string;

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  w = await buildWorld(ts);
  customerId = await insertCustomer(ts, 'Acme', w.ids.repA, w.teams.east);
  westCustomer = await insertCustomer(ts, 'West Co', w.ids.repC, w.teams.west);
});
afterAll(() => ts.close());

describe('products', () => {
  it('lets a supervisor add a product and everyone read the catalogue', async () => {
    const res = await w.as.boss.post('/api/products', { code: 'P-1', name: 'Headset', unit: 'pcs', priceCents: 3333, taxRatePct: 13 });
    expect(res.statusCode).toBe(201);
    productId = res.json().id;
    expect((await w.as.agent.get('/api/products?active=true')).json().items).toEqual([expect.objectContaining({ code: 'P-1', taxRatePct: 13, priceCents: 3333 })]);
    expect((await w.as.admin.patch(`/api/products/${productId}`, { name: 'Headset Pro' })).json().name).toBe('Headset Pro');
  });

  it('refuses reps (403), duplicate codes and bad fields (400) without writing', async () => {
    const before = await count(ts, 'products');
    expect((await w.as.repA.post('/api/products', { code: 'X', name: 'x' })).statusCode).toBe(403);
    expect((await w.as.agent.patch(`/api/products/${productId}`, { name: 'x' })).statusCode).toBe(403);
    expect((await w.as.boss.post('/api/products', { code: 'P-1', name: 'dup' })).json().details).toEqual([{ path: 'code', message: expect.any(String) }]);
    const bad = await w.as.boss.post('/api/products', { code: '', name: 'x', priceCents: -1, taxRatePct: 13.555 });
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['code', 'priceCents', 'taxRatePct']));
    expect(await count(ts, 'products')).toBe(before);
    expect((await w.as.boss.get('/api/products/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

// Hand-computed (rule in server/src/modules/orders/totals.ts: round half up per step, per line):
//  line 1  product 33.33 × 3, −10 %  → 89.991 → 89.99; −5 % doc → 85.4905 → 85.49; tax 13 % → 11.1137 → 11.11
//  line 2  free text 199.99 × 2.5    → 499.975 → 499.98; −5 % doc → 474.981 → 474.98; tax 6 % → 28.4988 → 28.50
//  subtotal 589.97, discount 29.50, net 560.47, tax 39.61, total 600.08
const lines = () => [
  { productId, quantity: 3, discountPct: 10 },
  { description: 'Installation', unit: 'h', quantity: 2.5, unitPriceCents: 19_999, taxRatePct: 6 },
];
const expectedTotals = { subtotalCents: 58_997, discountCents: 2_950, taxCents: 3_961, totalCents: 60_008 };

describe('quotes', () => {
  it('computes line and document totals on the server in integer cents', async () => {
    const res = await w.as.repA.post('/api/quotes', { title: 'Q1', customerId, discountPct: 5, lines: lines(), validUntil: '2027-01-31' });
    expect(res.statusCode).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({ ...expectedTotals, status: 'draft', currency: 'CNY', discountPct: 5 });
    expect(q.lines.map((l: { netCents: number; taxCents: number; description: string }) => [l.description, l.netCents, l.taxCents])).toEqual([
      ['Headset Pro', 8_549, 1_111],
      ['Installation', 47_498, 2_850],
    ]);
    const upd = await w.as.repA.patch(`/api/quotes/${q.id}`, { discountPct: 0, status: 'sent' });
    expect(upd.json()).toMatchObject({ status: 'sent', subtotalCents: 58_997, discountCents: 0, totalCents: 58_997 + 1_170 + 3_000 });
  });

  it('refuses free-text lines without a price, agents, and invisible customers', async () => {
    const before = await count(ts, 'quotes');
    const bad = await w.as.repA.post('/api/quotes', { title: 'x', customerId, lines: [{ quantity: 1 }] });
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(['lines/0/description', 'lines/0/unitPriceCents']);
    expect((await w.as.agent.post('/api/quotes', { title: 'x', customerId, lines: lines() })).statusCode).toBe(403);
    expect((await w.as.repA.post('/api/quotes', { title: 'x', customerId: westCustomer, lines: lines() })).json().details[0].path).toBe('customerId');
    expect(await count(ts, 'quotes')).toBe(before);
  });
});

describe('orders, payments and receivables', () => {
  let orderId: string;

  it('creates a draft order with history and the same totals', async () => {
    const res = await w.as.repA.post('/api/orders', { title: 'SO', customerId, discountPct: 5, lines: lines() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...expectedTotals, status: 'draft', paidCents: 0, outstandingCents: 60_008 });
    orderId = res.json().id;
    expect(res.json().history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'draft' })]);
  });

  it('confirms the order, keeps status history and stamps customers.last_transaction_at', async () => {
    const res = await w.as.repA.post(`/api/orders/${orderId}/status`, { status: 'confirmed', note: 'signed' });
    expect(res.statusCode).toBe(200);
    expect(res.json().history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['draft', 'confirmed']);
    const [c] = await ts.app.db.select().from(customers).where(eq(customers.id, customerId));
    expect(c!.lastTransactionAt?.toISOString()).toBe(res.json().confirmedAt);
    expect((await w.as.repA.patch(`/api/orders/${orderId}`, { lines: lines() })).statusCode).toBe(409);
    const illegal = await w.as.repA.post(`/api/orders/${orderId}/status`, { status: 'completed' });
    expect(illegal.statusCode).toBe(409);
    expect((await w.as.repA.post(`/api/orders/${orderId}/status`, { status: 'shipped' })).statusCode).toBe(400);
  });

  it('keeps a payment plan and received payments, and reports overdue receivables per customer', async () => {
    const plan = await w.as.repA.put(`/api/orders/${orderId}/installments`, { items: [{ dueDate: '2026-01-10', amountCents: 30_000 }, { dueDate: '2099-01-01', amountCents: 30_008 }] });
    expect(plan.statusCode).toBe(200);
    expect(plan.json().installments.map((i: { seq: number }) => i.seq)).toEqual([1, 2]);
    const tooMuch = await w.as.repA.put(`/api/orders/${orderId}/installments`, { items: [{ dueDate: '2026-01-10', amountCents: 60_009 }] });
    expect(tooMuch.statusCode).toBe(400);
    const pay = await w.as.repA.post(`/api/orders/${orderId}/payments`, { amountCents: 20_000, receivedOn: '2026-01-15', method: 'bank' });
    expect(pay.statusCode).toBe(201);
    expect(pay.json()).toMatchObject({ paidCents: 20_000, outstandingCents: 40_008 });
    const over = await w.as.repA.post(`/api/orders/${orderId}/payments`, { amountCents: 40_009, receivedOn: '2026-01-16' });
    expect(over.json().details[0].path).toBe('amountCents');
    const r = (await w.as.boss.get(`/api/customers/${customerId}/receivables?today=2026-06-01`)).json();
    expect(r).toMatchObject({ totalCents: 60_008, paidCents: 20_000, outstandingCents: 40_008, overdueCents: 10_000 });
    expect(r.overdueInstallments).toEqual([{ orderId, seq: 1, dueDate: '2026-01-10', amountCents: 10_000 }]);
  });

  it('moves through delivered to completed and refuses payments on drafts', async () => {
    expect((await w.as.repA.post(`/api/orders/${orderId}/status`, { status: 'delivered' })).statusCode).toBe(200);
    const done = await w.as.repA.post(`/api/orders/${orderId}/status`, { status: 'completed' });
    expect(done.json().history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['draft', 'confirmed', 'delivered', 'completed']);
    const draft = (await w.as.repA.post('/api/orders', { title: 'SO2', customerId, lines: lines() })).json();
    expect((await w.as.repA.post(`/api/orders/${draft.id}/payments`, { amountCents: 1, receivedOn: '2026-01-01' })).statusCode).toBe(409);
    expect((await w.as.repA.get(`/api/orders?customerId=${customerId}&status=draft`)).json().total).toBe(1);
  });

  it('hides orders and receivables outside the scope (404) and refuses agents (403)', async () => {
    expect((await w.as.repC.get(`/api/orders/${orderId}`)).statusCode).toBe(404);
    expect((await w.as.repC.post(`/api/orders/${orderId}/status`, { status: 'cancelled' })).statusCode).toBe(404);
    expect((await w.as.repC.post(`/api/orders/${orderId}/payments`, { amountCents: 1, receivedOn: '2026-01-01' })).statusCode).toBe(404);
    expect((await w.as.repC.get(`/api/customers/${customerId}/receivables`)).statusCode).toBe(404);
    expect((await w.as.agent.get('/api/orders')).statusCode).toBe(403);
    expect((await w.as.agent.get(`/api/customers/${customerId}/receivables`)).statusCode).toBe(403);
    expect((await w.as.repC.get('/api/orders')).json().total).toBe(0);
  });
});

describe('document reads and draft edits', () => {
  it('lists and reads quotes in scope only', async () => {
    const list = (await w.as.repA.get(`/api/quotes?customerId=${customerId}`)).json();
    expect(list.total).toBe(1);
    const id = list.items[0].id;
    expect((await w.as.boss.get(`/api/quotes/${id}`)).json().lines).toHaveLength(2);
    expect((await w.as.repC.get(`/api/quotes/${id}`)).statusCode).toBe(404);
    expect((await w.as.repC.patch(`/api/quotes/${id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await w.as.agent.get('/api/quotes')).statusCode).toBe(403);
    expect((await w.as.repA.patch(`/api/quotes/${id}`, { title: 'x', version: 1 })).statusCode).toBe(409);
  });

  it('re-prices a draft order when its lines change and refuses a stale version', async () => {
    const o = (await w.as.repA.post('/api/orders', { title: 'Draft', customerId, lines: [{ description: 'Consulting', quantity: 1, unitPriceCents: 10_000 }] })).json();
    const upd = await w.as.repA.patch(`/api/orders/${o.id}`, { lines: [{ description: 'Consulting', quantity: 2, unitPriceCents: 10_000, taxRatePct: 6 }], version: o.version });
    expect(upd.json()).toMatchObject({ subtotalCents: 20_000, taxCents: 1_200, totalCents: 21_200, version: o.version + 1 });
    expect((await w.as.repA.patch(`/api/orders/${o.id}`, { title: 'stale', version: o.version })).statusCode).toBe(409);
    const bad = await w.as.repA.patch(`/api/orders/${o.id}`, { lines: [{ quantity: 0 }] });
    expect(bad.json().details.map((d: { path: string }) => d.path)).toContain('lines/0/quantity');
    expect((await w.as.repA.get(`/api/orders/${o.id}`)).json().totalCents).toBe(21_200);
  });
});
