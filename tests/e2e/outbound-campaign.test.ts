// THE outbound campaign end to end on the real stack, inside the test network namespace
// (tests/support/netns: the e2e Asterisk, the namespace's own fake carrier `carrier-e2e` on 127.0.0.1:5070,
// a real server with all roles incl. the dialer, the real PostgreSQL, a private Redis, Debian Chromium).
//
// A predictive campaign with AMD (machine → message) of 200 numbers whose carrier codes encode the outcome
// mix (dialplans/README.md): 120 answered with 4–8 s of talk (a person who hangs up before AMD + the 2 s
// grace are over could never reach anyone; real people do not hang up a second after saying hello), 20 busy, 10 congestion, 15 unallocated,
// 15 no answer (10 ring 5 s then 480, 5 ring past the 15 s ring timeout), 10 answering machines, and 10 on
// DNC lists (5 global, 4 campaign, 1 added to the campaign list while the campaign runs).
//
// Agents: 4 campaign agents whose phones auto-answer. Three are agents without a browser; one is signed in
// to the real console in Chromium (its campaign pop is checked on screen). Every agent's phone (dial
// target) is a number on the fake carrier that answers at once with Echo (`7xxxx`), i.e. SIP endpoints
// on the carrier instance, not browser softphones: four Chromium processes with WebRTC audio do not fit
// next to two Asterisks, the server and 200 calls on 2 shared cores, and what this test proves is the
// dialer (pacing, classification, hand-over, abandon), not the softphone (tests/e2e/inbound-call proves that).
//
// Then an abandon on the same stack: a progressive campaign whose only agent's phone rings and never
// answers; after the 2 s grace the called party hears the identification message to its end (ARI playback
// finished on the called party's channel), the record is not redialed for 72 h.
//
// Run: npx tsx tests/support/netns/run.ts vitest run --project e2e-webrtc tests/e2e/outbound-campaign.test.ts
import { eq, inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../server/src/db/schema/calls.ts';
import { campaignAgents, campaignAttempts, campaignRecords, campaigns, dncNumbers } from '../../server/src/db/schema/campaigns.ts';
import { leads } from '../../server/src/db/schema/leads.ts';
import { eventually, listen, login, type Api } from '../integration/telephony/support.ts';
import { launchParty } from '../support/netns/browser.ts';
import { goReady, openWorkbench, signInConsole } from '../support/netns/console.ts';
import { PARTY_TONES } from '../support/netns/tones.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const PW = 'outbound-e2e-pw-123';
const ADMIN = { username: 'admin.outbound', password: PW, displayName: 'Admin', roles: ['admin' as const] };
const AGENTS = [0, 1, 2, 3].map((i) => ({ username: `outbound.agent${i}`, password: PW, displayName: `外呼坐席${i}`, roles: ['agent' as const] }));
const allDay = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), [{ from: '00:00', to: '24:00' }]]));

type Expect = 'answered' | 'busy' | 'congestion' | 'unallocated' | 'noAnswer' | 'machine' | 'dnc';
interface Planned { phone: string; code: string; expect: Expect; dnc?: 'global' | 'campaign' | 'midway'; lead?: boolean }

/** +86207<iii><code>: 13 digits, the carrier's code in the last five. */
const phone = (i: number, code: string) => `+86207${String(i).padStart(3, '0')}${code}`;

function plan(): Planned[] {
  const out: Planned[] = [];
  const add = (n: number, code: (k: number) => string, expect: Expect, extra: Partial<Planned> = {}) => {
    for (let k = 0; k < n; k++) {
      const c = code(k);
      out.push({ phone: phone(out.length, c), code: c, expect, ...extra });
    }
  };
  add(120, (k) => `2${k % 10}00${4 + (k % 5)}`, 'answered');
  add(20, (k) => `4${String(k).padStart(4, '0')}`, 'busy');
  add(10, (k) => `5${String(k).padStart(4, '0')}`, 'congestion');
  add(15, (k) => `6${String(k).padStart(4, '0')}`, 'unallocated');
  add(10, (k) => `31${k}05`, 'noAnswer');
  add(5, (k) => `30${String(k).padStart(3, '0')}`, 'noAnswer');
  add(10, (k) => `9${String(k).padStart(4, '0')}`, 'machine');
  add(5, () => '20003', 'dnc', { dnc: 'global' });
  add(4, () => '20003', 'dnc', { dnc: 'campaign' });
  add(1, () => '20003', 'dnc', { dnc: 'midway' });
  for (let i = 0; i < 30; i++) out[i]!.lead = true;
  return out;
}

