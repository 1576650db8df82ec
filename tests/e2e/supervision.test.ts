// Supervisor call actions end to end on the real stack, inside the test network namespace: real e2e
// Asterisk, real server, three Chromium processes with distinct fake-mic tones — the customer (440 Hz,
// a console softphone rung by ARI straight into the DID's dialplan, so the customer's leg is a real
// WebRTC call), the agent (1000 Hz) and the agent's team supervisor (1500 Hz, chosen clear of the other
// tones' harmonics and mixing products). What each party hears is measured in its page. The supervisor
// acts from the Live calls page: listen, whisper, barge (one supervisor call throughout), take over;
// then, on a second call, force hang-up. An agent and another team's supervisor are denied with no
// channel created.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { teams, users } from '../../server/src/db/schema/users.ts';
import { ariClient } from '../support/netns/ari.ts';
import { measureTones, packetCounts } from '../support/netns/audio.ts';
import { launchParty } from '../support/netns/browser.ts';
import { goReady, openWorkbench, signInConsole, waitForAgentState, waitForSoftphone } from '../support/netns/console.ts';
import { adminApi, configureInbound, type InboundSetup } from '../support/netns/inbound-setup.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const TONE = { customer: 440, agent: 1000, supervisor: 1500 } as const;
const CUSTOMER = { username: 'customer.phone', password: 'customer-pw-12345', displayName: 'Customer', roles: ['agent' as const] };
const AGENT = { username: 'agent.sv', password: 'agent-sv-pw-12345', displayName: '王芳', roles: ['agent' as const] };
const SUP = { username: 'sup.a', password: 'sup-a-pw-123456', displayName: '李班长', roles: ['supervisor' as const] };
const SUP_B = { username: 'sup.b', password: 'sup-b-pw-123456', displayName: '赵班长', roles: ['supervisor' as const] };
const ADMIN = { username: 'admin.sv', password: 'admin-sv-pw-1234', displayName: 'Admin', roles: ['admin' as const] };

let server: TestServer;
let browsers: Browser[] = [];
let pc: Page;
let pa: Page;
let ps: Page;
let setup: InboundSetup;
const ids: Record<string, string> = {};
const ari = () => ariClient(server.config);

/** dBFS at each frequency of interest (the path is digital end to end: an absent tone is far below). */
async function heard(page: Page): Promise<Record<number, number>> {
  const freqs = Object.values(TONE);
  const t = await measureTones(page, freqs, 1000);
  return Object.fromEntries(freqs.map((f) => [f, Math.round(t.levels[String(f)]!)]));
}
/** Measured: a party's tone arrives around -20 dBFS; an absent one (codec noise, leakage) at -70…-80. */
const LOUD = -45;
const QUIET = -60;

/** Polls until the page hears every tone in `on` and none in `off`; returns the last measurement. */
async function expectHearing(page: Page, on: number[], off: number[], what: string): Promise<void> {
  let last: Record<number, number> = {};
  const ok = () => on.every((f) => last[f]! > LOUD) && off.every((f) => last[f]! < QUIET);
  const end = Date.now() + 15_000;
  do {
    last = await heard(page);
  } while (!ok() && Date.now() < end);
  console.info(`[supervision e2e] ${what}: ${JSON.stringify(last)}`);
  expect(ok(), `${what}: dBFS ${JSON.stringify(last)} (want > ${LOUD} for ${on.join(',')}, < ${QUIET} for ${off.join(',')})`).toBe(true);
}

/** The customer's console phone is rung by ARI; answered, it runs the DID's dialplan like a carrier call. */
async function customerCalls(): Promise<string> {
  await ari().originate({ endpoint: `PJSIP/agent-${ids.customer}`, context: 'ringside-test', extension: `did-${setup.did}`, priority: '1', callerId: '"Customer" <+8613800138000>', timeout: '30' });
  await waitForSoftphone(pc, 'ringing');
  await pc.getByTestId('btn-answer').click();
  await waitForSoftphone(pc, 'inCall');
  await waitForSoftphone(pa, 'ringing');
  const callId = (await pa.getByTestId('pop-call-info').getAttribute('data-call-id')) ?? '';
  await pa.getByTestId('btn-answer').click();
  await waitForSoftphone(pa, 'inCall');
  await waitForAgentState(pa, 'onCall');
  await expect.poll(async () => Math.min(...Object.values(await packetCounts(pa))), { timeout: 15_000 }).toBeGreaterThan(100);
  return callId;
}

