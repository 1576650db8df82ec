import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, customers } from '../../../server/src/db/schema/customers.ts';
import { reminderJobId } from '../../../server/src/modules/activities/reminders.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { buildWorld, count, insertContact, insertCustomer, type World } from '../opportunities/world.ts';

let ts: TestServer;
let w: World;
let customerId: string;
let contactId: string;
let westCustomer: string;

async function recency(id: string) {
  const [r] = await ts.app.db.select().from(customers).where(eq(customers.id, id));
  return { last: r!.lastContactAt, next: r!.nextContactAt };
}

async function until<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  ts = await startTestServer({ listen: true });
  w = await buildWorld(ts);
  customerId = await insertCustomer(ts, 'Acme', w.ids.repA, w.teams.east);
  contactId = await insertContact(ts, customerId, 'Han Meimei', w.ids.repA, w.teams.east);
  westCustomer = await insertCustomer(ts, 'West Co', w.ids.repC, w.teams.west);
});
afterAll(() => ts.close());

describe('activities and recency', () => {
  it('a logged call moves the customer and contact last-contact time in the same write', async () => {
    const at = '2026-11-20T08:00:00.000Z';
    const res = await w.as.repA.post('/api/activities', { kind: 'call', subject: 'Intro call', contactId, occurredAt: at });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ customerId, contactId, ownerId: w.ids.repA, doneAt: null });
    expect((await recency(customerId)).last?.toISOString()).toBe(at);
    const [c] = await ts.app.db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(c!.lastContactAt?.toISOString()).toBe(at);
  });

  it('a note does not count as contact, and an older call does not move last contact back', async () => {
    await w.as.repA.post('/api/activities', { kind: 'note', subject: 'n', customerId, occurredAt: '2026-11-25T00:00:00.000Z' });
    await w.as.repA.post('/api/activities', { kind: 'email', subject: 'old', customerId, occurredAt: '2026-01-01T00:00:00.000Z' });
    expect((await recency(customerId)).last?.toISOString()).toBe('2026-11-20T08:00:00.000Z');
  });

  it('next contact is the earliest open follow-up and moves on when it is done, and back when undone', async () => {
    const a = (await w.as.repA.post('/api/activities', { kind: 'visit', subject: 'Visit', customerId, dueAt: '2030-01-10T02:00:00.000Z' })).json();
    const b = (await w.as.repA.post('/api/activities', { kind: 'task', subject: 'Send quote', customerId, dueAt: '2030-01-05T02:00:00.000Z' })).json();
    expect((await recency(customerId)).next?.toISOString()).toBe('2030-01-05T02:00:00.000Z');
    expect((await recency(customerId)).last?.toISOString()).toBe('2026-11-20T08:00:00.000Z');
    const done = await w.as.repA.post(`/api/activities/${b.id}/done`);
    expect(done.json().doneAt).not.toBeNull();
    expect((await recency(customerId)).next?.toISOString()).toBe('2030-01-10T02:00:00.000Z');
    await w.as.repA.post(`/api/activities/${b.id}/undone`);
    expect((await recency(customerId)).next?.toISOString()).toBe('2030-01-05T02:00:00.000Z');
    const visitDone = await w.as.repA.post(`/api/activities/${a.id}/done`);
    // A done visit is a contact: last contact becomes the time it was marked done.
    expect((await recency(customerId)).last?.toISOString()).toBe(visitDone.json().doneAt);
  });

  it('lists my follow-ups as overdue, today and upcoming around the given day', async () => {
    const day = '2030-01-05T00:00:00.000Z';
    await w.as.repA.post('/api/activities', { kind: 'call', subject: 'Overdue', customerId, dueAt: '2030-01-04T23:00:00.000Z' });
    const r = (await w.as.repA.get(`/api/activities/follow-ups?dayStart=${encodeURIComponent(day)}`)).json();
    expect(r.overdue.map((x: { subject: string }) => x.subject)).toContain('Overdue');
    expect(r.today.map((x: { subject: string }) => x.subject)).toEqual(['Send quote']);
    expect(r.upcoming.map((x: { subject: string }) => x.subject)).not.toContain('Send quote');
    expect((await w.as.repB.get(`/api/activities/follow-ups?ownerId=${w.ids.repA}`)).statusCode).toBe(403);
    expect((await w.as.boss.get(`/api/activities/follow-ups?ownerId=${w.ids.repA}&dayStart=${encodeURIComponent(day)}`)).json().today).toHaveLength(1);
  });

  it('keeps activities in the data scope: others get 404, lists leave them out', async () => {
    const a = (await w.as.repA.post('/api/activities', { kind: 'meeting', subject: 'Private', customerId })).json();
    expect((await w.as.repC.get(`/api/activities/${a.id}`)).statusCode).toBe(404);
    expect((await w.as.repC.post(`/api/activities/${a.id}/done`)).statusCode).toBe(404);
    expect((await w.as.repB.patch(`/api/activities/${a.id}`, { subject: 'x' })).statusCode).toBe(404);
    expect((await w.as.boss.get(`/api/activities/${a.id}`)).statusCode).toBe(200);
    expect((await w.as.repC.get(`/api/activities?customerId=${customerId}`)).json().total).toBe(0);
    expect((await w.as.agent.get(`/api/activities?mine=true`)).statusCode).toBe(200);
  });

  it('refuses bad input per field and links to invisible records, writing nothing', async () => {
    const before = await count(ts, 'activities');
    const bad = await w.as.repA.post('/api/activities', { kind: 'fax', subject: '', dueAt: 'tomorrow' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['kind', 'subject', 'dueAt']));
    const hidden = await w.as.repA.post('/api/activities', { kind: 'call', subject: 'x', customerId: westCustomer });
    expect(hidden.json().details).toEqual([{ path: 'customerId', message: expect.any(String) }]);
    expect((await w.as.repA.post('/api/activities', { kind: 'call', subject: 'x', customerId, ownerId: w.ids.repB })).statusCode).toBe(403);
    expect(await count(ts, 'activities')).toBe(before);
  });
});

