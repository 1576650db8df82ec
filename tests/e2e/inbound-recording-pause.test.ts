// Pause/resume recording from the agent console, end to end on the real stack inside the test network
// namespace (named inbound-* so the e2e-webrtc project runs it): an agent in Debian Chromium with a
// 1000 Hz fake mic answers a recorded queue call (the caller echoes), clicks 暂停录音 in the call
// controls, waits ~2 s, clicks 恢复录音, hangs up. The wav in the e2e Asterisk's recording spool is
// silent over the logged paused span and carries the tone before and after it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readWavLayout } from '../../server/src/modules/recordings/wav.ts';
import { ariClient } from '../support/netns/ari.ts';
import { packetCounts } from '../support/netns/audio.ts';
import { launchParty } from '../support/netns/browser.ts';
import { goReady, openWorkbench, signInConsole, waitForAgentState, waitForSoftphone } from '../support/netns/console.ts';
import { configureInbound, type InboundSetup } from '../support/netns/inbound-setup.ts';
import { PARTY_TONES } from '../support/netns/tones.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const AGENT = { username: 'agent.rec', password: 'agent-rec-pw-123', displayName: '周敏', roles: ['agent' as const] };
const ADMIN = { username: 'admin.rec', password: 'admin-rec-pw-123', displayName: 'Admin', roles: ['admin' as const] };
const CUSTOMER = { name: '宁波海信机电', storedPhone: '139 0057 4000', callerId: '+8613900574000' };

let server: TestServer;
let browser: Browser;
let page: Page;
let setup: InboundSetup;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rmsWindows(file: string, ms: number): number[] {
  const buf = readFileSync(file);
  const l = readWavLayout(buf);
  const per = (l.sampleRate * ms) / 1000;
  const out: number[] = [];
  for (let i = 0; i + per <= l.dataLength / 2; i += per) {
    let sum = 0;
    for (let j = 0; j < per; j++) sum += buf.readInt16LE(l.dataOffset + (i + j) * 2) ** 2;
    out.push(Math.sqrt(sum / per));
  }
  return out;
}

beforeAll(async () => {
  server = await startTestServer({ listen: true });
  for (const u of [AGENT, ADMIN]) await server.createUser(u);
  setup = await configureInbound(server, { admin: ADMIN, agents: [AGENT.username], queueMembers: [AGENT.username], customer: CUSTOMER, wrapUpSec: 5 });
  browser = await launchParty(PARTY_TONES.agent1);
  page = await signInConsole(browser, server.url, AGENT);
  await openWorkbench(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('recording pause/resume from the agent console', () => {
  it('the paused span is silence in the recording, the rest has the tone', async () => {
    await goReady(page);
    await ariClient(server.config).originate({
      endpoint: `Local/did-${setup.did}@ringside-test`, context: 'ringside-test', extension: 'echo', priority: '1',
      callerId: `"Caller" <${CUSTOMER.callerId}>`, timeout: '60',
    });
    await waitForSoftphone(page, 'ringing');
    const callId = (await page.getByTestId('pop-call-info').getAttribute('data-call-id')) ?? '';
    await page.getByTestId('btn-answer').click();
    await waitForSoftphone(page, 'inCall');
    await waitForAgentState(page, 'onCall');
    await expect.poll(async () => Math.min(...Object.values(await packetCounts(page))), { timeout: 15_000 }).toBeGreaterThan(100);

    const button = page.getByTestId('btn-recording-pause');
    await button.waitFor();
    await sleep(1500);
    await button.click();
    await page.locator('[data-testid="btn-recording-pause"][data-paused="true"]').waitFor();
    await sleep(2000);
    await button.click();
    await page.locator('[data-testid="btn-recording-pause"][data-paused="false"]').waitFor();
    await sleep(2000);
    await page.getByTestId('btn-hangup').click();
    await waitForAgentState(page, 'wrapUp');

    const pg = server.app.pg;
    type Pause = { name: string; paused_by: string; resumed_by: string; pause_offset_ms: number; resume_offset_ms: number; silenced: boolean };
    let p: Pause | undefined;
    await expect
      .poll(async () => {
        [p] = await pg<Pause[]>`
          select r.name, p.paused_by, p.resumed_by, p.pause_offset_ms, p.resume_offset_ms, p.silenced_at is not null as silenced
          from recording_pauses p join recordings r on r.id = p.recording_id where p.call_id = ${callId}`;
        return p?.silenced ?? false;
      }, { timeout: 15_000 })
      .toBe(true);
    expect(p!.paused_by).toBe(setup.agentIds[AGENT.username]);
    expect(p!.resumed_by).toBe(setup.agentIds[AGENT.username]);
    expect(p!.resume_offset_ms - p!.pause_offset_ms).toBeGreaterThanOrEqual(1900);

    const windows = rmsWindows(join(server.config.RECORDINGS_DIR, `${p!.name}.wav`), 100);
    const margin = 250;
    const inPause = windows.filter((_, i) => i * 100 >= p!.pause_offset_ms + margin && (i + 1) * 100 <= p!.resume_offset_ms - margin);
    const before = windows.filter((_, i) => i * 100 >= 500 && (i + 1) * 100 <= p!.pause_offset_ms - margin);
    const after = windows.filter((_, i) => i * 100 >= p!.resume_offset_ms + margin && (i + 1) * 100 <= windows.length * 100 - 500);
    expect(inPause.length).toBeGreaterThanOrEqual(14);
    expect(Math.max(...inPause)).toBeLessThan(1);
    // The agent's 1000 Hz (and its echo) in the file outside the pause: most windows clearly loud.
    const loud = (xs: number[]) => xs.filter((x) => x > 300).length / xs.length;
    expect(loud(before)).toBeGreaterThan(0.8);
    expect(loud(after)).toBeGreaterThan(0.8);
  });
});
