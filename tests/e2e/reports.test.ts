// The reports page in a real browser against the real server and database (the integration fixture's
// calls, state history and campaign): a West supervisor sees the queue figures of their scope with an
// ECharts chart, switches to the campaigns tab, and downloads a CSV whose formula-looking cell is
// neutralised. Browser time zone Asia/Shanghai, as the fixture.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { buildReportsWorld } from '../integration/reports/world.ts';
import { ensureConsoleBuilt } from '../support/console-build.ts';


let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureConsoleBuilt();
  server = await startTestServer({ overrides: { PBX_ENABLED: 'false' } });
  await buildReportsWorld(server);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 }, timezoneId: 'Asia/Shanghai', locale: 'zh-CN', acceptDownloads: true })).newPage();
  page.setDefaultTimeout(15_000);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('a West supervisor reads the queue report, the campaign report and exports a neutralised CSV', async () => {
  await page.goto(`${server.url}/reports?from=2026-11-10&to=2026-11-11`);
  await page.getByTestId('login-username').fill('bossw');
  await page.getByTestId('login-password').fill('pw-Reports-1');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname !== '/login');
  if (!page.url().includes('/reports')) await page.goto(`${server.url}/reports?from=2026-11-10&to=2026-11-11`);

  const table = page.getByTestId('report-table-queues');
  // West's scope on day 10: c2, c3 (abandons in a queue Agent West serves) and c4 (team West).
  const support = table.locator('tr', { hasText: '+Support' }).first();
  await expect.poll(() => support.textContent()).toContain('2026-11-10');
  const cells = await support.locator('td').allTextContents();
  expect(cells.slice(0, 5)).toEqual(['2026-11-10', '+Support', '3', '1', '2']);
  await expect.poll(() => page.getByTestId('report-chart').locator('canvas').count()).toBeGreaterThan(0);

  await page.getByRole('tab', { name: '外呼活动' }).click();
  const campaign = page.getByTestId('report-table-outbound').locator('tr', { hasText: '@Winter promo' });
  await expect.poll(() => campaign.count()).toBe(1);
  expect((await campaign.locator('td').allTextContents()).slice(0, 4)).toEqual(['@Winter promo', '4', '2', '50.0%']);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-csv').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('分组,拨打次数,接通,接通率');
  expect(csv).toContain("'@Winter promo,4,2,0.5");
}, 120_000);