let server: TestServer;
let browser: Browser;
let page: Page;
const apis: Api[] = [];
const sockets: Awaited<ReturnType<typeof listen>>[] = [];
const ids: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ listen: true });
  await server.createUser(ADMIN);
  for (const a of AGENTS) ids.push(await server.createUser(a));
  const admin = await login(server, ADMIN.username, PW);
  for (let i = 0; i < AGENTS.length; i++) {
    // The agent's phone: a carrier number answering at once with Echo (through the trunk).
    const r = await admin.put(`/api/agents/${ids[i]}/profile`, { dialTarget: `PJSIP/862000${String(i).padStart(2, '0')}70000@carrier`, skills: {} });
    expect(r.status).toBe(200);
  }
  for (const a of AGENTS.slice(0, 3)) {
    const api = await login(server, a.username, PW);
    expect((await api.post('/api/agent/sign-in')).status).toBe(200);
    expect((await api.post('/api/agent/ready')).status).toBe(200);
    apis.push(api);
  }
  apis.push(await login(server, AGENTS[3]!.username, PW));
  browser = await launchParty(PARTY_TONES.agent1);
  page = await signInConsole(browser, server.url, AGENTS[3]!);
  await openWorkbench(page, server.url);
  await goReady(page);
}, 180_000);

afterAll(async () => {
  // Open socket.io clients would keep the server from closing.
  for (const s of sockets) s.socket.close();
  await browser?.close();
  await server?.close();
});

