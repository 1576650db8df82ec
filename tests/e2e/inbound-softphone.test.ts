// The Softphone service (web-agent/src/services/sip) in Debian's Chromium against the real e2e Asterisk,
// inside the test network namespace: REGISTER to an ARI-provisioned WebRTC endpoint, an ARI originate
// rings it, answer, two-way audio proven (the far end echoes: the page hears its own 1000 Hz tone back and
// RTP flows both ways), local mute silences the outbound leg, hang-up. No server, no console: this layer
// alone, so a failure here points at SIP/ICE/DTLS rather than at call routing.
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { configFromEnvironment } from '../../server/src/config/index.ts';
import { ariClient } from '../support/netns/ari.ts';
import { measureTones, packetCounts } from '../support/netns/audio.ts';
import { launchParty } from '../support/netns/browser.ts';
import { PARTY_TONES } from '../support/netns/tones.ts';

const config = configFromEnvironment();
const ari = ariClient(config);
const AGENT = { id: `agent-sptest${process.pid}`, password: 'softphone-test-pw' };

let server: Server;
let url = '';
let browser: Browser;
let page: Page;

async function bundleSoftphone(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, '../../web-agent/src/services/sip/softphone.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'RingsideSip',
    write: false,
    platform: 'browser',
  });
  return out.outputFiles[0]!.text;
}

const PAGE = `<!doctype html><html><body><script src="/softphone.js"></script><script>
  const audio = document.createElement('audio');
  audio.autoplay = true; audio.dataset.testid = 'softphone-audio'; document.body.appendChild(audio);
  window.states = [];
  window.startPhone = (settings) => {
    const phone = new RingsideSip.Softphone(settings, audio);
    phone.on('state', (s) => window.states.push(s.name));
    window.phone = phone;
    window.__ringsideMediaStats = () => phone.mediaStats();
    return phone.start();
  };
</script></body></html>`;

async function waitForState(name: string): Promise<void> {
  await page.waitForFunction((n) => (window as unknown as { phone?: { current: { name: string } } }).phone?.current.name === n, name, { timeout: 20_000 });
}

beforeAll(async () => {
  const js = await bundleSoftphone();
  server = createServer((req, res) => {
    const isJs = req.url === '/softphone.js';
    res.writeHead(200, { 'content-type': isJs ? 'text/javascript' : 'text/html' });
    res.end(isJs ? js : PAGE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  await ari.provisionWebrtcEndpoint(AGENT.id, AGENT.password);
  browser = await launchParty(PARTY_TONES.agent1);
  page = await browser.newPage();
  await page.goto(url);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('softphone service in Chromium against the e2e Asterisk (network namespace)', () => {
  it('registers with the ICE servers from its settings only', async () => {
    await page.evaluate(
      (s) => (window as unknown as { startPhone: (x: unknown) => Promise<void> }).startPhone(s),
      {
        uri: `sip:${AGENT.id}@127.0.0.1`,
        wsUrl: config.SIP_WS_URL,
        authorizationUsername: AGENT.id,
        authorizationPassword: AGENT.password,
        displayName: 'Test Agent',
        iceServers: [],
        audioConstraints: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      },
    );
    await waitForState('registered');
  });

  it('rings on an originate, answers, and carries audio both ways (echo far end)', async () => {
    await ari.originate({ endpoint: `PJSIP/${AGENT.id}`, context: 'ringside-test', extension: 'echo', priority: '1', callerId: 'Echo <8000>', formats: 'ulaw', timeout: '20' });
    await waitForState('ringing');
    await page.evaluate(() => (window as unknown as { phone: { answer(): Promise<void> } }).phone.answer());
    await waitForState('inCall');
    // RTP both ways (getStats), then what arrives is our own tone (AnalyserNode).
    await expect.poll(async () => Math.min(...Object.values(await packetCounts(page))), { timeout: 15_000 }).toBeGreaterThan(100);
    const tones = await measureTones(page, [PARTY_TONES.agent1, PARTY_TONES.agent2, PARTY_TONES.caller]);
    // Our own 1000 Hz came back through Asterisk: sent, received, decoded.
    expect(Math.abs(tones.peakHz - PARTY_TONES.agent1)).toBeLessThan(30);
    expect(tones.levels[String(PARTY_TONES.agent1)]!).toBeGreaterThan(tones.floorDb + 30);
  });

  it('local mute stops the tone coming back; unmute restores it', async () => {
    const phone = () => (window as unknown as { phone: { mute(on: boolean): void } }).phone;
    await page.evaluate(`(${phone.toString()})().mute(true)`);
    await new Promise((r) => setTimeout(r, 600));
    const muted = await measureTones(page, [PARTY_TONES.agent1], 800);
    await page.evaluate(`(${phone.toString()})().mute(false)`);
    await new Promise((r) => setTimeout(r, 600));
    const unmuted = await measureTones(page, [PARTY_TONES.agent1], 800);
    expect(unmuted.levels[String(PARTY_TONES.agent1)]!).toBeGreaterThan(muted.levels[String(PARTY_TONES.agent1)]! + 20);
  });

  it('hangs up: the phone reports ended and Asterisk has no channel left for the agent', async () => {
    await page.evaluate(() => (window as unknown as { phone: { hangup(): Promise<void> } }).phone.hangup());
    await waitForState('ended');
    await expect.poll(async () => (await ari.channels()).filter((c) => c.name.includes(AGENT.id)).length, { timeout: 10_000 }).toBe(0);
  });
});
