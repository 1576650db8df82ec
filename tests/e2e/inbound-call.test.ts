// THE inbound flow end to end on the real stack, inside the test network namespace (tests/support/netns):
// real e2e Asterisk, real server (all roles), real PostgreSQL and (private) Redis, Debian Chromium with a
// fake-mic tone per agent. Two agents sign in and go ready; a caller (ARI-originated Local channel into
// ringside-inbound, its far side echoing) calls a DID with a seeded customer's number written differently;
// agent 1 sees the customer BEFORE its phone rings, answers; two-way audio is proven by tones and RTP
// counts; hold/retrieve; attended transfer to agent 2 (each hears the other's tone while consulting);
// hang-up; disposition + note; the 360 shows the call activity with a playable, non-empty recording.
// Then: a caller who hangs up while queued is an abandoned call; with the server stopped, a call gets the
// fallback announcement instead of silence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ariClient } from '../support/netns/ari.ts';
import { measureTones, packetCounts } from '../support/netns/audio.ts';
import { launchParty } from '../support/netns/browser.ts';
import { goReady, openWorkbench, popAndRing, signInConsole, waitForAgentState, waitForSoftphone } from '../support/netns/console.ts';
import { PARTY_TONES } from '../support/netns/tones.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { adminApi, configureInbound, type InboundSetup } from '../support/netns/inbound-setup.ts';

const A1 = { username: 'agent.one', password: 'agent-one-pw-123', displayName: '王芳', roles: ['agent' as const] };
const A2 = { username: 'agent.two', password: 'agent-two-pw-123', displayName: '张伟', roles: ['agent' as const] };
const ADMIN = { username: 'admin.e2e', password: 'admin-e2e-pw-123', displayName: 'Admin', roles: ['admin' as const] };
const CUSTOMER = { name: '上海明远贸易有限公司', storedPhone: '138 0013 8000', callerId: '+8613800138000' };

let server: TestServer;
let b1: Browser;
let b2: Browser;
let p1: Page;
let p2: Page;
let setup: InboundSetup;
const ari = () => ariClient(server.config);

/** Places the caller: the Local channel's ;2 half enters ringside-inbound for the DID; ;1 echoes. */
async function placeCall(did: string, callerId: string, extension = 'echo'): Promise<string> {
  const ch = await ari().originate({
    endpoint: `Local/did-${did}@ringside-test`,
    context: 'ringside-test',
    extension,
    priority: '1',
    callerId: `"Caller" <${callerId}>`,
    timeout: '60',
  });
  return ch.id;
}

async function rtpBothWays(page: Page): Promise<void> {
  try {
    await expect.poll(async () => Math.min(...Object.values(await packetCounts(page))), { timeout: 15_000 }).toBeGreaterThan(100);
  } catch (err) {
    // Which direction stalled tells ICE/DTLS trouble (both 0) from a one-way bridge problem.
    console.error('RTP packet counts when the wait ended:', JSON.stringify(await packetCounts(page)));
    throw err;
  }
}

/** The loudest frequency reaching a page's softphone, within a tolerance of `hz`. */
async function hears(page: Page, hz: number): Promise<boolean> {
  const t = await measureTones(page, [hz], 1000);
  return Math.abs(t.peakHz - hz) < 30 && t.levels[String(hz)]! > t.floorDb + 25;
}

beforeAll(async () => {
  server = await startTestServer({ listen: true });
  for (const u of [A1, A2, ADMIN]) await server.createUser(u);
  setup = await configureInbound(server, { admin: ADMIN, agents: [A1.username, A2.username], queueMembers: [A1.username], customer: CUSTOMER });
  [b1, b2] = await Promise.all([launchParty(PARTY_TONES.agent1), launchParty(PARTY_TONES.agent2)]);
  p1 = await signInConsole(b1, server.url, A1);
  p2 = await signInConsole(b2, server.url, A2);
  await openWorkbench(p1, server.url);
  await openWorkbench(p2, server.url);
});

afterAll(async () => {
  await Promise.all([b1?.close(), b2?.close()]);
  await server?.close();
});

