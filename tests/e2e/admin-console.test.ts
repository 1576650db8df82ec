// The admin console in Debian chromium: an admin creates a queue (strategy, skill requirement, a member,
// max wait, recording), an IVR menu whose option 1 goes to that queue, and a DID that points at the
// menu — all through the UI; the database then holds exactly that configuration.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { adminMessages } from '../../web-agent/src/modules/admin/messages.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const WEB = resolve(import.meta.dirname, '../../web-agent');
const ADMIN = { username: 'admin.li', password: 'correct-horse-battery', displayName: '李管理', roles: ['admin'] };
const AGENT = { username: 'agent.wang', password: 'correct-horse-battery', displayName: '王坐席', roles: ['agent'] };
const zh = adminMessages['zh-CN'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function ensureConsoleBuilt(): void {
  const built = join(WEB, 'dist/index.html');
  const newestSource = Math.max(...[join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts')].map(newestMtime));
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource) return;
  execFileSync('npm', ['run', 'build', '-w', 'web-agent'], { cwd: resolve(WEB, '..'), stdio: 'ignore' });
}

/** Element Plus renders select options in a popper at the end of <body>. */
async function pickOption(page: Page, selectTestId: string, label: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click();
}

let server: TestServer;
let browser: Browser;
let page: Page;
let agentId = '';

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
    await page.getByTestId('queue-save').click();
    await expect.poll(() => page.getByTestId('queue-table').textContent()).toContain('E2E 客服');
    const [queue] = await server.app.pg`select id, strategy, requirements, record_calls, max_wait_sec from acd_queues where name = 'E2E 客服'`;
    expect(queue).toMatchObject({ strategy: 'skillsBased', requirements: [{ skill: 'zh', minLevel: 5 }, { skill: 'vip', minLevel: 1 }], record_calls: true, max_wait_sec: 300 });
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
});
