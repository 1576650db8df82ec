// A sales rep creates a lead in the console, opens it, converts it (with an opportunity) and lands on the
// new customer's page; the database holds the customer, contact and opportunity the lead points to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureDefaultPipeline } from '../../server/src/modules/pipelines/repository.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ensureConsoleBuilt } from '../support/console-build.ts';

const REP = { username: 'sales.zhang', password: 'correct-horse-battery', displayName: '张销售', roles: ['sales' as const] };

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  await server.createUser(REP);
  await ensureDefaultPipeline(server.app.db);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await (await browser.newContext({ viewport: { width: 1366, height: 800 } })).newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('lead conversion in the console', () => {
  it('creates a lead, converts it with an opportunity and lands on the new customer', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(REP.username);
    await page.getByTestId('login-password').fill(REP.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname !== '/login');
    await page.goto(`${server.url}/leads`);

    await page.getByTestId('leads-create').click();
    await page.getByTestId('lead-form-name').fill('浏览器测试');
    await page.getByTestId('lead-form-company').fill('端到端科技有限公司');
    await page.getByTestId('lead-form-phones').fill('138 0013 8888');
    await page.getByTestId('lead-form-save').click();

    await expect.poll(() => page.getByTestId('lead-detail-name').textContent()).toBe('浏览器测试');
    await page.getByTestId('lead-convert').click();
    await page.getByTestId('convert-create-opportunity').click();
    await page.getByTestId('convert-submit').click();

    await page.waitForURL((u) => u.pathname === '/customers' && !!u.searchParams.get('id'));
    const customerId = new URL(page.url()).searchParams.get('id');
    const [lead] = await server.app.pg`select status, converted_customer_id, converted_contact_id, converted_opportunity_id from leads where name = '浏览器测试'`;
    expect(lead).toMatchObject({ status: 'converted', converted_customer_id: customerId });
    expect(lead!.converted_opportunity_id).toEqual(expect.any(String));
    const [customer] = await server.app.pg`select name from customers where id = ${customerId!}`;
    expect(customer!.name).toBe('端到端科技有限公司');
    const [phone] = await server.app.pg`select count(*)::int as n from phone_numbers where e164 = '+8613800138888' and customer_id = ${customerId!}`;
    expect(phone!.n).toBe(2);
  });
});
