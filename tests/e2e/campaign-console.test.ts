// The campaign console in a real browser against the real server and database: a supervisor creates a
// preview campaign (assigning an agent), imports a small CSV whose bad row reports its error, sees the
// records and the progress panel, starts the campaign; the assigned agent sees its script in the
// workbench; the supervisor pauses it. Preview mode so the dialer never places a call by itself.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inArray } from 'drizzle-orm';
import { teams, users } from '../../server/src/db/schema/users.ts';
import { finishAttempt, loadDispositions } from '../../server/src/modules/campaigns/dialer-store.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ensureConsoleBuilt } from '../support/console-build.ts';

const SUPERVISOR = { username: 'sup.li', password: 'correct-horse-battery', displayName: '李班长', roles: ['supervisor' as const] };
const AGENT = { username: 'agent.chen', password: 'correct-horse-battery', displayName: '陈坐席', roles: ['agent' as const] };
const SCRIPT = '您好，我是 Ringside 的客服小陈。\n<b>请问</b>您现在方便吗？';
// Three good numbers and one that is not a phone number (row 4 of the data, line 5 of the file).
const CSV = '\uFEFF姓名,电话,优先级\n张三,13800138001,5\n李四,13800138002,1\n王五,不是号码,1\n赵六,+86 138 0013 8004,1\n';

let server: TestServer;
let browser: Browser;
let sup: Page;
let campaignId = '';
let agentId = '';
const apiErrors: string[] = [];

