// The admin console in Debian chromium: an admin creates a queue (strategy, skill requirement, a member,
// max wait, recording), an IVR menu whose option 1 goes to that queue, and a DID that points at the
// menu — all through the UI; the database then holds exactly that configuration. Then the queue's
// member opens the voicemail list: a message left in that queue plays in the page (HTTP Range), is
// marked heard, and a new one pushed over socket.io appears without a reload.
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { adminMessages } from '../../web-agent/src/modules/admin/messages.ts';
import { calls, recordings, voicemails } from '../../server/src/db/schema/calls.ts';
import { deliverVoicemail } from '../../server/src/modules/voicemail/deliver.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ensureConsoleBuilt } from '../support/console-build.ts';

const ADMIN = { username: 'admin.li', password: 'correct-horse-battery', displayName: '李管理', roles: ['admin' as const] };
const AGENT = { username: 'agent.wang', password: 'correct-horse-battery', displayName: '王坐席', roles: ['agent' as const] };
const zh = adminMessages['zh-CN'];

/** Element Plus renders select options in a popper at the end of <body>. */
async function pickOption(page: Page, selectTestId: string, label: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click();
}

let server: TestServer;
let browser: Browser;
let page: Page;
let agentId = '';
let queueId = '';
const files: string[] = [];

/** A delivered voicemail in the queue's mailbox: call row, 2 s wav in RECORDINGS_DIR, recording, message. */
async function leaveVoicemail(callerNumber: string): Promise<string> {
  const callId = randomUUID();
  const name = `vm-${callId}`;
  const samples = 16_000;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(16_000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)), 44 + i * 2);
  const file = join(server.config.RECORDINGS_DIR, `${name}.wav`);
  writeFileSync(file, wav);
  files.push(file);
  const db = server.app.db;
  await db.insert(calls).values({ id: callId, direction: 'inbound', callerNumber, enteredAt: new Date(), outcome: 'abandoned' });
  const [rec] = await db.insert(recordings).values({ callId, name, kind: 'voicemail', endedAt: new Date(), durationSec: 2 }).returning({ id: recordings.id });
  await db.insert(voicemails).values({ callId, mailboxKind: 'queue', mailboxId: queueId, recordingId: rec!.id, callerNumber });
  return name;
}

beforeAll(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  await server.createUser(ADMIN);
  agentId = await server.createUser(AGENT);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  for (const f of files) rmSync(f, { force: true });
  await browser?.close();
  await server?.close();
});

describe('admin console', () => {
  it('creates a queue, an IVR menu and a DID through the UI', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname !== '/login');
    await page.goto(`${server.url}/admin`);
    await page.getByTestId('page-admin').waitFor();

    // Queue
    await page.getByTestId('queue-add').click();
    await page.getByTestId('queue-name').fill('E2E 客服');
    await pickOption(page, 'queue-strategy', zh.strategy.skillsBased);
    await page.getByTestId('queue-requirements').fill('zh:5, vip');
    await page.getByTestId('queue-maxwait-on').click();
    await page.getByTestId('queue-recording').click();
    await page.getByTestId('queue-add-member').click();
    await pickOption(page, 'queue-member-user', AGENT.displayName);
    // A penalty tier: members up to penalty 3 join after 45 s of waiting.
    await page.getByTestId('penalty-add').click();
    await page.getByTestId('penalty-after').locator('input').fill('45');
    await page.getByTestId('penalty-max').locator('input').fill('3');
    await page.getByTestId('penalty-max').locator('input').blur();
    await page.getByTestId('queue-save').click();
    await expect.poll(() => page.getByTestId('queue-table').textContent()).toContain('E2E 客服');
    const [queue] = await server.app.pg`select id, strategy, requirements, record_calls, max_wait_sec, penalty_steps from acd_queues where name = 'E2E 客服'`;
    expect(queue).toMatchObject({ strategy: 'skillsBased', requirements: [{ skill: 'zh', minLevel: 5 }, { skill: 'vip', minLevel: 1 }], record_calls: true, max_wait_sec: 300, penalty_steps: [{ afterSec: 45, maxPenalty: 3 }] });
    queueId = queue!.id as string;
    const members = await server.app.pg`select user_id, penalty from acd_queue_members where queue_id = ${queue!.id}`;
    expect(members).toEqual([{ user_id: agentId, penalty: 0 }]);

    // IVR menu: option 1 → the queue
    await page.locator('#tab-ivr').click();
    await page.getByTestId('ivr-add').click();
    await page.getByTestId('ivr-name').fill('E2E 主菜单');
    await page.getByTestId('ivr-add-option').click();
    await pickOption(page, 'ivr-option-0-target', 'E2E 客服');
    await page.getByTestId('ivr-save').click();
    await expect.poll(() => page.getByTestId('ivr-table').textContent()).toContain('E2E 主菜单');
    const [menu] = await server.app.pg`select id, prompt_id, options from ivr_menus where name = 'E2E 主菜单'`;
    expect(menu).toMatchObject({ prompt_id: 'queue-welcome', options: [{ digit: '1', kind: 'queue', target: queue!.id }] });

    // DID → the menu
    await page.locator('#tab-dids').click();
    await page.getByTestId('did-add').click();
    await page.getByTestId('did-number').fill('4000123');
    await page.getByTestId('did-name').fill('E2E 热线');
    await pickOption(page, 'did-kind', zh.targetKind.ivr);
    await pickOption(page, 'did-target', 'E2E 主菜单');
    await page.getByTestId('did-save').click();
    await expect.poll(() => page.getByTestId('did-table').textContent()).toContain('E2E 主菜单');
    const [did] = await server.app.pg`select target_kind, target_id from dids where number = '4000123'`;
    expect(did).toEqual({ target_kind: 'ivr', target_id: menu!.id });
  });

  it('delivers voicemail to the queue member\'s console: list, playback, heard, live push', async () => {
    expect(queueId).not.toBe('');
    await leaveVoicemail('13900001001');
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const agent = await ctx.newPage();
    agent.setDefaultTimeout(15_000);
    await agent.goto(`${server.url}/login`);
    await agent.getByTestId('login-username').fill(AGENT.username);
    await agent.getByTestId('login-password').fill(AGENT.password);
    await agent.getByTestId('login-submit').click();
    await agent.waitForURL((u) => u.pathname !== '/login');
    await agent.goto(`${server.url}/voicemail`);
    await expect.poll(() => agent.getByTestId('voicemail-table').textContent(), { timeout: 10_000 }).toContain('13900001001');
    expect(await agent.getByTestId('voicemail-table').textContent()).toContain('E2E 客服');

    // Playback: the element loads the message (Range requests) and playing marks it heard.
    const audio = agent.getByTestId('voicemail-audio').first();
    await audio.evaluate((el: HTMLAudioElement) => el.play());
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.duration)).toBeGreaterThan(1.5);
    await expect.poll(async () => (await server.app.pg`select heard_at from voicemails where caller_number = '13900001001'`)[0]!.heard_at).not.toBeNull();

    // A message left while the page is open arrives by push.
    const name = await leaveVoicemail('13900001002');
    await deliverVoicemail(server.app.db, server.app.io, name);
    await expect.poll(() => agent.getByTestId('voicemail-table').textContent(), { timeout: 10_000 }).toContain('13900001002');
    await ctx.close();
  });
});
