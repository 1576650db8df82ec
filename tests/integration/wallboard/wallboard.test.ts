// The live wallboard on the real Asterisk: real calls (Local-channel callers into a DID, Local-channel
// agents that answer with a tone) and agent state changes, observed through socket.io as a supervisor
// of the agents' team. Asserts the pushed figures (waiting, answered/abandoned, agents by state, the
// agent rows' state-since source timestamps) and that an agent and another team's supervisor are refused.
import { eq, inArray } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallboardAgentRow, WallboardQueueTile, WallboardSnapshot, WallboardUpdate } from '../../../server/src/contracts/wallboard.ts';
import { campaigns } from '../../../server/src/db/schema/campaigns.ts';
import { teams, users } from '../../../server/src/db/schema/users.ts';
import { WallboardHub } from '../../../server/src/modules/wallboard/hub.ts';
import { eventually, finalCall, listen, login, placeCall, setupQueue, telephonyWorld, type Api, type Setup, type TelephonyWorld } from '../telephony/support.ts';

let w: TelephonyWorld;
let s: Setup;
let supA: Api;
let supB: Api;
let teamAId = '';
let teamBId = '';
const sockets: Socket[] = [];

interface Board {
  queues: Map<string, WallboardQueueTile>;
  agents: Map<string, WallboardAgentRow>;
  updates: WallboardUpdate[];
}

/** A supervisor's wallboard: the snapshot, then every push folded in, as the console does. */
async function openBoard(api: Api): Promise<{ board: Board; ack: { ok: boolean; code?: string } }> {
  const { socket, events } = await listen(w.server, api);
  sockets.push(socket);
  const board: Board = { queues: new Map(), agents: new Map(), updates: [] };
  const apply = (snap: Pick<WallboardSnapshot, 'queues' | 'agents'>) => {
    for (const q of snap.queues) board.queues.set(q.queueId, q);
    for (const a of snap.agents) board.agents.set(a.agentId, a);
  };
  socket.on('wallboard:update', (u: WallboardUpdate) => {
    board.updates.push(u);
    apply(u);
  });
  socket.on('wallboard:snapshot', (snap: WallboardSnapshot) => apply(snap));
  void events;
  const ack = await new Promise<{ ok: boolean; code?: string }>((resolve) => socket.emit('wallboard:subscribe', resolve));
  const snap = await api.get<WallboardSnapshot>('/api/wallboard');
  if (snap.status === 200) apply(snap.body);
  return { board, ack };
}

beforeAll(async () => {
  w = await telephonyWorld();
  s = await setupQueue(w, { agents: 2, tag: 'wb', queue: { serviceLevelSec: 20, wrapUpSec: 0 } });
  const db = w.server.app.db;
  const supAId = await w.server.createUser({ username: 'sup-a-wb', password: 'sup-pw-123456', roles: ['supervisor'], displayName: 'Sup A' });
  const supBId = await w.server.createUser({ username: 'sup-b-wb', password: 'sup-pw-123456', roles: ['supervisor'], displayName: 'Sup B' });
  const [teamA] = await db.insert(teams).values({ name: 'wb-team-a', managerUserId: supAId }).returning();
  const [teamB] = await db.insert(teams).values({ name: 'wb-team-b', managerUserId: supBId }).returning();
  teamAId = teamA!.id;
  teamBId = teamB!.id;
  await db.update(users).set({ teamId: teamA!.id }).where(inArray(users.id, s.agents.map((a) => a.id)));
  supA = await login(w.server, 'sup-a-wb', 'sup-pw-123456');
  supB = await login(w.server, 'sup-b-wb', 'sup-pw-123456');
  await w.server.app.wallboard.reloadDirectory();
}, 120_000);

afterAll(async () => {
  for (const so of sockets) so.close();
  await w?.close();
}, 30_000);