describe('predictive outbound campaign on the real stack with the fake carrier', () => {
  it('runs 200 numbers to completion with the encoded outcomes, DNC never dialed, answers reaching agents with their record', async () => {
    const db = server.app.db;
    const dialer = server.app.dialer!;
    // Agents wrap up quickly: the console's disposition is not what this test is about.
    (dialer.deps as { wrapUpMs?: number }).wrapUpMs = 1_000;
    sockets.push(...(await Promise.all(apis.map((api) => listen(server, api)))));
    const planned = plan();
    expect(planned).toHaveLength(200);

    const leadRows = await db.insert(leads).values(planned.filter((p) => p.lead).map((p, i) => ({ name: `外呼线索 ${i}`, ownerId: ids[0]! }))).returning({ id: leads.id });
    const [c] = await db.insert(campaigns).values({
      name: '外呼端到端', status: 'draft', mode: 'predictive', callerId: '862088800000', trunk: 'carrier', script: '您好，我是 Ringside 的客服……',
      ringTimeoutSec: 15, maxLinesPerAgent: 3, amdEnabled: true, amdAction: 'message', abandonTarget: 0.03, callingWindows: allDay,
    }).returning();
    const campaignId = c!.id;
    await db.insert(campaignAgents).values(ids.map((userId) => ({ campaignId, userId })));
    let leadIdx = 0;
    const recs = await db.insert(campaignRecords).values(planned.map((p) => ({
      campaignId, phoneRaw: p.phone, phoneE164: p.phone, timezone: 'Asia/Shanghai', priority: p.dnc === 'midway' ? -10 : 0,
      leadId: p.lead ? leadRows[leadIdx++]!.id : null,
    }))).returning({ id: campaignRecords.id, phoneE164: campaignRecords.phoneE164 });
    const recordOf = new Map(recs.map((r) => [r.phoneE164, r.id]));
    for (const p of planned.filter((x) => x.dnc === 'global')) await db.insert(dncNumbers).values({ phoneE164: p.phone, reason: 'e2e global' }).onConflictDoNothing();
    for (const p of planned.filter((x) => x.dnc === 'campaign')) await db.insert(dncNumbers).values({ campaignId, phoneE164: p.phone, reason: 'e2e campaign' });

    await db.update(campaigns).set({ status: 'running' }).where(eq(campaigns.id, campaignId));
    await dialer.reload();
    // A number put on the campaign's DNC list while the campaign runs (its record is dialed last).
    const midway = planned.find((x) => x.dnc === 'midway')!;
    await db.insert(dncNumbers).values({ campaignId, phoneE164: midway.phone, reason: 'asked during the campaign' });

    // The console of the browser agent shows the campaign pop for a dialed record.
    const pop = page.getByTestId('pop-campaign');
    await pop.waitFor({ timeout: 120_000 });
    const shown = { recordId: await pop.getAttribute('data-record-id'), callId: await page.getByTestId('pop-call-info').getAttribute('data-call-id'), campaignId: await pop.getAttribute('data-campaign-id') };
    expect(shown.campaignId).toBe(campaignId);

    const started = Date.now();
    const records = await eventually(async () => {
      const rows = await db.select().from(campaignRecords).where(eq(campaignRecords.campaignId, campaignId));
      const busy = rows.some((r) => r.status === 'pending' || r.status === 'dialing');
      const lines = dialer.snapshot().find((s) => s.campaignId === campaignId)?.linesInProgress ?? 1;
      return !busy && lines === 0 ? rows : undefined;
    }, 12 * 60_000, 'the campaign to dial every record');
    console.log(`[outbound e2e] 200 records done in ${Math.round((Date.now() - started) / 1000)} s`);

    const attempts = dialer.attempts.filter((a) => a.campaignId === campaignId);
    const firstAttempt = new Map<string, (typeof attempts)[number]>();
    for (const a of attempts) if (!firstAttempt.has(a.number)) firstAttempt.set(a.number, a);
    const status = new Map(records.map((r) => [r.phoneE164, r.status]));

    // Every number: its encoded outcome, and the final or scheduled state that goes with it.
    const allowed: Record<Expect, string[]> = {
      answered: ['done'], busy: ['scheduled'], congestion: ['scheduled'], unallocated: ['invalid'], noAnswer: ['scheduled'], machine: ['scheduled'], dnc: ['dnc'],
    };
    const wrong: string[] = [];
    for (const p of planned) {
      const a = firstAttempt.get(p.phone);
      const got = p.expect === 'dnc' ? (a ? `dialed:${a.outcome}` : 'dnc') : a?.outcome === 'abandoned' ? 'answered' : a?.outcome;
      const st = status.get(p.phone)!;
      const okStatus = a?.outcome === 'abandoned' ? st === 'scheduled' : allowed[p.expect].includes(st);
      if (got !== p.expect || !okStatus) wrong.push(`${p.phone} (${p.code}): expected ${p.expect}, got ${got} / ${st}`);
    }
    expect(wrong).toEqual([]);

    // DNC numbers never reached the carrier: no attempt, no campaign_attempts row.
    const dncPhones = planned.filter((p) => p.dnc).map((p) => p.phone);
    expect(attempts.filter((a) => dncPhones.includes(a.number))).toEqual([]);
    const dncRecordIds = dncPhones.map((p) => recordOf.get(p)!);
    expect(await db.select().from(campaignAttempts).where(inArray(campaignAttempts.recordId, dncRecordIds))).toEqual([]);

    // Abandons: within the target, and each one heard the identification message to its end.
    const abandoned = attempts.filter((a) => a.outcome === 'abandoned');
    const live = attempts.filter((a) => a.outcome === 'answered').length + abandoned.length;
    console.log(`[outbound e2e] live answers ${live}, abandoned ${abandoned.length} (${((100 * abandoned.length) / live).toFixed(2)} %)`);
    expect(abandoned.length / live).toBeLessThanOrEqual(0.03);
    for (const a of abandoned) expect(a.heardMessage).toBe(true);
    // Machines got the message (a 6 s greeting, then the message while the "tape" runs).
    for (const a of attempts.filter((x) => x.outcome === 'machine')) expect(a.amd).toBe('MACHINE');

    // Each answered call reached an agent's console: one call:offer to the agent it was given to, with the
    // campaign and the right record (a called party who hangs up while that agent's phone rings was still
    // offered; with 2 s numbers and AMD that happens). Most were connected.
    const offers = sockets.flatMap((s, i) => s.events.filter((e) => e.name === 'call:offer').map((e) => ({ agentId: ids[i]!, payload: e.payload })));
    const missing: string[] = [];
    for (const a of attempts.filter((x) => x.outcome === 'answered')) {
      const o = offers.filter((x) => x.payload.callId === a.callId);
      const campaign = o[0]?.payload.campaign as { id?: string; recordId?: string } | undefined;
      if (o.length !== 1 || o[0]!.agentId !== a.offeredTo || (a.agentId !== null && a.agentId !== a.offeredTo) || campaign?.id !== campaignId || campaign.recordId !== a.recordId) missing.push(a.number);
    }
    expect(missing).toEqual([]);
    const connected = attempts.filter((x) => x.outcome === 'answered' && x.agentId !== null).length;
    console.log(`[outbound e2e] answered ${attempts.filter((x) => x.outcome === 'answered').length}, connected to an agent ${connected}`);
    expect(connected).toBeGreaterThanOrEqual(100);
    // The pop the browser showed belongs to the call it showed it for.
    expect(attempts.find((a) => a.callId === shown.callId)?.recordId).toBe(shown.recordId);
    // Offers for lead-linked records carry the lead as the pop's party.
    const leadOffers = offers.filter((o) => (o.payload.party as { type?: string } | null)?.type === 'lead');
    expect(leadOffers.length).toBeGreaterThan(0);

    // A calls row (outbound) for every attempt.
    const rows = await db.select({ id: calls.id, direction: calls.direction }).from(calls).where(inArray(calls.id, attempts.map((a) => a.callId)));
    expect(rows.length).toBe(attempts.length);
    expect(rows.every((r) => r.direction === 'outbound')).toBe(true);

    await db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, campaignId));
  }, 15 * 60_000);

  it("abandons an answer no agent connects within 2 s and the called party hears the identification message", async () => {
    const db = server.app.db;
    const dialer = server.app.dialer!;
    // An agent whose phone rings and never answers (a carrier number that rings until the caller gives up).
    const slowId = await server.createUser({ username: 'outbound.slow', password: PW, displayName: '慢坐席', roles: ['agent' as const] });
    const admin = await login(server, ADMIN.username, PW);
    expect((await admin.put(`/api/agents/${slowId}/profile`, { dialTarget: 'PJSIP/86200000930000@carrier', skills: {} })).status).toBe(200);
    const slow = await login(server, 'outbound.slow', PW);
    expect((await slow.post('/api/agent/sign-in')).status).toBe(200);
    expect((await slow.post('/api/agent/ready')).status).toBe(200);
    const [c] = await db.insert(campaigns).values({
      name: '外呼放弃演示', status: 'running', mode: 'progressive', callerId: '862088800000', trunk: 'carrier', ringTimeoutSec: 15, callingWindows: allDay,
    }).returning();
    await db.insert(campaignAgents).values({ campaignId: c!.id, userId: slowId });
    const number = phone(999, '20030');
    await db.insert(campaignRecords).values({ campaignId: c!.id, phoneRaw: number, phoneE164: number, timezone: 'Asia/Shanghai' });
    await dialer.reload();
    const attempt = await eventually(async () => dialer.attempts.find((a) => a.campaignId === c!.id), 60_000, 'the abandoned attempt');
    expect(attempt).toMatchObject({ outcome: 'abandoned', heardMessage: true, agentId: null, offeredTo: slowId });
    const [rec] = await db.select().from(campaignRecords).where(eq(campaignRecords.campaignId, c!.id));
    expect(rec!.abandonedAt).not.toBeNull();
    expect(rec!.status).toBe('scheduled');
    await db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c!.id));
  }, 120_000);
});
