// The recordings page in a real browser (Debian chromium) against the real server and database: a
// supervisor finds a recording by customer, opens the player, the waveform is drawn from the server's
// peaks with the paused span shaded, a click on the waveform seeks the Range-streamed audio there; an
// agent has no navigation entry; an admin sets the retention period.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { calls, customers, recordingPauses, recordings } from '../../server/src/db/schema/index.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ensureConsoleBuilt } from '../support/console-build.ts';

const SUP = { username: 'sup.wang', password: 'correct-horse-battery', displayName: '王班长', roles: ['supervisor' as const] };
const ADMIN = { username: 'admin.zhao', password: 'correct-horse-battery', displayName: '赵管理', roles: ['admin' as const] };
const AGENT = { username: 'agent.liu', password: 'correct-horse-battery', displayName: '刘坐席', roles: ['agent' as const] };

/** 8 kHz 16-bit mono: 20 s of a 440 Hz tone with 4 s of silence from 8 s (a paused span). */
function toneWithGap(): Buffer {
  const n = 20 * 8000;
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) {
    const silent = i >= 8 * 8000 && i < 12 * 8000;
    data.writeInt16LE(silent ? 0 : Math.round(12000 * Math.sin((2 * Math.PI * 440 * i) / 8000)), i * 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(8000, 24);
  h.writeUInt32LE(16000, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

let server: TestServer;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'rs-rec-e2e-'));
let recId = '';

async function signIn(page: Page, who: { username: string; password: string }, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

async function newPage(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

beforeAll(async () => {
  ensureConsoleBuilt();
  server = await startTestServer({ overrides: { RECORDINGS_DIR: dir } });
  const supId = await server.createUser(SUP);
  await server.createUser(ADMIN);
  await server.createUser(AGENT);
  const db = server.app.db;
  const [c] = await db.insert(customers).values({ name: '苏州远航物流', ownerId: supId }).returning();
  const [other] = await db.insert(customers).values({ name: '无关客户', ownerId: supId }).returning();
  const at = new Date(Date.now() - 3600_000);
  for (const [cust, name] of [[c!, 'rec-e2e-target'], [other!, 'rec-e2e-other']] as const) {
    const callId = crypto.randomUUID();
    await db.insert(calls).values({ id: callId, direction: 'inbound', callerNumber: '051288880000', enteredAt: at, outcome: 'completed', customerId: cust.id, agentId: supId, ownerId: supId, disposition: 'resolved' });
    const [r] = await db.insert(recordings).values({ callId, name, startedAt: at, endedAt: new Date(at.getTime() + 20_000), durationSec: 20 }).returning();
    writeFileSync(join(dir, `${name}.wav`), toneWithGap());
    if (name === 'rec-e2e-target') {
      recId = r!.id;
      await db.insert(recordingPauses).values({ recordingId: r!.id, callId, pausedBy: supId, pausedAt: new Date(at.getTime() + 8000), pauseOffsetMs: 8000, resumedBy: supId, resumedAt: new Date(at.getTime() + 12_000), resumeOffsetMs: 12_000, silencedAt: at });
    }
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recordings console', () => {
  it('a supervisor finds a recording by customer, sees its waveform with the paused span and seeks by clicking it', async () => {
    const page = await newPage();
    const audioRequests: { range: string | undefined; status: number }[] = [];
    page.on('response', (res) => {
      if (res.url().includes(`/api/recordings/${recId}`) && !res.url().includes('waveform')) audioRequests.push({ range: res.request().headers().range, status: res.status() });
    });
    await signIn(page, SUP, '/recordings');
    await page.getByTestId('page-recordings').waitFor();
    await expect(page.locator('h2', { hasText: '录音' }).count()).resolves.toBe(1);
    await expect.poll(() => page.getByTestId('recording-play').count()).toBe(2);

    await page.getByTestId('filter-customer').fill('远航');
    await page.getByTestId('recordings-search').click();
    await expect.poll(() => page.getByTestId('recording-play').count()).toBe(1);
    await expect(page.getByTestId('recordings-table').textContent()).resolves.toContain('苏州远航物流');

    await page.getByTestId('recording-play').click();
    const canvas = page.getByTestId('recording-waveform');
    await expect.poll(() => canvas.getAttribute('data-peaks')).toBe('720');
    // The drawn waveform: tall bars in the tone, the shaded (orange) paused span with no bars at 10 s.
    const px = await canvas.evaluate((el: HTMLCanvasElement) => {
      const ctx = el.getContext('2d')!;
      const at = (x: number) => Array.from(ctx.getImageData(x, 48, 1, 1).data);
      return { tone: at(Math.round(720 * 0.2)), paused: at(Math.round(720 * 0.5)) };
    });
    expect(px.tone[3]).toBe(255);
    expect(px.paused[0]).toBeGreaterThan(px.paused[2]!); // orange shade, not a grey/blue bar
    await page.locator('.el-dialog').getByText('录音暂停（静音）').waitFor();

    const audio = page.getByTestId('recording-audio');
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.readyState)).toBeGreaterThanOrEqual(1);
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width * 0.75, y: box.height / 2 } });
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBeCloseTo(15, 0);
    await expect(page.getByTestId('recording-position').textContent()).resolves.toContain('0:15 / 0:20');
    await audio.evaluate((el: HTMLAudioElement) => el.play());
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 5000 }).toBeGreaterThan(15.2);
    // The seek made the browser ask for bytes past the start (seen: bytes=0- then bytes=294912-).
    expect(audioRequests.some((r) => r.status === 206 && Number(/^bytes=(\d+)-/.exec(r.range ?? '')?.[1] ?? 0) > 0)).toBe(true);
    for (const r of audioRequests) expect(r.status).toBe(r.range ? 206 : 200);
    const audits = await server.app.pg`select count(*)::int as n from audit_log where action = 'recording.play' and entity_id = ${recId}`;
    expect(audits[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('agents get no recordings entry; an admin sets the retention period', async () => {
    const agent = await newPage();
    await signIn(agent, AGENT, '/');
    await agent.getByTestId('logout').waitFor();
    await expect(agent.locator('.el-menu-item', { hasText: '录音' }).count()).resolves.toBe(0);

    const admin = await newPage();
    await signIn(admin, ADMIN, '/recordings');
    await admin.getByTestId('page-recordings').waitFor();
    await admin.getByTestId('retention-days').locator('input').fill('90');
    await admin.getByTestId('retention-save').click();
    await expect.poll(async () => (await server.app.pg`select retention_days from recording_settings`)[0]?.retention_days).toBe(90);
  });
});
