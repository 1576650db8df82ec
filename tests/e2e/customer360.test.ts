// The customer workspace in a real browser: a sales rep finds a customer through the header search,
// opens its 360 page and sees the header (level, value grade, click-to-dial numbers) and every section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ensureConsoleBuilt } from '../support/console-build.ts';

const REP = { username: 'rep.li', password: 'correct-horse-battery', displayName: '李销售', roles: ['sales' as const] };

let server: TestServer;
let browser: Browser;
let page: Page;
let customerId = '';

beforeAll(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  const repId = await server.createUser(REP);
  const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: REP.username, password: REP.password } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const call = (url: string, payload: object) => server.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  customerId = (await call('/api/customers', { name: '深圳华为技术有限公司', level: 'A', valueGrade: 'VIP', satisfaction: 92, phones: [{ number: '010-6552 9988' }] })).json().id;
  await call(`/api/customers/${customerId}/contacts`, { name: '李雷', phones: [{ number: '13800138000' }] });
  await server.app.pg`insert into activities (kind, subject, customer_id, owner_id) values ('visit', '上门拜访', ${customerId}, ${repId})`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('customer 360 in the console', () => {
  it('a sales rep searches, opens the customer and sees the 360 sections', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('login-username').fill(REP.username);
    await page.getByTestId('login-password').fill(REP.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('customer-list').waitFor();
    await expect.poll(() => page.getByTestId('customer-row-name').first().innerText()).toBe('深圳华为技术有限公司');

    await page.locator('input[data-testid="global-search"], [data-testid="global-search"] input').first().fill('华为');
    await page.getByText('深圳华为技术有限公司', { exact: false }).last().click();
    await page.getByTestId('customer-360').waitFor();
    expect(page.url()).toContain(`id=${customerId}`);
    await expect.poll(() => page.getByTestId('c360-name').innerText()).toBe('深圳华为技术有限公司');
    expect(await page.getByTestId('customer-360').innerText()).toContain('VIP');
    expect(await page.getByTestId('customer-360').getByTestId('phone-link').first().getAttribute('data-number')).toBe('+861065529988');
    expect(await page.getByTestId('c360-stats').isVisible()).toBe(true);
    expect(await page.getByTestId('c360-contacts').innerText()).toContain('李雷');

    await page.getByRole('tab', { name: /联系记录/ }).click();
    await expect.poll(() => page.getByTestId('c360-timeline').innerText()).toContain('上门拜访');
    for (const tab of [/进行中的商机/, /报价 \/ 订单 \/ 回款/, /服务请求/]) expect(await page.getByRole('tab', { name: tab }).count()).toBe(1);
  });
});
