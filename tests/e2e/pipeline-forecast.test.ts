// The sales workspace in a real browser: drag an opportunity across the kanban and watch the forecast
// (funnel total and the per-rep table) follow the stage's win rate; the stage history shows the move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { customers } from '../../server/src/db/schema/customers.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ensureConsoleBuilt } from '../support/console-build.ts';

const REP = { username: 'rep.wang', password: 'correct-horse-battery', displayName: '王销售', roles: ['sales' as const] };

let server: TestServer;
let browser: Browser;
let page: Page;
let cookie: string;
const stageIds: string[] = [];
let oppId = '';

async function api(method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return res.json();
}

beforeAll(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  const repId = await server.createUser(REP);
  const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: REP.username, password: REP.password } });
  cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const [c] = await server.app.db.insert(customers).values({ name: '华东贸易', ownerId: repId }).returning();
  const pipe = (await api('GET', '/api/pipelines')).items[0];
  for (const s of pipe.stages) stageIds.push(s.id);
  // 100 000.00 at 10 % → weighted 10 000.00; after the move to the 50 % stage → 50 000.00
  oppId = (await api('POST', '/api/opportunities', { name: '年度框架合同', customerId: c!.id, amountCents: 10_000_000, expectedCloseDate: '2027-03-31', stageId: stageIds[0] })).id;
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

describe('pipeline kanban and forecast', () => {
  it('moving a card to a stage with a higher win rate raises the forecast', async () => {
    await page.goto(`${server.url}/pipeline`);
    await page.getByTestId('login-username').fill(REP.username);
    await page.getByTestId('login-password').fill(REP.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('pipeline-page').waitFor();
    const card = page.getByTestId(`opp-${oppId}`);
    await card.waitFor();
    const total = page.getByTestId('forecast-total');
    await expect.poll(() => total.innerText()).toBe('10,000.00');
    expect(await page.getByTestId(`stage-${stageIds[0]}`).getByTestId(`opp-${oppId}`).count()).toBe(1);

    await card.dragTo(page.getByTestId(`stage-${stageIds[2]}`));

    await expect.poll(() => page.getByTestId(`stage-${stageIds[2]}`).getByTestId(`opp-${oppId}`).count()).toBe(1);
    await expect.poll(() => total.innerText()).toBe('50,000.00');
    await expect.poll(() => page.getByTestId('forecast-weighted').first().innerText()).toBe('50,000.00');
    const history = await api('GET', `/api/opportunities/${oppId}`);
    expect(history.history.map((h: { winRate: number }) => h.winRate)).toEqual([10, 50]);
  });

  it('opens the card with its stage history', async () => {
    await page.getByTestId(`opp-${oppId}`).click();
    const rows = page.getByTestId('stage-history').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).innerText()).toContain(REP.displayName);
  });
});