function row(callId: string) {
  return ps.locator(`[data-testid="supervisor-actions"][data-call-id="${callId}"]`);
}

async function confirmDialog(page: Page): Promise<void> {
  await page.locator('.el-message-box__btns .el-button--primary').click();
}

beforeAll(async () => {
  server = await startTestServer({ listen: true, ...(process.env.RINGSIDE_E2E_WEB_DIST ? { overrides: { WEB_DIST: process.env.RINGSIDE_E2E_WEB_DIST } } : {}) });
  for (const [k, u] of Object.entries({ customer: CUSTOMER, agent: AGENT, sup: SUP, supB: SUP_B, admin: ADMIN })) ids[k] = await server.createUser(u);
  setup = await configureInbound(server, { admin: ADMIN, agents: [AGENT.username], queueMembers: [AGENT.username], customer: { name: '上海明远贸易有限公司', storedPhone: '138 0013 8000' } });
  const db = server.app.db;
  const [teamA] = await db.insert(teams).values({ name: 'e2e-team-a', managerUserId: ids.sup }).returning();
  const [teamB] = await db.insert(teams).values({ name: 'e2e-team-b', managerUserId: ids.supB }).returning();
  await db.update(users).set({ teamId: teamA!.id }).where(eq(users.id, ids.agent!));
  await db.update(users).set({ teamId: teamB!.id }).where(eq(users.id, ids.supB!));
  browsers = await Promise.all([launchParty(TONE.customer), launchParty(TONE.agent), launchParty(TONE.supervisor)]);
  pc = await signInConsole(browsers[0]!, server.url, CUSTOMER);
  pa = await signInConsole(browsers[1]!, server.url, AGENT);
  ps = await signInConsole(browsers[2]!, server.url, SUP);
  // Diagnostics for a failing run: what the supervisor's console logged (softphone errors).
  ps.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.warn(`[sup.a console] ${m.text().slice(0, 300)}`);
  });
  await openWorkbench(pc, server.url);
  await openWorkbench(pa, server.url);
  await goReady(pa);
  await ps.goto(`${server.url}/live-calls?rawAudio=1`);
  await ps.getByTestId('page-live-calls').waitFor();
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.close();
});