describe('inbound call through the console, real stack in a network namespace', () => {
  let callId = '';

  it('two agents sign in through the console and go ready', async () => {
    await goReady(p1);
    await goReady(p2);
  });

  it("routes the call to agent 1 and shows the customer's 360 before the softphone rings", async () => {
    await placeCall(setup.did, CUSTOMER.callerId);
    await p1.getByTestId('pop-customer-name').waitFor();
    expect(await p1.getByTestId('pop-customer-name').innerText()).toBe(CUSTOMER.name);
    await waitForSoftphone(p1, 'ringing');
    callId = (await p1.getByTestId('pop-call-info').getAttribute('data-call-id')) ?? '';
    expect(callId).not.toBe('');
    const t = await popAndRing(p1, callId);
    expect(t).not.toBeNull();
    // The pop was painted before the phone reported ringing (a phone held for its pop rings in the same
    // task that painted it, so equal clock readings still mean pop first).
    expect(t!.popRenderedAt).toBeLessThanOrEqual(t!.ringAt);
    expect(await p1.getByTestId('pop-queue').innerText()).toBe(setup.queueName);
    await waitForAgentState(p1, 'ringing');
    // Agent 2 is not a member of the queue: no pop there.
    expect(await p2.getByTestId('pop-customer-name').count()).toBe(0);
  });

  it('agent 1 answers and audio flows both ways', async () => {
    await p1.getByTestId('btn-answer').click();
    await waitForSoftphone(p1, 'inCall');
    await waitForAgentState(p1, 'onCall');
    await rtpBothWays(p1);
    // The caller's side echoes: agent 1's own 1000 Hz went to the caller and came back.
    await expect.poll(() => hears(p1, PARTY_TONES.agent1), { timeout: 10_000 }).toBe(true);
  });

  it('hold moves the caller to music on hold; retrieve brings the conversation back', async () => {
    await p1.getByTestId('btn-hold').click();
    await p1.getByTestId('call-held').waitFor();
    await expect.poll(() => hears(p1, PARTY_TONES.agent1), { timeout: 10_000 }).toBe(false);
    await p1.getByTestId('btn-retrieve').click();
    await p1.getByTestId('call-held').waitFor({ state: 'detached' });
    await expect.poll(() => hears(p1, PARTY_TONES.agent1), { timeout: 10_000 }).toBe(true);
  });

  it('attended transfer: agent 1 consults agent 2 (each hears the other), then completes', async () => {
    await p1.getByTestId('btn-transfer').click();
    await p1.getByTestId('transfer-mode-attended').click();
    await p1.getByTestId('transfer-kind-agent').click();
    await p1.getByTestId('transfer-target').fill(setup.agentIds[A2.username]!);
    await p1.getByTestId('transfer-start').click();
    await waitForSoftphone(p2, 'ringing');
    await p2.getByTestId('btn-answer').click();
    await waitForSoftphone(p2, 'inCall');
    await p1.getByTestId('transfer-complete').waitFor();
    await rtpBothWays(p2);
    await expect.poll(() => hears(p1, PARTY_TONES.agent2), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => hears(p2, PARTY_TONES.agent1), { timeout: 10_000 }).toBe(true);

    await p1.getByTestId('transfer-complete').click();
    await waitForSoftphone(p1, 'ended');
    await waitForAgentState(p1, 'wrapUp');
    // Agent 2 now talks with the caller (whose side echoes agent 2's 2000 Hz).
    await expect.poll(() => hears(p2, PARTY_TONES.agent2), { timeout: 10_000 }).toBe(true);
  });

  it('agent 2 hangs up and wraps up; the call record is complete', async () => {
    await p2.getByTestId('btn-hangup').click();
    await waitForSoftphone(p2, 'ended');
    await p2.getByTestId('wrapup-form').waitFor();
    await p2.getByTestId('wrapup-disposition').click();
    await p2.getByTestId(`wrapup-option-${setup.disposition}`).click();
    await p2.getByTestId('wrapup-submit').click();
    await p2.getByTestId('wrapup-form').waitFor({ state: 'detached' });

    const api = await adminApi(server, ADMIN);
    await expect
      .poll(async () => (await api.get(`/api/calls/${callId}`)) as Record<string, unknown>, { timeout: 15_000 })
      .toMatchObject({ id: callId, direction: 'inbound', did: setup.did, customerId: setup.customerId, queueId: setup.queueId, transfers: 1, agentId: setup.agentIds[A2.username] });
    const call = (await api.get(`/api/calls/${callId}`)) as { agentPath: string[]; recordingId: string | null; endedAt: string | null };
    expect(call.agentPath).toEqual([setup.agentIds[A1.username], setup.agentIds[A2.username]]);
    expect(call.endedAt).not.toBeNull();
    expect(call.recordingId).not.toBeNull();
  });

  it('agent 1 saves a disposition and a note once the call is over', async () => {
    await p1.getByTestId('wrapup-disposition').click();
    await p1.getByTestId(`wrapup-option-${setup.disposition}`).click();
    await p1.getByTestId('wrapup-note').fill('客户咨询订单发货时间，已转接物流坐席。<b>not html</b>');
    await p1.getByTestId('wrapup-submit').click();
    await p1.getByTestId('wrapup-form').waitFor({ state: 'detached' });
    const api = await adminApi(server, ADMIN);
    const call = (await api.get(`/api/calls/${callId}`)) as { disposition: string; note: string };
    expect(call.disposition).toBe(setup.disposition);
    // Stored as text, HTML and all.
    expect(call.note).toBe('客户咨询订单发货时间，已转接物流坐席。<b>not html</b>');
  });

  it("the customer's 360 shows the call activity with a playable, non-empty recording", async () => {
    // Viewed by the admin: the activity belongs to agent 2 (who ended the call), the customer to agent 1.
    const viewer = await signInConsole(b1, server.url, ADMIN);
    await viewer.goto(`${server.url}/customers?id=${setup.customerId}`);
    await viewer.getByTestId('customer-360').waitFor();
    await viewer.getByRole('tab', { name: /联系记录|Timeline/ }).click();
    // The call activity of this call, with its recording player (served with HTTP Range).
    const player = viewer.getByTestId('c360-timeline').locator('audio[src*="/api/recordings/"]').first();
    await player.waitFor({ state: 'attached', timeout: 20_000 });
    expect(await viewer.getByTestId('c360-timeline').innerText()).toContain(CUSTOMER.callerId);
    const media = await player.evaluate(async (el: HTMLAudioElement) => {
      if (el.readyState < 1) await new Promise((r) => el.addEventListener('loadedmetadata', r, { once: true }));
      const res = await fetch(el.currentSrc || el.src, { headers: { range: 'bytes=0-1023' } });
      return { duration: el.duration, status: res.status, range: res.headers.get('content-range'), bytes: (await res.arrayBuffer()).byteLength };
    });
    expect(media.duration).toBeGreaterThan(1);
    expect(media.status).toBe(206);
    expect(media.bytes).toBe(1024);
    expect(Number(media.range?.split('/')[1])).toBeGreaterThan(8000);
  });
});

