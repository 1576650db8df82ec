import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../server/src/db/schema/customers.ts';
import { reminderJobId } from '../../../server/src/modules/activities/reminders.ts';
import { birthdayJob } from '../../../server/src/modules/service/birthdays.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { buildWorld, count, insertContact, insertCustomer, type World } from '../opportunities/world.ts';

let ts: TestServer;
let w: World;
let customerId: string;
let westCustomer: string;

const customer = async (id: string) => (await ts.app.db.select().from(customers).where(eq(customers.id, id)))[0]!;

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  w = await buildWorld(ts);
  customerId = await insertCustomer(ts, 'Acme', w.ids.agent, w.teams.east);
  westCustomer = await insertCustomer(ts, 'West Co', w.ids.repC, w.teams.west);
});
afterAll(() => ts.close());

describe('service requests', () => {
  let id: string;

  it('an agent opens a request: numbered, owned by them, history started, last service time set, reminder enqueued', async () => {
    const remindAt = new Date(Date.now() + 3_600_000);
    const res = await w.as.agent.post('/api/service-requests', { title: 'Printer broken', customerId, priority: 'high', category: 'repair', dueAt: new Date(Date.now() + 7_200_000).toISOString(), remindAt: remindAt.toISOString() });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.request).toMatchObject({ status: 'new', isOpen: true, priority: 'high', ownerId: w.ids.agent, customerName: 'Acme' });
    expect(d.request.number).toMatch(/^SR-\d{8}-/);
    expect(d.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'new' })]);
    id = d.request.id;
    expect((await customer(customerId)).lastServiceAt).not.toBeNull();
    expect(await ts.app.jobs.queues.get('reminders')!.getJob(reminderJobId('service_request', id, remindAt))).toBeDefined();
  });

  it('keeps every status change and assignment as history', async () => {
    const assign = await w.as.boss.post(`/api/service-requests/${id}/assign`, { ownerId: w.ids.repB, note: 'onsite' });
    expect(assign.json().request).toMatchObject({ status: 'assigned', ownerId: w.ids.repB, teamId: w.teams.east });
    await w.as.repB.post(`/api/service-requests/${id}/status`, { status: 'in_progress' });
    const resolved = await w.as.repB.post(`/api/service-requests/${id}/status`, { status: 'resolved', note: 'fixed' });
    expect(resolved.json().request).toMatchObject({ status: 'resolved', isOpen: false });
    expect(resolved.json().request.resolvedAt).not.toBeNull();
    expect(resolved.json().history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'new'],
      ['new', 'assigned'],
      ['assigned', 'in_progress'],
      ['in_progress', 'resolved'],
    ]);
    expect(resolved.json().history[1]).toMatchObject({ fromOwnerId: w.ids.agent, toOwnerId: w.ids.repB, note: 'onsite' });
    expect((await w.as.repB.post(`/api/service-requests/${id}/status`, { status: 'resolved' })).statusCode).toBe(409);
    expect((await w.as.boss.get(`/api/service-requests?customerId=${customerId}&open=false`)).json().total).toBe(1);
  });

  it('records dispatch / repair with parts and labour hours, and service actions as activities', async () => {
    const res = await w.as.repB.post(`/api/service-requests/${id}/dispatches`, { technicianId: w.ids.repB, completedAt: '2026-11-26T10:00:00.000Z', parts: [{ partNo: 'F-1', name: 'Fuser', quantity: 1 }], labourHours: 1.5 });
    expect(res.statusCode).toBe(201);
    expect(res.json().dispatches[0]).toMatchObject({ labourHours: '1.50', parts: [{ partNo: 'F-1', name: 'Fuser', quantity: 1 }] });
    const act = await w.as.repB.post('/api/activities', { kind: 'visit', subject: 'On-site repair', serviceRequestId: id });
    expect(act.statusCode).toBe(201);
    expect(act.json().customerId).toBe(customerId);
    expect((await w.as.repB.get(`/api/activities?serviceRequestId=${id}`)).json().total).toBe(1);
  });

  it('feeds satisfaction into the customer as the rolling average of the last scores', async () => {
    expect((await w.as.repB.post(`/api/service-requests/${id}/feedback`, { score: 5, comment: 'great' })).statusCode).toBe(201);
    expect((await customer(customerId)).satisfaction).toBe(5);
    expect((await w.as.repB.post(`/api/service-requests/${id}/feedback`, { score: 1 })).statusCode).toBe(409);
    const second = (await w.as.agent.post('/api/service-requests', { title: 'Another', customerId })).json().request.id;
    await w.as.agent.post(`/api/service-requests/${second}/feedback`, { score: 2 });
    // (5 + 2) / 2 = 3.5 → 4 (half up)
    expect((await customer(customerId)).satisfaction).toBe(4);
    const third = (await w.as.agent.post('/api/service-requests', { title: 'Third', customerId })).json().request.id;
    await w.as.agent.post(`/api/service-requests/${third}/feedback`, { score: 1 });
    // (5 + 2 + 1) / 3 = 2.67 → 3
    expect((await customer(customerId)).satisfaction).toBe(3);
  });

  it('refuses non-managers assigning (403), outsiders (404) and bad input (400) without writing', async () => {
    const before = await count(ts, 'service_requests');
    expect((await w.as.agent.post(`/api/service-requests/${id}/assign`, { ownerId: w.ids.agent })).statusCode).toBe(403);
    expect((await w.as.repC.get(`/api/service-requests/${id}`)).statusCode).toBe(404);
    expect((await w.as.repC.post(`/api/service-requests/${id}/status`, { status: 'closed' })).statusCode).toBe(404);
    expect((await w.as.repC.post(`/api/service-requests/${id}/feedback`, { score: 3 })).statusCode).toBe(404);
    const bad = await w.as.agent.post('/api/service-requests', { title: '', customerId, priority: 'asap' });
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['title', 'priority']));
    expect((await w.as.agent.post('/api/service-requests', { title: 'x', customerId: westCustomer })).json().details[0].path).toBe('customerId');
    expect((await w.as.agent.post(`/api/service-requests/${id}/feedback`, { score: 6 })).json().details[0].path).toBe('score');
    expect(await count(ts, 'service_requests')).toBe(before);
  });
});

