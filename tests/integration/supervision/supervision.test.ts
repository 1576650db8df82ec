// Supervisor call actions on the real Asterisk: the agent is a Local channel playing a tone, the caller
// a Local channel into the DID, the supervisor's phone a Local channel that answers. Asserted from the
// server's own PBX events: which channel is in which bridge in each mode, that a mode switch never
// redials the supervisor, that denials create no channel at all, and the records force hang-up and
// take-over leave (call row, agent state, audit log).
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PbxEvent } from '@ringside/pbx';
import { auditLog, teams, users } from '../../../server/src/db/schema/index.ts';
import { eventually, finalCall, listen, login, placeCall, setupQueue, telephonyWorld, type Api, type Setup, type TelephonyWorld } from '../telephony/support.ts';

let w: TelephonyWorld;
let s: Setup;
let supA: Api;
let supB: Api;
let supAId = '';
const pbxEvents: PbxEvent[] = [];
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  w = await telephonyWorld();
  s = await setupQueue(w, { agents: 1, tag: 'sv', queue: { wrapUpSec: 60 } });
  const db = w.server.app.db;
  supAId = await w.server.createUser({ username: 'sup-a-sv', password: 'sup-pw-123456', roles: ['supervisor'], displayName: 'Sup A' });
  const supBId = await w.server.createUser({ username: 'sup-b-sv', password: 'sup-pw-123456', roles: ['supervisor'], displayName: 'Sup B' });
  const [teamA] = await db.insert(teams).values({ name: 'sv-team-a', managerUserId: supAId }).returning();
  await db.insert(teams).values({ name: 'sv-team-b', managerUserId: supBId });
  await db.update(users).set({ teamId: teamA!.id }).where(inArray(users.id, s.agents.map((a) => a.id)));
  // The supervisors' "softphones": Local channels that answer and stay silent.
  for (const id of [supAId, supBId]) expect((await s.admin.put(`/api/agents/${id}/profile`, { dialTarget: 'Local/answer@ringside-test', skills: {} })).status).toBe(200);
  supA = await login(w.server, 'sup-a-sv', 'sup-pw-123456');
  supB = await login(w.server, 'sup-b-sv', 'sup-pw-123456');
  w.server.app.telephony!.pbx.on((e) => pbxEvents.push(e));
}, 120_000);

afterAll(async () => {
  for (const so of sockets) so.close();
  await w?.close();
}, 30_000);

const del = async (api: Api, url: string) => (await w.server.app.inject({ method: 'DELETE', url, headers: { cookie: api.cookie } })).statusCode;
const entered = (kind: string, callId: string) => pbxEvents.flatMap((e) => (e.type === 'callEntered' && e.args[0] === kind && e.args[1] === callId ? [e.channelId] : []));
const inBridge = (channelId: string, bridge: (id: string) => boolean) => {
  // The last enter/leave of this channel for a matching bridge decides.
  let inside = false;
  for (const e of pbxEvents) {
    if (e.type === 'channelEnteredBridge' && e.channelId === channelId && bridge(e.bridgeId)) inside = true;
    if (e.type === 'channelLeftBridge' && e.channelId === channelId && bridge(e.bridgeId)) inside = false;
  }
  return inside;
};
const gone = (channelId: string) => pbxEvents.some((e) => (e.type === 'channelDestroyed' || e.type === 'stasisEnd') && e.channelId === channelId);
const isMonitor = (callId: string) => (b: string) => b.startsWith(`monitor-${callId}`);
const isCall = (callId: string) => (b: string) => b === `call-${callId}`;

async function auditActions(callId: string): Promise<{ action: string; actor: string | null; details: Record<string, unknown> }[]> {
  const rows = await w.server.app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'call'), eq(auditLog.entityId, callId))).orderBy(auditLog.id);
  return rows.map((r) => ({ action: r.action, actor: r.actorUserId, details: r.details as Record<string, unknown> }));
}

