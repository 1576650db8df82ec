// Supervisor actions on an agent's click-to-dial call (outside the call machine: rt.dials) on the real
// Asterisk: the agent's phone and the dialed number are Local channels playing a tone (OUTBOUND_DIAL),
// the supervisor's phone a Local channel that answers. Another team's supervisor gets 404; listen and
// barge are wired like on ACD calls; take-over replaces the agent's leg; force hang-up is on the record.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PbxEvent } from '@ringside/pbx';
import { teams, users } from '../../../server/src/db/schema/index.ts';
import { outboundWorld } from '../telephony/outbound-world.ts';
import { eventually, finalCall, login, type Api, type TelephonyWorld } from '../telephony/support.ts';

let w: TelephonyWorld;
let admin: Api;
let agent: Api;
let supA: Api;
let supB: Api;
let agentId = '';
let supAId = '';
const seen: PbxEvent[] = [];

beforeAll(async () => {
  w = await outboundWorld('Local/tone@ringside-test');
  const s = w.server;
  await s.createUser({ username: 'admin-svd', password: 'admin-pw-12345', roles: ['admin'] });
  admin = await login(s, 'admin-svd', 'admin-pw-12345');
  agentId = await s.createUser({ username: 'agent-svd', password: 'agent-pw-12345', roles: ['agent'] });
  supAId = await s.createUser({ username: 'sup-a-svd', password: 'sup-pw-123456', roles: ['supervisor'] });
  const supBId = await s.createUser({ username: 'sup-b-svd', password: 'sup-pw-123456', roles: ['supervisor'] });
  const db = s.app.db;
  const [teamA] = await db.insert(teams).values({ name: 'svd-team-a', managerUserId: supAId }).returning();
  await db.insert(teams).values({ name: 'svd-team-b', managerUserId: supBId });
  await db.update(users).set({ teamId: teamA!.id }).where(eq(users.id, agentId));
  expect((await admin.put(`/api/agents/${agentId}/profile`, { dialTarget: 'Local/tone@ringside-test', skills: {} })).status).toBe(200);
  for (const id of [supAId, supBId]) expect((await admin.put(`/api/agents/${id}/profile`, { dialTarget: 'Local/answer@ringside-test', skills: {} })).status).toBe(200);
  await s.app.telephony!.reload();
  agent = await login(s, 'agent-svd', 'agent-pw-12345');
  supA = await login(s, 'sup-a-svd', 'sup-pw-123456');
  supB = await login(s, 'sup-b-svd', 'sup-pw-123456');
  s.app.telephony!.pbx.on((e) => seen.push(e));
}, 120_000);
afterAll(async () => w?.close(), 30_000);

const entered = (kind: string, callId: string) => seen.flatMap((e) => (e.type === 'callEntered' && e.args[0] === kind && e.args[1] === callId ? [e.channelId] : []));
const inBridge = (channelId: string, bridge: (id: string) => boolean) => {
  let inside = false;
  for (const e of seen) {
    if (e.type === 'channelEnteredBridge' && e.channelId === channelId && bridge(e.bridgeId)) inside = true;
    if (e.type === 'channelLeftBridge' && e.channelId === channelId && bridge(e.bridgeId)) inside = false;
  }
  return inside;
};
const gone = (channelId: string) => seen.some((e) => (e.type === 'channelDestroyed' || e.type === 'stasisEnd') && e.channelId === channelId);

async function dialed(number: string): Promise<string> {
  const r = await agent.post<{ callId: string }>('/api/calls/dial', { number });
  expect(r.status).toBe(202);
  const callId = r.body.callId;
  await eventually(async () => Boolean(w.server.app.telephony!.dials.get(callId)?.answeredAt), 15_000, 'the number answered');
  return callId;
}

describe('supervising a click-to-dial call', () => {
  it('listen and barge, denied to another team, then take-over', async () => {
    const callId = await dialed('13800139101');
    expect((await supB.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'listen' })).status).toBe(404);
    expect(entered('supervise', callId)).toEqual([]);
    expect((await supA.get<{ items: { callId: string; agentId: string }[] }>('/api/supervision/calls')).body.items).toEqual([expect.objectContaining({ callId, agentId })]);

    expect((await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'listen' })).body).toMatchObject({ mode: 'listen' });
    const [phone] = entered('supervise', callId);
    const [snoop] = entered('snoop', callId);
    await eventually(async () => inBridge(phone!, (b) => b.startsWith(`monitor-${callId}`)) && inBridge(snoop!, (b) => b.startsWith(`monitor-${callId}`)), 3_000, 'listen wiring');
    expect((await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'barge' })).body).toMatchObject({ mode: 'barge' });
    await eventually(async () => inBridge(phone!, (b) => b === `call-${callId}`) && gone(snoop!), 3_000, 'barge wiring');

    const agentLeg = w.server.app.telephony!.dials.get(callId)!.agentChannel;
    expect((await supA.post(`/api/supervision/calls/${callId}/takeover`)).status).toBe(200);
    await eventually(async () => gone(agentLeg), 3_000, 'the agent leg hung up');
    expect(w.server.app.telephony!.dials.get(callId)).toMatchObject({ agentChannel: phone, agentId: supAId });
    expect(inBridge(phone!, (b) => b === `call-${callId}`)).toBe(true);
    await w.server.app.telephony!.pbx.hangup(phone!);
    const row = await finalCall(admin, callId);
    expect(row).toMatchObject({ direction: 'outbound', outcome: 'completed', agentId: supAId });
  }, 40_000);

  it('force hang-up ends both legs and is on the record', async () => {
    const callId = await dialed('13800139102');
    const d = w.server.app.telephony!.dials.get(callId)!;
    const legs = [d.agentChannel, d.farChannel!];
    expect((await supA.post(`/api/supervision/calls/${callId}/hangup`)).status).toBe(204);
    await eventually(async () => legs.every(gone), 5_000, 'both legs gone');
    const row = await finalCall(admin, callId);
    expect(row).toMatchObject({ direction: 'outbound', hangupSide: 'system', cause: 'supervisor-hangup', agentId });
  }, 30_000);

  it('a session ends when the dialed party hangs up under it', async () => {
    const callId = await dialed('13800139103');
    expect((await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'listen' })).body).toMatchObject({ mode: 'listen' });
    const [phone] = entered('supervise', callId);
    const [snoop] = entered('snoop', callId);
    await w.server.app.telephony!.pbx.hangup(w.server.app.telephony!.dials.get(callId)!.farChannel!);
    await eventually(async () => gone(phone!) && gone(snoop!), 5_000, 'the supervisor’s phone and snoop hung up with the call');
    // Nothing of the session is left claimed in the channel registry.
    expect([phone!, snoop!].map((ch) => w.server.app.telephony!.channels.get(ch))).toEqual([undefined, undefined]);
    expect((await supA.get<{ items: { callId: string }[] }>('/api/supervision/calls')).body.items.map((c) => c.callId)).not.toContain(callId);
  }, 30_000);
});
