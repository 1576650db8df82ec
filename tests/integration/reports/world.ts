// Fixture for the report tests: two teams (East managed by bossE, West by bossW), an agent in each,
// an admin and a sales rep; two queues; calls and agent state history written straight into the DB
// at fixed Asia/Shanghai times (the figures in reports.test.ts are computed by hand from them).
import type { InjectOptions } from 'fastify';
import { agentStateEvents } from '../../../server/src/db/schema/agent-history.ts';
import { calls } from '../../../server/src/db/schema/calls.ts';
import { campaignAttempts, campaignRecords, campaigns } from '../../../server/src/db/schema/campaigns.ts';
import { customers } from '../../../server/src/db/schema/customers.ts';
import { acdQueueMembers, acdQueues } from '../../../server/src/db/schema/telephony.ts';
import { setTeamManager, upsertTeam } from '../../../server/src/modules/users/repository.ts';
import type { TestServer } from '../../support/test-server.ts';

export interface Res {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  rawPayload: Buffer;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}
export type Get = (url: string) => Promise<Res>;

async function login(ts: TestServer, username: string, password: string): Promise<Get> {
  const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? String(raw[0]) : String(raw)).split(';')[0]!;
  return (url) => ts.app.inject({ method: 'GET' as InjectOptions['method'], url, headers: { cookie } }) as unknown as Promise<Res>;
}

/** Local Shanghai wall-clock time on 2026-11-<day> → Date. */
export const sh = (day: number, h: number, m = 0, s = 0) => new Date(Date.UTC(2026, 10, day, h - 8, m, s));