describe('calls that never reach an agent', () => {
  it('a caller who hangs up while queued produces one abandoned call record with its wait time', async () => {
    // Nobody of the queue is ready: agent 1 pauses (agent 2 is not a member).
    await p1.goto(`${server.url}/workbench?rawAudio=1`);
    await waitForSoftphone(p1, 'registered');
    await p1.getByTestId('btn-pause').click();
    await waitForAgentState(p1, 'paused');
    const api = await adminApi(server, ADMIN);
    const abandoned = async () => ((await api.get('/api/calls?outcome=abandoned')) as { items: { waitSec?: number | null; callerNumber?: string | null }[] }).items;
    const before = (await abandoned()).length;
    const caller = await placeCall(setup.did, '+8613900139000', 'answer');
    // Queued: the caller's channel sits in the holding bridge for a while, then hangs up.
    await new Promise((r) => setTimeout(r, 2500));
    await ari().hangup(caller);
    await expect.poll(abandoned, { timeout: 15_000 }).toHaveLength(before + 1);
    const rows = await abandoned();
    const row = rows.find((r) => r.callerNumber?.includes('13900139000'));
    expect(row?.waitSec ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('with the telephony role stopped, a call gets the fallback announcement instead of silence', async () => {
    await Promise.all([b1.close(), b2.close()]);
    await server.app.close(); // the Stasis app is unregistered: Stasis() fails over to ringside-fallback
    await placeCall(setup.did, '+8613700137000', 'answer');
    await expect
      .poll(async () => (await ari().call<{ name: string; dialplan: { context: string } }[]>('GET', '/channels')).some((c) => c.name.endsWith(';2') && c.dialplan.context === 'ringside-fallback'), { timeout: 10_000 })
      .toBe(true);
  });
});