async function signIn(page: Page, who: { username: string; password: string }, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

/** Element Plus renders select options in a popper at the end of <body>. */
async function pickOption(page: Page, selectTestId: string, label: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click();
}

beforeAll(async () => {
  ensureConsoleBuilt();
  // Its own Stasis app name: the dialer role connects to the shared Asterisk and must not take others' calls.
  server = await startTestServer({ overrides: { ARI_APP: `rs-e2e-cc-${randomBytes(4).toString('hex')}` } });
  const supId = await server.createUser(SUPERVISOR);
  agentId = await server.createUser(AGENT);
  // A supervisor's campaigns belong to a team they manage; the agent is on it.
  const [team] = await server.app.db.insert(teams).values({ name: '外呼一组', managerUserId: supId }).returning();
  await server.app.db.update(users).set({ teamId: team!.id }).where(inArray(users.id, [supId, agentId]));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  sup = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
  sup.setDefaultTimeout(15_000);
  // Failed API calls are kept so a failing step says what the server answered.
  sup.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) void r.text().then((body) => apiErrors.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()} ${body.slice(0, 300)}`));
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('campaign console', () => {
  it('a supervisor creates a preview campaign with an agent, a script and the default rules', async () => {
    await signIn(sup, SUPERVISOR, '/campaigns');
    await sup.getByTestId('campaigns-page').waitFor();
    await sup.getByTestId('campaign-create').click();
    const form = sup.getByTestId('campaign-form');
    await form.getByTestId('campaign-name').fill('春季回访');
    await form.getByTestId('campaign-mode-preview').click();
    await form.getByTestId('campaign-caller-id').fill('02161234567');
    await pickOption(sup, 'campaign-agents', AGENT.displayName);
    await form.getByTestId('campaign-script').fill(SCRIPT);
    await form.getByTestId('campaign-save').click();

    await sup.getByTestId('campaign-detail').waitFor().catch(() => expect.fail(`no campaign page; API errors: ${apiErrors.join(' | ')}`));
    campaignId = (await sup.getByTestId('campaign-detail').getAttribute('data-campaign-id'))!;
    expect(await sup.getByTestId('campaign-status').getAttribute('data-status')).toBe('draft');
    const [row] = await server.app.pg`select mode, caller_id, script, ring_timeout_sec, calling_windows from campaigns where id = ${campaignId}`;
    expect(row).toMatchObject({ mode: 'preview', caller_id: '02161234567', script: SCRIPT });
    expect(row!.ring_timeout_sec).toBeGreaterThanOrEqual(15);
    expect(Object.keys(row!.calling_windows as object).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    const agents = await server.app.pg`select u.username from campaign_agents ca join users u on u.id = ca.user_id where ca.campaign_id = ${campaignId}`;
    expect(agents.map((a) => a.username)).toEqual([AGENT.username]);
    const dispositions = await server.app.pg`select code, meaning from campaign_dispositions where campaign_id = ${campaignId}`;
    expect(dispositions.map((d) => d.meaning)).toEqual(expect.arrayContaining(['final', 'callback', 'retry', 'dnc']));
  });

  it('imports a CSV: three records in, the bad row reported with its error', async () => {
    await sup.getByTestId('campaign-import-open').click();
    const wizard = sup.getByTestId('campaign-import');
    await wizard.getByTestId('campaign-import-file').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await wizard.getByTestId('campaign-import-mapping').waitFor();
    // The server suggests the mapping from the Chinese headers.
    expect(await wizard.getByTestId('campaign-import-map-1').innerText()).toContain('电话');
    expect(await wizard.getByTestId('campaign-import-map-0').innerText()).toContain('姓名');
    await wizard.getByTestId('campaign-import-start').click();

    await wizard.getByTestId('campaign-import-result').waitFor();
    expect(await wizard.getByTestId('campaign-import-imported').innerText()).toContain('3');
    expect(await wizard.getByTestId('campaign-import-errors').innerText()).toContain('1');
    const issues = wizard.getByTestId('campaign-import-issues').locator('tbody tr');
    await expect.poll(() => issues.count()).toBe(1);
    expect(await issues.first().innerText()).toMatch(/不是号码|phone|电话/);
    await wizard.getByTestId('campaign-import-close').click();

    const phones = sup.getByTestId('campaign-records').getByTestId('record-phone');
    await expect.poll(() => phones.count()).toBe(3);
    expect((await phones.allInnerTexts()).sort()).toEqual(['+8613800138001', '+8613800138002', '+8613800138004']);
    await expect.poll(() => sup.getByTestId('progress-total').innerText()).toBe('3');
    expect(await sup.getByTestId('progress-remaining').innerText()).toBe('3');
    expect(await sup.getByTestId('progress-abandon-rate').innerText()).toBe('0.0%');
  });

  it('starts the campaign; the assigned agent sees its script and previews, then skips, the next record', async () => {
    // Calls allowed around the clock so the preview does not depend on when the test runs.
    const allDay = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]));
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: SUPERVISOR.username, password: SUPERVISOR.password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const put = await server.app.inject({ method: 'PUT', url: `/api/campaigns/${campaignId}`, headers: { cookie }, payload: { callingWindows: allDay } });
    expect(put.statusCode).toBe(200);

    await sup.getByTestId('campaign-start').click();
    await expect.poll(() => sup.getByTestId('campaign-status').getAttribute('data-status')).toBe('running');
    const [c] = await server.app.pg`select status from campaigns where id = ${campaignId}`;
    expect(c!.status).toBe('running');

    const agentPage = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    agentPage.setDefaultTimeout(15_000);
    await signIn(agentPage, AGENT, '/workbench');
    const panel = agentPage.getByTestId('outbound-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('outbound-campaign-name').innerText()).toBe('春季回访');
    // The script is shown as text: its markup stays literal, its line break kept.
    expect(await panel.getByTestId('campaign-script').innerText()).toBe(SCRIPT);
    expect(await panel.getByTestId('campaign-script').locator('b').count()).toBe(0);
    // Highest priority first: 张三 (5), claimed for this agent while on their screen.
    await panel.getByTestId('preview-next').click();
    await expect.poll(() => panel.getByTestId('preview-name').innerText()).toBe('张三');
    expect(await panel.getByTestId('preview-phone').innerText()).toBe('+8613800138001');
    const claimed = async () => (await server.app.pg`select status from campaign_records where campaign_id = ${campaignId} and phone_e164 = '+8613800138001'`)[0]!.status;
    expect(await claimed()).toBe('dialing');
    // Skip releases the claim and shows the next record (the server hands out by priority, so it may be the same one).
    const skipped = agentPage.waitForResponse((r) => r.url().includes('/skip') && r.request().method() === 'POST');
    await panel.getByTestId('preview-skip').click();
    expect((await skipped).status()).toBe(204);
    await expect.poll(() => panel.getByTestId('preview-name').innerText()).toMatch(/^(张三|李四|赵六)$/);
    await agentPage.context().close();
  });

  it('pauses the campaign', async () => {
    await sup.getByTestId('campaign-pause').click();
    await expect.poll(() => sup.getByTestId('campaign-status').getAttribute('data-status')).toBe('paused');
    const [c] = await server.app.pg`select status from campaigns where id = ${campaignId}`;
    expect(c!.status).toBe('paused');
    await sup.getByTestId('campaign-start').waitFor();
  });

  it('adds a lead to the list from a CRM query', async () => {
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: SUPERVISOR.username, password: SUPERVISOR.password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const lead = await server.app.inject({ method: 'POST', url: '/api/leads', headers: { cookie }, payload: { name: '钱七', phones: ['13800138005'] } });
    expect(lead.statusCode).toBe(201);

    await sup.getByTestId('campaign-from-query-open').click();
    const dialog = sup.getByTestId('campaign-from-query');
    await dialog.getByTestId('from-query-q').fill('钱七');
    await dialog.getByTestId('from-query-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const phones = sup.getByTestId('campaign-records').getByTestId('record-phone');
    await expect.poll(async () => (await phones.allInnerTexts()).includes('+8613800138005')).toBe(true);
    const [r] = await server.app.pg`select lead_id, name from campaign_records where campaign_id = ${campaignId} and phone_e164 = '+8613800138005'`;
    expect(r).toMatchObject({ lead_id: lead.json().id, name: '钱七' });
  });

  it("adds a number to the campaign's do-not-call list and reopens the campaign with its settings", async () => {
    await sup.getByRole('tab', { name: '本活动免打扰名单' }).click();
    const dnc = sup.getByTestId('campaign-dnc');
    await dnc.getByTestId('dnc-phone').fill('138 0013 8004');
    await dnc.getByTestId('dnc-add').click();
    await expect.poll(() => dnc.locator('tbody tr').first().innerText()).toContain('+8613800138004');
    const [row] = await server.app.pg`select phone_e164 from dnc_numbers where campaign_id = ${campaignId}`;
    expect(row!.phone_e164).toBe('+8613800138004');

    await sup.getByTestId('campaign-edit').click();
    const form = sup.getByTestId('campaign-form');
    await expect.poll(() => form.getByTestId('campaign-name').inputValue()).toBe('春季回访');
    expect(await form.getByTestId('campaign-script').inputValue()).toBe(SCRIPT);
    expect(await form.getByTestId('campaign-caller-id').inputValue()).toBe('02161234567');
    await form.getByTestId('campaign-save').click();
    await form.waitFor({ state: 'hidden' });
  });

  it('a campaign call pops with the campaign and its script; the agent books a callback to themselves', async () => {
    // The dialer's side of an answered call, through the real store: the attempt is the agent's, then the
    // offer and the end of the call reach the agent's console as the telephony role pushes them.
    const [record] = await server.app.pg`select id from campaign_records where campaign_id = ${campaignId} and phone_e164 = '+8613800138002'`;
    const recordId = record!.id as string;
    const started = new Date(Date.now() - 60_000);
    await finishAttempt(server.app.db, { recordId, campaignId, callId: null, outcome: 'answered', cause: 16, startedAt: started, endedAt: new Date(), agentId });

    const agentPage = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    agentPage.setDefaultTimeout(15_000);
    await signIn(agentPage, AGENT, '/workbench');
    await agentPage.getByTestId('call-panel').waitFor();
    // Pushes go to the agent's room, which their socket joins on connecting.
    await expect.poll(() => agentPage.getByTestId('realtime-status').getAttribute('data-status')).toBe('connected');
    const callId = '00000000-0000-4000-8000-0000000000c1';
    const campaign = { id: campaignId, name: '春季回访', recordId, script: SCRIPT, dispositions: await loadDispositions(server.app.db, campaignId) };
    server.app.io.to(`user:${agentId}`).emit('call:offer', {
      callId, direction: 'outbound', callerNumber: '+8613800138002', callerE164: '+8613800138002', did: null, queue: null, campaign,
      ivrPath: [], waitSec: 0, party: null, otherMatches: [], customer360: null, offeredAt: new Date().toISOString(),
    });
    const pop = agentPage.getByTestId('pop-campaign');
    await pop.waitFor();
    expect(await pop.getAttribute('data-record-id')).toBe(recordId);
    expect(await pop.getByTestId('pop-campaign-name').innerText()).toBe('春季回访');
    expect(await pop.getByTestId('campaign-script').innerText()).toBe(SCRIPT);

    server.app.io.to(`user:${agentId}`).emit('call:ended', { callId, hangupSide: 'caller', cause: 'normal', wrapUpRequired: true });
    const form = agentPage.getByTestId('campaign-disposition');
    await form.waitFor();
    // The campaign's own dispositions replace the generic wrap-up for a campaign call.
    expect(await agentPage.getByTestId('wrapup-form').count()).toBe(0);
    await form.getByTestId('campaign-disposition-code').click();
    await agentPage.getByTestId('campaign-disposition-call_back').click();
    await form.getByTestId('campaign-callback-at').locator('input').fill('2030-01-02 10:30:00');
    await form.getByTestId('campaign-callback-at').locator('input').press('Enter');
    await form.getByTestId('campaign-disposition-note').fill('客户说明天上午再打');
    await form.getByTestId('campaign-disposition-submit').click();

    await expect.poll(async () => (await server.app.pg`select status from campaign_records where id = ${recordId}`)[0]!.status).toBe('callback');
    const [r] = await server.app.pg`select last_disposition, callback_at, callback_agent_id from campaign_records where id = ${recordId}`;
    expect(r).toMatchObject({ last_disposition: 'call_back', callback_agent_id: agentId });
    expect(new Date(r!.callback_at as string).getFullYear()).toBe(2030);
    const [a] = await server.app.pg`select disposition, note from campaign_attempts where record_id = ${recordId} and agent_id = ${agentId}`;
    expect(a).toMatchObject({ disposition: 'call_back', note: '客户说明天上午再打' });
    await form.waitFor({ state: 'detached' });
    await agentPage.context().close();
  });
});
