// Dial attempts outlive their dialer, on the real Asterisk + fake carrier: the app's DialerRuntime dies in
// the middle of attempts (stopped with no cleanup — it never hangs up or settles anything on stop — and
// the dialer's leg claims dropped from telephony's registry, as a dead process loses them), then a new
// DialerRuntime on the same Redis store and app finishes them by the dialer's rules: a number still ringing
// ends with its real cause, one that ended meanwhile is settled from its phase, a live answer left waiting
// is abandoned with the identification message, and a call left ringing an agent is taken back after the grace.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptState } from '../../../server/src/core/dialer/attempt-types.ts';
import { campaignAgents, campaignRecords, campaigns } from '../../../server/src/db/schema/campaigns.ts';
import { attemptsKey } from '../../../server/src/modules/dialer/attempt-store.ts';
import { DialerRuntime } from '../../../server/src/modules/dialer/runtime.ts';
import { eventually, login, telephonyWorld, type Api, type TelephonyWorld } from '../telephony/support.ts';

let w: TelephonyWorld;
let admin: Api;
const dialers: DialerRuntime[] = [];
const tag = `rst${Date.now().toString(36)}`;
const allDay = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), [{ from: '00:00', to: '24:00' }]]),
);
let seq = 0;
const run = String(Date.now() % 1000).padStart(3, '0');
/** +8621<run><seq><code>: unique per run and call, the carrier's behaviour in the last five digits. */
const number = (code: string) => `+8621${run}${String(++seq).padStart(2, '0')}${code}`;

beforeAll(async () => {
  w = await telephonyWorld();
  await w.server.createUser({ username: `${tag}-admin`, password: 'admin-pw-12345', roles: ['admin'] });
  admin = await login(w.server, `${tag}-admin`, 'admin-pw-12345');
}, 180_000);
afterAll(async () => {
  for (const d of dialers) await d.stop();
  await w?.close();
});

/** The dialer running now: the app's, or the last one started after a crash. */
const dialer = (): DialerRuntime => dialers.at(-1) ?? w.server.app.dialer!;

async function agent(name: string, exten = 'tone'): Promise<{ id: string; api: Api }> {
  const id = await w.server.createUser({
    username: `${tag}-${name}`,
    password: 'agent-pw-12345',
    roles: ['agent'],
  });
  expect(
    (await admin.put(`/api/agents/${id}/profile`, { dialTarget: `Local/${exten}@ringside-test`, skills: {} }))
      .status,
  ).toBe(200);
  const api = await login(w.server, `${tag}-${name}`, 'agent-pw-12345');
  expect((await api.post('/api/agent/sign-in')).status).toBe(200);
  expect((await api.post('/api/agent/ready')).status).toBe(200);
  return { id, api };
}

async function campaign(
  name: string,
  agentId: string,
  phones: string[],
  extra: Partial<typeof campaigns.$inferInsert> = {},
) {
  const db = w.server.app.db;
  const [c] = await db
    .insert(campaigns)
    .values({
      name: `${name} ${tag}`,
      status: 'running',
      mode: 'progressive',
      callerId: '862000000000',
      trunk: 'carrier',
      ringTimeoutSec: 15,
      amdEnabled: false,
      callingWindows: allDay,
      ...extra,
    })
    .returning();
  await db.insert(campaignAgents).values({ campaignId: c!.id, userId: agentId });
  if (phones.length > 0) {
    const rows = phones.map((p) => ({
      campaignId: c!.id,
      phoneRaw: p,
      phoneE164: p,
      timezone: 'Asia/Shanghai',
    }));
    await db.insert(campaignRecords).values(rows);
  }
  return c!;
}

/** The attempts persisted for a campaign, as the store holds them now. */
async function persisted(campaignId: string): Promise<AttemptState[]> {
  const all = await w.server.app.redis.hgetall(attemptsKey(w.app));
  return Object.values(all)
    .map((json) => (JSON.parse(json) as { state: AttemptState }).state)
    .filter((s) => s.campaignId === campaignId);
}

/** Until the PBX no longer holds the channel (the listing includes channels still dialing). */
async function gone(channelId: string): Promise<void> {
  const pbx = w.server.app.telephony!.pbx;
  await eventually(
    async () => (await pbx.listChannels()).every((ch) => ch.channelId !== channelId),
    15_000,
    `${channelId} to end`,
  );
}

/** Waits until the campaign's persisted attempts are in these phases (one each, in any order). */
async function waitFor(campaignId: string, phases: AttemptState['phase'][]): Promise<AttemptState[]> {
  const want = [...phases].sort().join();
  return eventually(
    async () => {
      const states = await persisted(campaignId);
      return states
        .map((s) => s.phase)
        .sort()
        .join() === want
        ? states
        : undefined;
    },
    20_000,
    `attempts in ${want}`,
  );
}

/**
 * The dialer dies: it stops pacing and listening with nothing cleaned up, and the leg claims it held in
 * telephony's registry are gone with it (a restarted process has only what the PBX and Redis hold).
 */
async function crash(): Promise<void> {
  const old = dialer();
  await old.stop();
  const facade = old.deps.telephony;
  for (const [callId, json] of Object.entries(await w.server.app.redis.hgetall(attemptsKey(w.app)))) {
    const s = (JSON.parse(json) as { state: AttemptState }).state;
    if (facade.legOf(s.channelId)?.kind === 'dialer') facade.releaseLeg(s.channelId);
    expect(s.callId).toBe(callId);
  }
}