/** Places a call and waits until the agent talks on it; returns its id and the caller's channel. */
async function liveCall(number: string): Promise<{ callId: string; caller: string }> {
  const agent = s.agents[0]!;
  await eventually(async () => {
    const st = (await agent.api.get('/api/agent/state')).body.state;
    if (st === 'wrapUp') await agent.api.post('/api/agent/ready');
    if (st === 'signedOut') await agent.api.post('/api/agent/sign-in');
    return st === 'ready';
  }, 10_000, 'agent ready');
  const sock = await listen(w.server, agent.api);
  sockets.push(sock.socket);
  const caller = await placeCall(w, s.did, number);
  const offer = await eventually(async () => sock.events.find((e) => e.name === 'call:offer'), 10_000, 'call:offer');
  const callId = offer.payload.callId as string;
  await eventually(async () => (await agent.api.get('/api/agent/state')).body.state === 'onCall', 10_000, 'agent on call');
  await eventually(async () => pbxEvents.some((e) => e.type === 'channelEnteredBridge' && e.bridgeId === `call-${callId}` && e.channelId !== undefined), 5_000, 'talk bridge');
  return { callId, caller };
}

describe('supervisor call actions', () => {
  it('denies agents (403) and another team’s supervisor (404) without creating any channel', async () => {
    const { callId, caller } = await liveCall('13900000001');
    const agent = s.agents[0]!;
    const before = pbxEvents.length;
    for (const mode of ['listen', 'whisper', 'barge']) {
      expect((await agent.api.post(`/api/supervision/calls/${callId}/monitor`, { mode })).status).toBe(403);
      expect((await supB.post(`/api/supervision/calls/${callId}/monitor`, { mode })).status).toBe(404);
    }
    expect((await agent.api.post(`/api/supervision/calls/${callId}/hangup`)).status).toBe(403);
    expect((await agent.api.post(`/api/supervision/calls/${callId}/takeover`)).status).toBe(403);
    expect((await supB.post(`/api/supervision/calls/${callId}/hangup`)).status).toBe(404);
    expect((await supB.post(`/api/supervision/calls/${callId}/takeover`)).status).toBe(404);
    expect((await supB.get<{ items: unknown[] }>('/api/supervision/calls')).body.items).toEqual([]);
    expect((await supA.get<{ items: { callId: string }[] }>('/api/supervision/calls')).body.items.map((c) => c.callId)).toEqual([callId]);
    expect((await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'eavesdrop' })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 500));
    const created = pbxEvents.slice(before).filter((e) => e.type === 'callEntered' || e.type === 'channelEnteredBridge');
    expect(created).toEqual([]);
    expect(w.server.app.telephony!.calls.get(callId)?.state.status.kind).toBe('answered');
    const audit = await auditActions(callId);
    expect(audit.filter((a) => a.action === 'supervision.denied')).toHaveLength(5);
    expect(audit.every((a) => a.action === 'supervision.denied' && a.details.agentId === agent.id)).toBe(true);
    await w.callers.adapter.hangup(caller);
    await finalCall(s.admin, callId);
  });

  it('listen → whisper → barge → listen → stop on one supervisor call, each wired as measured', async () => {
    const { callId, caller } = await liveCall('13900000002');
    const agent = s.agents[0]!;
    const sock = await listen(w.server, supA);
    const agentSock = await listen(w.server, agent.api);
    sockets.push(sock.socket, agentSock.socket);

    const listenRes = await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'listen' });
    expect(listenRes.status).toBe(200);
    expect(listenRes.body).toMatchObject({ callId, agentId: agent.id, supervisorId: supAId, mode: 'listen' });
    const [phone] = entered('supervise', callId);
    const [snoop1] = entered('snoop', callId);
    expect(phone && snoop1).toBeTruthy();
    await eventually(async () => inBridge(phone!, isMonitor(callId)) && inBridge(snoop1!, isMonitor(callId)), 3_000, 'listen wiring');
    expect(inBridge(phone!, isCall(callId))).toBe(false);

    expect((await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'whisper' })).body).toMatchObject({ mode: 'whisper' });
    const snoop2 = entered('snoop', callId).find((c) => c !== snoop1);
    expect(snoop2).toBeTruthy();
    await eventually(async () => inBridge(snoop2!, isMonitor(callId)) && gone(snoop1!), 3_000, 'whisper snoop replaces the listen snoop');
    expect(inBridge(phone!, isMonitor(callId))).toBe(true);

    expect((await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'barge' })).body).toMatchObject({ mode: 'barge' });
    await eventually(async () => inBridge(phone!, isCall(callId)) && gone(snoop2!), 3_000, 'barge: the phone in the call bridge');
    expect(inBridge(phone!, isMonitor(callId))).toBe(false);

    expect((await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'listen' })).body).toMatchObject({ mode: 'listen' });
    const snoop3 = entered('snoop', callId).find((c) => c !== snoop1 && c !== snoop2);
    await eventually(async () => snoop3 && inBridge(phone!, isMonitor(callId)) && !inBridge(phone!, isCall(callId)), 3_000, 'back to listen');

    // One phone call for the whole session: switching never rang the supervisor again.
    expect(entered('supervise', callId)).toEqual([phone]);
    expect(gone(phone!)).toBe(false);
    const pushed = () => sock.events.filter((e) => e.name === 'supervision:monitor' && e.payload.callId === callId).map((e) => `${e.payload.audience}:${e.payload.mode}`);
    await eventually(async () => pushed().length >= 4, 2_000, 'pushes to the supervisor');
    expect(pushed()).toEqual(['supervisor:listen', 'supervisor:whisper', 'supervisor:barge', 'supervisor:listen']);
    // The default policy shows agents nothing.
    expect(agentSock.events.filter((e) => e.name === 'supervision:monitor')).toEqual([]);
    // A console that (re)connects is told the session it holds (pushes sent while it was away are lost).
    const again = await listen(w.server, supA);
    const agentAgain = await listen(w.server, agent.api);
    sockets.push(again.socket, agentAgain.socket);
    await eventually(async () => again.events.find((e) => e.name === 'supervision:monitor' && e.payload.callId === callId && e.payload.audience === 'supervisor' && e.payload.mode === 'listen'), 2_000, 'the session told on connect');
    expect(agentAgain.events.filter((e) => e.name === 'supervision:monitor')).toEqual([]);

    expect(await del(supA, `/api/supervision/calls/${callId}/monitor`)).toBe(204);
    await eventually(async () => gone(phone!) && gone(snoop3!), 3_000, 'stop hangs up the phone and the snoop');
    // The call itself goes on.
    expect(w.server.app.telephony!.calls.get(callId)?.state.status.kind).toBe('answered');
    expect(await del(supA, `/api/supervision/calls/${callId}/monitor`)).toBe(404);

    const audit = await auditActions(callId);
    expect(audit.map((a) => a.action)).toEqual(['supervision.listen', 'supervision.whisper', 'supervision.barge', 'supervision.listen', 'supervision.stop']);
    expect(audit.every((a) => a.actor === supAId && a.details.agentId === agent.id)).toBe(true);
    expect(audit.map((a) => a.details.from)).toEqual([null, 'listen', 'whisper', 'barge', 'listen']);

    await w.callers.adapter.hangup(caller);
    const row = await finalCall(s.admin, callId);
    expect(row).toMatchObject({ outcome: 'completed', hangupSide: 'caller', agentId: agent.id });
  });

  it('shows the agent the indicator when the policy says so, and ends the session when the call ends under it', async () => {
    expect((await supA.put('/api/supervision/settings', { agentsSeeMonitoring: true })).status).toBe(403);
    expect((await s.admin.put('/api/supervision/settings', { agentsSeeMonitoring: true })).body).toEqual({ agentsSeeMonitoring: true });
    expect((await supA.get('/api/supervision/settings')).body).toEqual({ agentsSeeMonitoring: true });
    const { callId, caller } = await liveCall('13900000003');
    const agentSock = await listen(w.server, s.agents[0]!.api);
    sockets.push(agentSock.socket);
    expect((await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'whisper' })).status).toBe(200);
    await eventually(async () => agentSock.events.find((e) => e.name === 'supervision:monitor' && e.payload.audience === 'agent' && e.payload.mode === 'whisper' && e.payload.callId === callId), 3_000, 'indicator on');
    const agentAgain = await listen(w.server, s.agents[0]!.api);
    sockets.push(agentAgain.socket);
    await eventually(async () => agentAgain.events.find((e) => e.name === 'supervision:monitor' && e.payload.audience === 'agent' && e.payload.mode === 'whisper' && e.payload.callId === callId), 3_000, 'indicator told on connect');
    const [phone] = entered('supervise', callId);
    await w.callers.adapter.hangup(caller);
    await eventually(async () => gone(phone!), 5_000, 'the supervisor’s phone hung up with the call');
    await eventually(async () => agentSock.events.find((e) => e.name === 'supervision:monitor' && e.payload.audience === 'agent' && e.payload.mode === null), 3_000, 'indicator off');
    expect((await s.admin.put('/api/supervision/settings', { agentsSeeMonitoring: false })).status).toBe(200);
  });

  it('force hang-up ends both legs and the call record says a supervisor did it', async () => {
    const { callId, caller } = await liveCall('13900000004');
    const agent = s.agents[0]!;
    const agentLeg = w.server.app.telephony!.calls.get(callId)!.agentChannel!;
    expect((await supA.post(`/api/supervision/calls/${callId}/monitor`, { mode: 'listen' })).status).toBe(200);
    const [phone] = entered('supervise', callId);
    expect((await supA.post(`/api/supervision/calls/${callId}/hangup`)).status).toBe(204);
    await w.callers.next((e) => e.type === 'channelDestroyed' && e.channelId === caller, 10_000);
    await eventually(async () => gone(agentLeg) && gone(phone!), 5_000, 'agent leg and supervisor phone gone');
    const row = await finalCall(s.admin, callId);
    expect(row).toMatchObject({ outcome: 'completed', hangupSide: 'system', cause: 'supervisor-hangup', agentId: agent.id });
    expect((await agent.api.get('/api/agent/state')).body).toMatchObject({ state: 'wrapUp', callId });
    expect((await auditActions(callId)).map((a) => a.action)).toEqual(['supervision.listen', 'supervision.hangup']);
    expect((await supA.post(`/api/supervision/calls/${callId}/hangup`)).status).toBe(404);
  });

  it('take-over puts the supervisor’s phone in the agent’s place and the agent in wrap-up', async () => {
    const { callId, caller } = await liveCall('13900000005');
    const agent = s.agents[0]!;
    const agentLeg = w.server.app.telephony!.calls.get(callId)!.agentChannel!;
    const agentSock = await listen(w.server, agent.api);
    sockets.push(agentSock.socket);
    // Straight to take-over, without monitoring first: the supervisor's phone is rung for it.
    expect((await supA.post(`/api/supervision/calls/${callId}/takeover`)).status).toBe(200);
    const [phone] = entered('supervise', callId);
    await eventually(async () => inBridge(phone!, isCall(callId)) && gone(agentLeg), 5_000, 'phone in the call bridge, agent leg gone');
    expect(w.server.app.telephony!.calls.get(callId)).toMatchObject({ agentId: supAId, agentChannel: phone });
    expect((await agent.api.get('/api/agent/state')).body).toMatchObject({ state: 'wrapUp', callId });
    await eventually(async () => agentSock.events.find((e) => e.name === 'call:ended' && e.payload.cause === 'taken-over'), 3_000, 'agent told');
    expect(w.server.app.telephony!.calls.get(callId)?.state.status.kind).toBe('answered');

    await w.callers.adapter.hangup(caller);
    const row = await finalCall(s.admin, callId);
    expect(row).toMatchObject({ outcome: 'completed', hangupSide: 'caller', agentId: supAId });
    expect(row.agentPath).toEqual([agent.id, supAId]);
    await eventually(async () => gone(phone!), 5_000, 'the supervisor’s phone hung up with the call');
    expect((await auditActions(callId)).map((a) => a.action)).toEqual(['supervision.takeover']);
  });
});