export async function buildReportsWorld(ts: TestServer) {
  const db = ts.app.db;
  const east = await upsertTeam(db, { name: 'East' });
  const west = await upsertTeam(db, { name: 'West' });
  const pw = 'pw-Reports-1';
  const admin = await ts.createUser({ username: 'admin', password: pw, roles: ['admin'], displayName: 'Admin' });
  const bossE = await ts.createUser({ username: 'bosse', password: pw, roles: ['supervisor'], teamId: east, displayName: 'Boss East' });
  const bossW = await ts.createUser({ username: 'bossw', password: pw, roles: ['supervisor'], teamId: west, displayName: 'Boss West' });
  const agentE = await ts.createUser({ username: 'agente', password: pw, roles: ['agent'], teamId: east, managerId: bossE, displayName: 'Agent East' });
  const agentW = await ts.createUser({ username: 'agentw', password: pw, roles: ['agent'], teamId: west, managerId: bossW, displayName: 'Agent West' });
  const sales = await ts.createUser({ username: 'sales', password: pw, roles: ['sales'], teamId: east, displayName: 'Sales' });
  await setTeamManager(db, east, bossE);
  await setTeamManager(db, west, bossW);

  // A queue name a spreadsheet would run as a formula: the exports must neutralise it.
  const [q1] = await db.insert(acdQueues).values({ name: '+Support', serviceLevelSec: 20 }).returning();
  const [q2] = await db.insert(acdQueues).values({ name: 'West only', serviceLevelSec: 20 }).returning();
  await db.insert(acdQueueMembers).values([{ queueId: q1!.id, userId: agentE }, { queueId: q1!.id, userId: agentW }, { queueId: q2!.id, userId: agentW }]);
  const [cust] = await db.insert(customers).values({ name: 'Acme', ownerId: agentE, teamId: east, createdBy: agentE }).returning();

  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const base = { direction: 'inbound' as const, callerNumber: '13800000000', callerE164: '+8613800000000' };
  const answered = (n: number, queueId: string, agentId: string, teamId: string, entered: Date, waitS: number, talkS: number, holdS: number, disposition: string, extra: Partial<typeof calls.$inferInsert> = {}) => ({
    ...base, id: id(n), queueId, agentId, ownerId: agentId, teamId, outcome: 'completed', enteredAt: entered, queuedAt: entered,
    answeredAt: new Date(entered.getTime() + waitS * 1000), endedAt: new Date(entered.getTime() + (waitS + talkS + holdS) * 1000),
    waitMs: waitS * 1000, talkMs: talkS * 1000, holdMs: holdS * 1000, disposition, agentPath: [agentId], ...extra,
  });
  const abandoned = (n: number, queueId: string, entered: Date, waitS: number) => ({
    ...base, id: id(n), callerNumber: `1390000000${n}`, callerE164: `+861390000000${n}`, queueId, outcome: 'abandoned', enteredAt: entered, queuedAt: entered,
    endedAt: new Date(entered.getTime() + waitS * 1000), waitMs: waitS * 1000, talkMs: 0, holdMs: 0,
  });
  await db.insert(calls).values([
    // c1: Acme, answered in 5 s, 105 s talk + 15 s hold, wrap-up 30 s (state history)
    answered(1, q1!.id, agentE, east, sh(10, 9), 5, 105, 15, 'solved', { customerId: cust!.id }),
    abandoned(2, q1!.id, sh(10, 9, 10), 8), // short abandon
    abandoned(3, q1!.id, sh(10, 9, 20), 40),
    // c4: enters 23:59:30, answered by East at midnight after 30 s, transferred to West; 320 s talk
    answered(4, q1!.id, agentW, west, sh(10, 23, 59, 30), 30, 320, 0, '=HYPERLINK("http://x")', { agentPath: [agentE, agentW], transfers: 1, callerNumber: '13700000000', callerE164: '+8613700000000' }),
    // c5: Acme again the next day (so c1 was not resolved at first contact), West only queue
    answered(5, q2!.id, agentW, west, sh(11, 10), 10, 120, 0, 'solved', { customerId: cust!.id }),
    abandoned(6, q2!.id, sh(11, 10, 30), 60),
  ]);

  const ev = (agentId: string, state: typeof agentStateEvents.$inferInsert['state'], at: Date, over: Partial<typeof agentStateEvents.$inferInsert> = {}) => ({ agentId, state, event: 'test', at, ...over });
  await db.insert(agentStateEvents).values([
    ev(agentE, 'ready', sh(10, 8, 55)),
    ev(agentE, 'ringing', sh(10, 9), { callId: id(1) }),
    ev(agentE, 'onCall', sh(10, 9, 0, 5), { callId: id(1) }),
    ev(agentE, 'wrapUp', sh(10, 9, 2, 5), { callId: id(1) }),
    ev(agentE, 'ready', sh(10, 9, 2, 35)),
    ev(agentE, 'paused', sh(10, 12), { reason: 'lunch' }),
    ev(agentE, 'ready', sh(10, 13)),
    ev(agentE, 'signedOut', sh(10, 18)),
    ev(agentE, 'ready', sh(10, 23, 50)),
    ev(agentE, 'ringing', sh(10, 23, 59, 55), { callId: id(4) }),
    ev(agentE, 'onCall', sh(11, 0), { callId: id(4) }),
    ev(agentE, 'wrapUp', sh(11, 0, 2), { callId: id(4) }),
    ev(agentE, 'ready', sh(11, 0, 2, 20)),
    ev(agentE, 'signedOut', sh(11, 0, 5)),
    ev(agentW, 'ready', sh(10, 23)),
    ev(agentW, 'ringing', sh(11, 0, 1, 55), { callId: id(4) }),
    ev(agentW, 'onCall', sh(11, 0, 2), { callId: id(4) }),
    ev(agentW, 'wrapUp', sh(11, 0, 5, 20), { callId: id(4) }),
    ev(agentW, 'ready', sh(11, 0, 6)),
    ev(agentW, 'ringing', sh(11, 10), { callId: id(5) }),
    ev(agentW, 'onCall', sh(11, 10, 0, 10), { callId: id(5) }),
    ev(agentW, 'wrapUp', sh(11, 10, 2, 10), { callId: id(5) }),
    ev(agentW, 'ready', sh(11, 10, 2, 40)),
    ev(agentW, 'signedOut', sh(11, 11)),
  ]);

  // An outbound campaign of the West team: 4 attempts, 2 connects (1 abandoned), 1 sale.
  const [camp] = await db.insert(campaigns).values({ name: '@Winter promo', teamId: west, ownerId: bossW }).returning();
  const [rec] = await db.insert(campaignRecords).values({ campaignId: camp!.id, phoneRaw: '13600000000', phoneE164: '+8613600000000', timezone: 'Asia/Shanghai' }).returning();
  const att = (outcome: typeof campaignAttempts.$inferInsert['outcome'], disposition: string | null = null) => ({ campaignId: camp!.id, recordId: rec!.id, startedAt: sh(11, 15), endedAt: sh(11, 15, 1), outcome, disposition });
  await db.insert(campaignAttempts).values([att('answered', 'sale'), att('abandoned'), att('noAnswer'), att('busy')]);

  return {
    ids: { admin, bossE, bossW, agentE, agentW, sales, q1: q1!.id, q2: q2!.id, east, west, campaign: camp!.id },
    as: {
      admin: await login(ts, 'admin', pw),
      bossE: await login(ts, 'bosse', pw),
      bossW: await login(ts, 'bossw', pw),
      agentE: await login(ts, 'agente', pw),
      sales: await login(ts, 'sales', pw),
    },
  };
}