describe('the live wallboard', () => {
  it('refuses agents on both paths and shows another team\'s supervisor none of this team', async () => {
    const agent = s.agents[0]!;
    expect((await agent.api.get('/api/wallboard')).status).toBe(403);
    const { ack } = await openBoard(agent.api);
    expect(ack).toEqual({ ok: false, code: 'RS_FORBIDDEN' });
    const other = await supB.get<WallboardSnapshot>('/api/wallboard');
    expect(other.status).toBe(200);
    expect(other.body.agents.map((a) => a.agentId)).not.toContain(agent.id);
    expect(other.body.queues.map((q) => q.queueId)).not.toContain(s.queueId);
    const mine = await supA.get<WallboardSnapshot>('/api/wallboard');
    expect(mine.body.agents.map((a) => a.agentId).sort()).toEqual(s.agents.map((a) => a.id).sort());
    expect(mine.body.queues.map((q) => q.queueId)).toEqual([s.queueId]);
    expect(mine.body.timeZone).toBe(w.server.config.TIMEZONE);
  });

  it('shows each supervisor the campaign tiles of their own teams only', async () => {
    const db = w.server.app.db;
    const [ca] = await db.insert(campaigns).values({ name: 'A 续费', teamId: teamAId }).returning();
    const [cb] = await db.insert(campaigns).values({ name: 'B 回访', teamId: teamBId }).returning();
    const tile = (id: string, name: string) => ({ campaignId: id, name, mode: 'progressive', status: 'running', dialRatePerMin: 6, linesInProgress: 2, connectsToday: 3, abandonPctWindow: 0, recordsLeft: 40 });
    // The dialer's snapshot (what app.dialer.snapshot() returns while these campaigns run).
    const hub = w.server.app.wallboard;
    const before = hub.campaignSource;
    hub.campaignSource = () => [tile(ca!.id, ca!.name), tile(cb!.id, cb!.name)];
    try {
      expect((await supA.get<WallboardSnapshot>('/api/wallboard')).body.campaigns.map((c) => c.name)).toEqual(['A 续费']);
      expect((await supB.get<WallboardSnapshot>('/api/wallboard')).body.campaigns.map((c) => c.name)).toEqual(['B 回访']);
      expect((await s.admin.get<WallboardSnapshot>('/api/wallboard')).body.campaigns).toHaveLength(2);
    } finally {
      hub.campaignSource = before;
    }
  });

  it('pushes waiting, abandoned, answered, agents by state and time-in-state timestamps as calls happen', async () => {
    const [a0, a1] = s.agents as [Setup['agents'][0], Setup['agents'][0]];
    const { board, ack } = await openBoard(supA);
    expect(ack).toEqual({ ok: true });
    const other = await openBoard(supB);
    expect(other.ack).toEqual({ ok: true });
    const tile = () => board.queues.get(s.queueId)!;
    const row = (id: string) => board.agents.get(id)!;

    // Agent 0 signs in and pauses; agent 1 stays signed out: nobody can take a call.
    const agentSock = await listen(w.server, a0.api);
    sockets.push(agentSock.socket);
    expect((await a0.api.post('/api/agent/sign-in')).status).toBe(200);
    expect((await a0.api.post('/api/agent/pause', { reason: 'lunch' })).status).toBe(200);
    const paused = await eventually(async () => agentSock.events.find((e) => e.name === 'agent:state' && e.payload.state === 'paused'), 5_000, 'paused state to the agent');
    await eventually(async () => row(a0.id)?.state === 'paused', 5_000, 'paused pushed to the wallboard');
    // The wallboard's time in state runs from the same instant the agent's own console shows.
    expect(row(a0.id)).toMatchObject({ reason: 'lunch', since: paused.payload.since, call: null });
    expect(tile().agents).toMatchObject({ paused: 1, ready: 0, signedOut: 1 });

    // A call waits, then its caller hangs up: waiting 1 → 0, abandoned 1.
    const caller1 = await placeCall(w, s.did, '13900005551');
    await eventually(async () => tile().waiting === 1, 10_000, 'one call waiting');
    expect(Date.parse(tile().oldestWaitingSince!)).toBeLessThanOrEqual(Date.now());
    await new Promise((r) => setTimeout(r, 500));
    await w.callers.adapter.hangup(caller1);
    await eventually(async () => tile().abandoned === 1 && tile().waiting === 0, 10_000, 'abandoned pushed');
    expect(tile()).toMatchObject({ offered: 1, answered: 0, oldestWaitingSince: null });

    // Agent 0 becomes ready and takes the next call.
    expect((await a0.api.post('/api/agent/ready')).status).toBe(200);
    await eventually(async () => row(a0.id)?.state === 'ready', 5_000, 'ready pushed');
    expect(row(a0.id)!.pauseMsByReason.lunch).toBeGreaterThan(0);
    await placeCall(w, s.did, '13900005552');
    await eventually(async () => row(a0.id)?.state === 'onCall' && row(a0.id)?.call !== null, 10_000, 'on call pushed');
    const onCall = agentSock.events.filter((e) => e.name === 'agent:state' && e.payload.state === 'onCall').at(-1)!;
    expect(row(a0.id)).toMatchObject({ since: onCall.payload.since, callsHandled: 1, call: { customer: '13900005552', queueId: s.queueId, queueName: `Queue wb` } });
    const callId = row(a0.id)!.call!.callId;
    await eventually(async () => tile().answered === 1, 5_000, 'answered pushed');
    expect(tile()).toMatchObject({ offered: 2, answered: 1, abandoned: 1, waiting: 0, agents: { onCall: 1, signedOut: 1 } });
    expect(tile().asaMs).toBeGreaterThanOrEqual(0);
    expect(tile().serviceLevel).toBe(1); // answered within 20 s; the early abandon is out of the SL

    // The agent hangs up: no live call on the row any more; the figures agree with the call record.
    expect((await a0.api.post(`/api/calls/${callId}/hangup`)).status).toBe(204);
    const rec = await finalCall(s.admin, callId);
    await eventually(async () => row(a0.id)?.call === null, 5_000, 'call cleared from the row');
    const state = (await a0.api.get('/api/agent/state')).body;
    await eventually(async () => row(a0.id)?.state === state.state, 5_000, 'agent state after the call');
    expect(rec).toMatchObject({ outcome: 'completed', queueId: s.queueId });

    // Pushes are coalesced and in order; the other team's supervisor got none of this.
    const seqs = board.updates.map((u) => u.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(other.board.updates.flatMap((u) => u.agents.map((a) => a.agentId))).not.toContain(a0.id);
    expect(other.board.updates.flatMap((u) => u.queues.map((q) => q.queueId))).not.toContain(s.queueId);
    void a1;
    void eq;

    // A process started now reads today's figures back: call rows and the agent state history.
    const fresh = await eventually(async () => {
      const hub = new WallboardHub({ db: w.server.app.db, io: w.server.app.io, log: w.server.app.log, timeZone: w.server.config.TIMEZONE });
      await hub.start(null);
      hub.stop();
      const snap = hub.snapshot({ all: true });
      const agentRow = snap.agents.find((a) => a.agentId === a0.id);
      return (agentRow?.pauseMsByReason.lunch ?? 0) > 0 ? snap : undefined;
    }, 10_000, 'the state history to hold the pause');
    expect(fresh.queues.find((q) => q.queueId === s.queueId)).toMatchObject({ offered: 2, answered: 1, abandoned: 1, serviceLevel: 1 });
    expect(fresh.agents.find((a) => a.agentId === a0.id)).toMatchObject({ callsHandled: 1 });
    expect(fresh.agents.find((a) => a.agentId === a0.id)!.pauseMsByReason.lunch).toBeCloseTo(row(a0.id)!.pauseMsByReason.lunch!, -2);
  }, 90_000);
});
