// The call log's filters (CC5) on the report fixture's calls: date range, agent (incl. a transfer's
// first agent), queue, customer, direction, outcome, disposition, talk duration, number, campaign.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { calls } from '../../../server/src/db/schema/calls.ts';
import { campaignAttempts } from '../../../server/src/db/schema/campaigns.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { buildReportsWorld, sh } from './world.ts';

let ts: TestServer;
let w: Awaited<ReturnType<typeof buildReportsWorld>>;

beforeAll(async () => {
  ts = await startTestServer({ listen: false, overrides: { PBX_ENABLED: 'false' } });
  w = await buildReportsWorld(ts);
  // An outbound dialer call linked to the campaign's answered attempt.
  await ts.app.db.insert(calls).values({ id: '00000000-0000-4000-8000-000000000009', direction: 'outbound', callerNumber: '4000', calledNumber: '13600000000', outcome: 'completed', enteredAt: sh(11, 15), answeredAt: sh(11, 15, 0, 5), endedAt: sh(11, 15, 1), talkMs: 55_000, agentId: w.ids.agentW, ownerId: w.ids.agentW, teamId: w.ids.west, disposition: 'sale' });
  await ts.app.db.update(campaignAttempts).set({ callId: '00000000-0000-4000-8000-000000000009' });
});
afterAll(() => ts.close());

const ids = async (query: string) => {
  const res = await w.as.admin(`/api/calls?${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as { id: string }[]).map((r) => Number(r.id.slice(-1))).sort();
};

it('filters by every CC5 field', async () => {
  expect(await ids(`from=${sh(11, 0).toISOString()}&to=${sh(12, 0).toISOString()}`)).toEqual([5, 6, 9]);
  expect(await ids(`agentId=${w.ids.agentE}`)).toEqual([1, 4]);
  expect(await ids(`queueId=${w.ids.q2}`)).toEqual([5, 6]);
  expect(await ids('direction=outbound')).toEqual([9]);
  expect(await ids('outcome=abandoned')).toEqual([2, 3, 6]);
  expect(await ids('disposition=solved')).toEqual([1, 5]);
  expect(await ids('minTalkSec=110&maxTalkSec=200')).toEqual([5]);
  expect(await ids('number=%2B8613700000000')).toEqual([4]);
  expect(await ids('number=1360000')).toEqual([9]);
  expect(await ids(`campaignId=${w.ids.campaign}`)).toEqual([9]);
  expect(await ids(`direction=inbound&queueId=${w.ids.q1}&outcome=completed`)).toEqual([1, 4]);
  expect((await w.as.admin('/api/calls?direction=sideways')).statusCode).toBe(400);
});
