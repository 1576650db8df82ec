// The wallboard page in Debian's Chromium against the real server (PBX disabled: the figures come from
// transitions handed to the hub's event path, as the telephony runtime hands them; the real-call test is
// tests/integration/wallboard). A supervisor sees their team's agents and queue; pushes repaint the
// tiles and rows; the time-in-state timer runs in the browser; a live call row carries the supervisor's
// call actions; after a dropped connection the page re-reads the snapshot.
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { acdQueueMembers, acdQueues } from '../../server/src/db/schema/telephony.ts';
import { teams, users } from '../../server/src/db/schema/users.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ensureConsoleBuilt } from '../support/console-build.ts';


let server: TestServer;
let browser: Browser;
let page: Page;
let agentIds: string[] = [];
let queueId = '';

beforeAll(async () => {
  ensureConsoleBuilt();
  server = await startTestServer({ overrides: { PBX_ENABLED: 'false' } });
  const db = server.app.db;
  const sup = await server.createUser({ username: 'wb.sup', password: 'pw-Wallboard-1', roles: ['supervisor'], displayName: '班长甲' });
  const [team] = await db.insert(teams).values({ name: 'wb-e2e', managerUserId: sup }).returning();
  agentIds = [
    await server.createUser({ username: 'wb.a1', password: 'pw-Wallboard-1', roles: ['agent'], displayName: '坐席一' }),
    await server.createUser({ username: 'wb.a2', password: 'pw-Wallboard-1', roles: ['agent'], displayName: '坐席二' }),
  ];
  await db.update(users).set({ teamId: team!.id }).where(inArray(users.id, agentIds));
  const [q] = await db.insert(acdQueues).values({ name: '售后队列', serviceLevelSec: 20 }).returning();
  queueId = q!.id;
  await db.insert(acdQueueMembers).values(agentIds.map((userId) => ({ queueId, userId, penalty: 0 })));
  await server.app.wallboard.reloadDirectory();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'zh-CN' })).newPage();
  page.setDefaultTimeout(15_000);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const row = (agentId: string) => page.locator(`[data-agent-row="${agentId}"]`);
const tile = () => page.locator(`[data-queue-id="${queueId}"]`);

it('a supervisor watches the queue and agents change live, with running timers and call actions', async () => {
  const hub = server.app.wallboard;
  const [a1, a2] = agentIds as [string, string];
  await page.goto(`${server.url}/wallboard`);
  await page.getByTestId('login-username').fill('wb.sup');
  await page.getByTestId('login-password').fill('pw-Wallboard-1');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname !== '/login');
  if (!page.url().includes('/wallboard')) await page.goto(`${server.url}/wallboard`);
  await expect.poll(() => page.locator('[data-agent-row]').count()).toBe(2);
  await expect.poll(() => page.getByTestId('wallboard-connection').textContent()).toContain('实时');

  const now = Date.now();
  hub.apply({ type: 'agentState', agentId: a1, state: 'paused', reason: 'lunch', since: now - 65_500, callId: null, at: now });
  hub.apply({ type: 'agentState', agentId: a2, state: 'ready', reason: null, since: now, callId: null, at: now });
  await expect.poll(() => row(a1).textContent()).toContain('小休');
  expect(await row(a1).textContent()).toContain('lunch');
  const first = await row(a1).locator('td').nth(2).textContent();
  expect(first).toMatch(/^1:0[5-9]$/); // 65 s in state, from the server's timestamp
  await expect.poll(() => row(a1).locator('td').nth(2).textContent(), { timeout: 3000 }).not.toBe(first);

  hub.apply({ type: 'callWaiting', callId: 'call-1', queueId, waitingSince: now, at: now });
  await expect.poll(() => tile().getByTestId('queue-waiting').textContent()).toBe('1');
  const later = Date.now();
  hub.apply({ type: 'agentState', agentId: a2, state: 'onCall', reason: null, since: later, callId: 'call-1', at: later });
  hub.apply({ type: 'callAnswered', callId: 'call-1', agentId: a2, queueId, campaignId: null, customer: '上海明远贸易', countForQueue: true, at: later });
  await expect.poll(() => tile().getByTestId('queue-waiting').textContent()).toBe('0');
  expect(await tile().getByTestId('queue-answered').textContent()).toBe('1');
  await expect.poll(() => row(a2).textContent()).toContain('上海明远贸易');
  expect(await row(a2).textContent()).toContain('售后队列');
  await expect.poll(() => row(a2).getByRole('button', { name: '监听' }).count()).toBe(1);

  // The connection drops; a change meanwhile is not pushed to anyone, the reconnected page re-reads it.
  // Closing the transport is what a network drop looks like to the client (it reconnects by itself).
  for (const s of server.app.io.sockets.sockets.values()) s.conn.close();
  await expect.poll(() => hub.viewerSockets).toBe(0);
  hub.apply({ type: 'callEnded', callId: 'call-1', queueId, outcome: 'completed', answered: true, at: Date.now() });
  hub.apply({ type: 'agentState', agentId: a2, state: 'wrapUp', reason: null, since: Date.now(), callId: 'call-1', at: Date.now() });
  await expect.poll(() => row(a2).textContent(), { timeout: 10_000 }).toContain('话后整理');
  expect(await row(a2).textContent()).not.toContain('上海明远贸易');
  expect(await tile().getByTestId('queue-answered').textContent()).toBe('1');
}, 120_000);
