// The console shell in a real browser against the real server: sign-in in Chinese (the default) and in
// English, the translated error for a wrong password, role-based navigation, reload restore and sign-out.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ensureConsoleBuilt } from '../support/console-build.ts';

const AGENT = { username: 'agent.li', password: 'correct-horse-battery', displayName: '李娜', roles: ['agent' as const] };

/** The server serves web-agent/dist; rebuild it when missing or older than the console's sources. */

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  await server.createUser(AGENT);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// A fresh context per test: no cookies, no stored locale, so each test starts as a first visit.
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterEach(async () => {
  await context?.close();
});

async function signIn(username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Waits for the login page, optionally remembering where the user was going. */
async function waitForLogin(redirect?: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === (redirect ?? null));
  await page.getByTestId('login-submit').waitFor();
}

async function switchLocale(option: 'zh-CN' | 'en'): Promise<void> {
  await page.getByTestId('locale-switch').first().click();
  await page.getByTestId(`locale-option-${option}`).click();
}

describe('console shell', () => {
  it('an unauthenticated visit lands on the login page, in Simplified Chinese by default', async () => {
    await page.goto(`${server.url}/customers`);

    await waitForLogin('/customers');
    await expect(page.getByTestId('login-submit').textContent()).resolves.toContain('登录');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('an agent signs in and sees the Chinese shell with only the agent modules', async () => {
    await page.goto(`${server.url}/`);
    await signIn(AGENT.username, AGENT.password);

    await page.getByTestId('app-shell').waitFor();
    await page.waitForURL(/\/workbench$/);
    expect(await page.getByTestId('nav-workbench').innerText()).toContain('工作台');
    expect(await page.getByTestId('nav-customers').innerText()).toContain('客户');
    expect(await page.getByTestId('nav-leads').innerText()).toContain('线索');
    expect(await page.getByTestId('nav-pipeline').count()).toBe(0);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    expect(await page.getByTestId('current-user').innerText()).toBe(AGENT.displayName);
    expect(await page.getByTestId('role-agent').innerText()).toBe('坐席');
    // socket.io authenticated by the same session cookie
    await page.locator('[data-testid="realtime-status"][data-status="connected"]').waitFor();
  });

  it('an agent switches to English on the login page, signs in to the English shell, keeps it on reload, and signs out', async () => {
    await page.goto(`${server.url}/login`);
    await switchLocale('en');
    await expect(page.getByTestId('login-submit').innerText()).resolves.toBe('Sign in');

    await signIn(AGENT.username, AGENT.password);
    await page.getByTestId('app-shell').waitFor();
    expect(await page.getByTestId('nav-workbench').innerText()).toContain('Workbench');
    expect(await page.getByTestId('nav-customers').innerText()).toContain('Customers');

    // The session cookie survives a reload; the console restores the user from /api/auth/me.
    await page.reload();
    await page.getByTestId('app-shell').waitFor();
    expect(await page.getByTestId('nav-workbench').innerText()).toContain('Workbench');
    expect(await page.getByTestId('current-user').innerText()).toBe(AGENT.displayName);

    await page.getByTestId('logout').click();
    await waitForLogin();
    await page.goto(`${server.url}/workbench`);
    await waitForLogin('/workbench');
  });

  it('a wrong password shows the translated error, and it follows a locale switch', async () => {
    await page.goto(`${server.url}/login`);
    await signIn(AGENT.username, 'wrong-password');

    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('用户名或密码错误');
    expect(await page.getByTestId('app-shell').count()).toBe(0);

    await switchLocale('en');
    await expect.poll(() => error.innerText()).toContain('Incorrect username or password');
  });
});
