// The state history is written by the real telephony runtime: an agent signs in, pauses with a reason,
// gets ready and signs out through the console's routes; agent_state_events receives one row per
// transition (in order, chained from → to) shortly after, and the agent report reads them.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { agentStateEvents } from '../../../server/src/db/schema/agent-history.ts';
import { login, telephonyWorld, type TelephonyWorld } from '../telephony/support.ts';

let w: TelephonyWorld;
beforeAll(async () => {
  w = await telephonyWorld();
});
afterAll(() => w?.close());

it('records each agent transition from the runtime, off the call path', async () => {
  const s = w.server;
  const agentId = await s.createUser({ username: 'hist.agent', password: 'pw-History-1', roles: ['agent'], displayName: 'History Agent' });
  await s.createUser({ username: 'hist.admin', password: 'pw-History-1', roles: ['admin'] });
  const agent = await login(s, 'hist.agent', 'pw-History-1');
  const from = new Date(Date.now() - 1000).toISOString();
  expect((await agent.post('/api/agent/sign-in')).status).toBeLessThan(300);
  expect((await agent.post('/api/agent/pause', { reason: 'training' })).status).toBeLessThan(300);
  expect((await agent.post('/api/agent/ready')).status).toBeLessThan(300);
  expect((await agent.post('/api/agent/sign-out')).status).toBeLessThan(300);

  const read = () => s.app.db.select().from(agentStateEvents).where(eq(agentStateEvents.agentId, agentId)).orderBy(asc(agentStateEvents.at), asc(agentStateEvents.id));
  // Batched off the call path: poll until the sign-out row has landed.
  let rows = await read();
  for (const end = Date.now() + 5_000; !rows.some((r) => r.state === 'signedOut') && Date.now() < end; rows = await read()) await new Promise((r) => setTimeout(r, 50));
  expect(rows.at(-1)).toMatchObject({ state: 'signedOut', event: 'signOut' });
  expect(rows.find((r) => r.state === 'paused')).toMatchObject({ reason: 'training', event: 'pause' });
  // Each row starts from the state the previous one entered.
  rows.slice(1).forEach((r, i) => expect(r.fromState).toBe(rows[i]!.state));

  const admin = await login(s, 'hist.admin', 'pw-History-1');
  const report = await admin.get<{ rows: { group: string; handled: number }[] }>(`/api/reports/agents?from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}&tz=UTC`);
  expect(report.status).toBe(200);
  expect(report.body.rows).toEqual([expect.objectContaining({ group: 'History Agent', handled: 0 })]);
});