describe('reminders', () => {
  let socket: Socket;
  beforeAll(async () => {
    socket = connect(ts.url, { transports: ['websocket'], extraHeaders: { cookie: w.as.repA.cookie }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('session:ready', () => resolve());
      socket.once('connect_error', reject);
    });
  });
  afterAll(() => {
    socket.close();
  });

  it('enqueues a delayed job with a deterministic id, replaces it on reschedule and pushes one reminder to the owner', async () => {
    const queue = ts.app.jobs.queues.get('reminders')!;
    const first = new Date(Date.now() + 60_000);
    const a = (await w.as.repA.post('/api/activities', { kind: 'task', subject: 'Call back', customerId, dueAt: new Date(Date.now() + 3_600_000).toISOString(), remindAt: first.toISOString() })).json();
    const firstJob = await queue.getJob(reminderJobId('activity', a.id, first));
    expect(firstJob?.opts.delay).toBeGreaterThan(50_000);

    const received: unknown[] = [];
    socket.on('reminder', (p) => received.push(p));
    const soon = new Date(Date.now() + 800);
    const res = await w.as.repA.patch(`/api/activities/${a.id}`, { remindAt: soon.toISOString() });
    expect(res.statusCode).toBe(200);
    expect(await queue.getJob(reminderJobId('activity', a.id, first))).toBeUndefined();
    expect(await queue.getJob(reminderJobId('activity', a.id, soon))).toBeDefined();

    const event = await until(async () => received[0]);
    expect(event).toMatchObject({ kind: 'activity', id: a.id, subject: 'Call back', remindAt: soon.toISOString(), customerId });
    const [row] = await ts.app.pg`select reminder_sent_at from activities where id = ${a.id}`;
    expect(row!.reminder_sent_at).not.toBeNull();

    // Redelivery of the same job is a no-op: the handler is idempotent.
    await queue.add('reminders.deliver', { target: 'activity', id: a.id, remindAt: soon.toISOString() }, { jobId: `${reminderJobId('activity', a.id, soon)}_again` });
    await new Promise((r) => setTimeout(r, 1000));
    expect(received).toHaveLength(1);
  });
});

describe('logActivity (telephony entry point)', () => {
  it('logs a call with its call id and details inside the caller\'s transaction and moves recency', async () => {
    const { logActivity } = await import('../../../server/src/modules/activities/service.ts');
    const callId = '11111111-1111-4111-8111-111111111111';
    const at = new Date('2031-02-02T03:04:05.000Z');
    const row = await ts.app.db.transaction((tx) =>
      logActivity(tx, {
        kind: 'call', subject: 'Inbound call', occurredAt: at, customerId, contactId, callId,
        details: { direction: 'inbound', durationSec: 42, recordingId: null, disposition: 'answered' },
        ownerId: w.ids.agent, teamId: w.teams.east, actorUserId: null,
      }),
    );
    expect(row).toMatchObject({ kind: 'call', callId, details: { direction: 'inbound', durationSec: 42 } });
    expect((await recency(customerId)).last?.toISOString()).toBe(at.toISOString());
    const [audit] = await ts.app.pg`select action from audit_log where entity_id = ${row.id}`;
    expect(audit!.action).toBe('activity.create');
  });
});