async function restart(): Promise<DialerRuntime> {
  const fresh = new DialerRuntime({ ...w.server.app.dialer!.deps });
  dialers.push(fresh);
  await fresh.start();
  return fresh;
}

describe('dial attempts across a dialer restart', () => {
  it('a number still ringing ends with its real cause; one that ended while the dialer was down is settled from its phase', async () => {
    const a = await agent('ring');
    const longRing = number('31008'); // rings 8 s, then 480 (cause 19)
    const shortRing = number('31002'); // rings 2 s, then 480: over while no dialer runs
    const c = await campaign('Ringing', a.id, [longRing, shortRing], {
      mode: 'power',
      powerLinesPerAgent: 2,
      maxLinesPerAgent: 2,
    });
    await dialer().reload();
    const ringing = await waitFor(c.id, ['ringing', 'ringing']);
    const dialed = await w.server.app.db
      .select()
      .from(campaignRecords)
      .where(eq(campaignRecords.campaignId, c.id));
    const shortRecord = dialed.find((r) => r.phoneE164 === shortRing)!.id;
    await crash();
    // The short ring ends (480) while no dialer runs; the long one still rings at the restart.
    await gone(ringing.find((s) => s.recordId === shortRecord)!.channelId);
    const fresh = await restart();

    const done = await eventually(
      async () => {
        const list = fresh.attempts.filter((x) => x.campaignId === c.id);
        return list.length === 2 ? list : undefined;
      },
      20_000,
      'both attempts to end',
    );
    const byNumber = Object.fromEntries(done.map((x) => [x.number, x]));
    // Still ringing at the restart: the new dialer claimed the leg again and heard its end.
    expect(byNumber[longRing]).toMatchObject({ outcome: 'noAnswer', cause: 19 });
    // Gone meanwhile: ringing, well inside its 15 s ring timeout → failed, cause unknown.
    expect(byNumber[shortRing]).toMatchObject({ outcome: 'failed', cause: null });
    const records = await w.server.app.db
      .select()
      .from(campaignRecords)
      .where(eq(campaignRecords.campaignId, c.id));
    expect(records.map((r) => r.status).sort()).toEqual(['scheduled', 'scheduled']);
    expect(records.every((r) => r.attempts === 1)).toBe(true);
    expect(await persisted(c.id)).toEqual([]);
    expect((await a.api.post('/api/agent/sign-out')).status).toBe(200);
    await w.server.app.db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c.id));
  }, 60_000);

  it('a live answer waiting for an agent is abandoned with the identification message by the new dialer', async () => {
    const a = await agent('wait');
    // A callback owed by another agent, who is not signed in: the answer may go only to them, so it waits
    // out the grace (we crash inside it) while the ready agent keeps the campaign dialing.
    const owner = await w.server.createUser({
      username: `${tag}-owner`,
      password: 'agent-pw-12345',
      roles: ['agent'],
    });
    const phone = number('20030'); // answers after ~1 s, talks 30 s: long enough for the message
    const c = await campaign('Waiting', a.id, []);
    await w.server.app.db.insert(campaignAgents).values({ campaignId: c.id, userId: owner });
    await w.server.app.db.insert(campaignRecords).values({
      campaignId: c.id,
      phoneRaw: phone,
      phoneE164: phone,
      timezone: 'Asia/Shanghai',
      status: 'callback',
      callbackAt: new Date(Date.now() - 60_000),
      callbackAgentId: owner,
    });
    await dialer().reload();
    const [waiting] = await waitFor(c.id, ['waiting']);
    await crash();
    const fresh = await restart();

    const attempt = await eventually(
      async () => fresh.attempts.find((x) => x.campaignId === c.id),
      30_000,
      'the abandon',
    );
    expect(attempt).toMatchObject({
      callId: waiting!.callId,
      outcome: 'abandoned',
      heardMessage: true,
      agentId: null,
    });
    const [rec] = await w.server.app.db
      .select()
      .from(campaignRecords)
      .where(eq(campaignRecords.campaignId, c.id));
    expect(rec!.abandonedAt).not.toBeNull();
    expect(await persisted(c.id)).toEqual([]);
    expect((await a.api.post('/api/agent/sign-out')).status).toBe(200);
    await w.server.app.db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c.id));
  }, 60_000);

  it('a call left ringing an agent is taken back after the grace and abandoned; the agent is ready again', async () => {
    const a = await agent('offer', 'noanswer');
    const c = await campaign('Offered', a.id, [number('20030')]);
    await dialer().reload();
    const [offered] = await waitFor(c.id, ['offered']);
    await crash();
    const fresh = await restart();

    const attempt = await eventually(
      async () => fresh.attempts.find((x) => x.campaignId === c.id),
      30_000,
      'the abandon',
    );
    expect(attempt).toMatchObject({
      callId: offered!.callId,
      outcome: 'abandoned',
      heardMessage: true,
      offeredTo: a.id,
    });
    expect((await a.api.get<{ state: string }>('/api/agent/state')).body.state).toBe('ready');
    expect((await a.api.post('/api/agent/sign-out')).status).toBe(200);
    await w.server.app.db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c.id));
  }, 60_000);
});