describe('supervisor call actions with three softphones', () => {
  let callId = '';

  it('customer and agent talk', async () => {
    callId = await customerCalls();
    expect(callId).not.toBe('');
    await expectHearing(pa, [TONE.customer], [TONE.supervisor], 'agent before monitoring');
    await expectHearing(pc, [TONE.agent], [TONE.supervisor], 'customer before monitoring');
  });

  it('is denied to an agent and to a supervisor of another team, with no channel created', async () => {
    const before = (await ari().channels()).map((c) => c.name).sort();
    const agentTry = await pa.evaluate(async (id) => (await fetch(`/api/supervision/calls/${id}/monitor`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'listen' }) })).status, callId);
    expect(agentTry).toBe(403);
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: SUP_B.username, password: SUP_B.password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    for (const [url, payload] of [[`monitor`, { mode: 'listen' }], [`monitor`, { mode: 'barge' }], ['hangup', {}], ['takeover', {}]] as const) {
      const r = await server.app.inject({ method: 'POST', url: `/api/supervision/calls/${callId}/${url}`, headers: { cookie }, payload });
      expect(r.statusCode).toBe(404);
    }
    const list = await server.app.inject({ method: 'GET', url: '/api/supervision/calls', headers: { cookie } });
    expect(JSON.parse(list.body)).toEqual({ items: [] });
    await new Promise((r) => setTimeout(r, 500));
    const after = (await ari().channels()).map((c) => c.name).sort();
    expect(after).toEqual(before);
    expect(after.some((n) => n.startsWith('Snoop/'))).toBe(false);
    // Nobody else joined: the customer still hears only the agent.
    await expectHearing(pc, [TONE.agent], [TONE.supervisor], 'customer after the denials');
  });

  it('listen: the supervisor hears both parties, nobody hears the supervisor', async () => {
    await row(callId).waitFor({ timeout: 15_000 });
    await row(callId).getByTestId('btn-sv-listen').click();
    await ps.locator(`[data-testid="supervisor-actions"][data-call-id="${callId}"][data-mode="listen"]`).waitFor();
    await waitForSoftphone(ps, 'inCall');
    await expectHearing(ps, [TONE.customer, TONE.agent], [], 'supervisor listening');
    await expectHearing(pa, [TONE.customer], [TONE.supervisor], 'agent while listened to');
    await expectHearing(pc, [TONE.agent], [TONE.supervisor], 'customer while listened to');
  });

  it('whisper: only the agent hears the supervisor', async () => {
    await row(callId).getByTestId('btn-sv-whisper').click();
    await ps.locator(`[data-testid="supervisor-actions"][data-call-id="${callId}"][data-mode="whisper"]`).waitFor();
    await expectHearing(pa, [TONE.customer, TONE.supervisor], [], 'agent while whispered to');
    await expectHearing(pc, [TONE.agent], [TONE.supervisor], 'customer during whisper');
    await expectHearing(ps, [TONE.customer, TONE.agent], [], 'supervisor whispering');
  });

  it('barge: all three hear each other, on the same supervisor call', async () => {
    await row(callId).getByTestId('btn-sv-barge').click();
    await ps.locator(`[data-testid="supervisor-actions"][data-call-id="${callId}"][data-mode="barge"]`).waitFor();
    await expectHearing(pc, [TONE.agent, TONE.supervisor], [], 'customer in the barge');
    await expectHearing(pa, [TONE.customer, TONE.supervisor], [], 'agent in the barge');
    await expectHearing(ps, [TONE.customer, TONE.agent], [], 'supervisor in the barge');
    // The supervisor's phone was never redialed: still the same, uninterrupted call.
    await waitForSoftphone(ps, 'inCall');
  });

  it('take over: the customer now talks to the supervisor, the agent is in wrap-up', async () => {
    await row(callId).getByTestId('btn-sv-takeover').click();
    await confirmDialog(ps);
    await waitForSoftphone(pa, 'ended');
    await waitForAgentState(pa, 'wrapUp');
    await expectHearing(pc, [TONE.supervisor], [TONE.agent], 'customer after take-over');
    await expectHearing(ps, [TONE.customer], [TONE.agent], 'supervisor after take-over');
    await pc.getByTestId('btn-hangup').click();
    await waitForSoftphone(ps, 'ended');
    const api = await adminApi(server, ADMIN);
    await expect.poll(async () => ((await api.get(`/api/calls/${callId}`)) as { outcome: string }).outcome, { timeout: 15_000 }).toBe('completed');
    const call = (await api.get(`/api/calls/${callId}`)) as { agentId: string; agentPath: string[] };
    expect(call.agentId).toBe(ids.sup);
    expect(call.agentPath).toEqual([ids.agent, ids.sup]);
  });

  it('force hang-up: both legs gone, the call record says a supervisor ended it', async () => {
    await waitForSoftphone(pc, 'registered');
    await waitForSoftphone(pa, 'registered');
    await goReady(pa);
    const second = await customerCalls();
    await row(second).waitFor({ timeout: 15_000 });
    await row(second).getByTestId('btn-sv-hangup').click();
    await confirmDialog(ps);
    await waitForSoftphone(pc, 'ended');
    await waitForSoftphone(pa, 'ended');
    await waitForAgentState(pa, 'wrapUp');
    const api = await adminApi(server, ADMIN);
    await expect
      .poll(async () => (await api.get(`/api/calls/${second}`)) as Record<string, unknown>, { timeout: 15_000 })
      .toMatchObject({ outcome: 'completed', hangupSide: 'system', cause: 'supervisor-hangup', agentId: ids.agent });
    const audit = await server.app.db.query.auditLog.findMany({ where: (a, { eq: is }) => is(a.entityId, callId) });
    expect(audit.map((a) => a.action).sort()).toEqual(['supervision.barge', 'supervision.denied', 'supervision.denied', 'supervision.denied', 'supervision.denied', 'supervision.listen', 'supervision.takeover', 'supervision.whisper'].sort());
  });
});