describe('birthday reminders', () => {
  it('creates one task per contact per year for the owner, however often the daily job runs', async () => {
    const now = new Date('2027-05-07T00:30:00.000Z');
    const c1 = await insertContact(ts, customerId, 'Zhang San', w.ids.repA, w.teams.east, '1980-05-10');
    await insertContact(ts, customerId, 'Not yet', w.ids.repA, w.teams.east, '1980-05-11');
    const ctx = { db: ts.app.db, log: ts.app.log, now: () => now };
    expect(await birthdayJob.handle({ daysAhead: 3 }, ctx)).toEqual({ created: 1 });
    expect(await birthdayJob.handle({ daysAhead: 3 }, ctx)).toEqual({ created: 0 });
    const tasks = await ts.app.pg`select owner_id, kind, due_at, contact_id from activities where contact_id = ${c1}`;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ owner_id: w.ids.repA, kind: 'task' });
    const [link] = await ts.app.pg`select year, activity_id from birthday_reminders where contact_id = ${c1}`;
    expect(link).toMatchObject({ year: 2027 });
    expect(link!.activity_id).not.toBeNull();
    // Next year it reminds again.
    expect(await birthdayJob.handle({ daysAhead: 3 }, { ...ctx, now: () => new Date('2028-05-07T00:30:00.000Z') })).toEqual({ created: 1 });
  });

  it('reminds 29 February birthdays on 28 February in common years', async () => {
    await insertContact(ts, customerId, 'Leap', w.ids.repB, w.teams.east, '1992-02-29');
    const ctx = { db: ts.app.db, log: ts.app.log, now: () => new Date('2027-02-25T00:00:00.000Z') };
    expect(await birthdayJob.handle({ daysAhead: 3 }, ctx)).toEqual({ created: 1 });
  });
});

describe('service request edits', () => {
  it('edits fields with optimistic concurrency and moves the reminder job to the new time', async () => {
    const first = new Date(Date.now() + 3_600_000);
    const d = (await w.as.agent.post('/api/service-requests', { title: 'Noise', customerId, remindAt: first.toISOString() })).json();
    const later = new Date(Date.now() + 7_200_000);
    const res = await w.as.agent.patch(`/api/service-requests/${d.request.id}`, { priority: 'urgent', remindAt: later.toISOString(), version: d.request.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().request).toMatchObject({ priority: 'urgent', remindAt: later.toISOString() });
    const queue = ts.app.jobs.queues.get('reminders')!;
    expect(await queue.getJob(reminderJobId('service_request', d.request.id, first))).toBeUndefined();
    expect(await queue.getJob(reminderJobId('service_request', d.request.id, later))).toBeDefined();
    expect((await w.as.agent.patch(`/api/service-requests/${d.request.id}`, { title: 'x', version: d.request.version })).statusCode).toBe(409);
    expect((await w.as.repC.patch(`/api/service-requests/${d.request.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await w.as.agent.patch(`/api/service-requests/${d.request.id}`, { priority: 'now' })).json().details[0].path).toBe('priority');
  });
});
