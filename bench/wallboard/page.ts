// The supervisor's wallboard in Debian's Chromium, with an observer that stamps when each agent row
// showed a new state: the key is `agentId@since@state` (the row's data attributes, written by the
// console's AgentTable), the time is taken in the next animation frame after the DOM mutation, i.e.
// when the browser is about to paint it.
import { chromium, type Browser, type Page } from 'playwright-core';

export interface WallboardPage {
  browser: Browser;
  page: Page;
  /** key → epoch ms the page painted it (every key seen so far). */
  drain(): Promise<[string, number][]>;
  close(): Promise<void>;
}

const OBSERVER = `(() => {
  const seen = new Map();
  window.__wb = seen;
  const stamp = (els) => {
    const keys = [];
    for (const el of els) keys.push(el.dataset.agentId + '@' + el.dataset.since + '@' + el.dataset.state);
    requestAnimationFrame(() => { const at = Date.now(); for (const k of keys) if (!seen.has(k)) seen.set(k, at); });
  };
  new MutationObserver((records) => {
    const els = new Set();
    for (const r of records) {
      const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!t) continue;
      const own = t.closest && t.closest('.wb-state');
      if (own) els.add(own);
      if (t.querySelectorAll) for (const e of t.querySelectorAll('.wb-state')) els.add(e);
    }
    stamp(els);
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-since', 'data-state'], characterData: true });
})()`;

export async function openWallboard(url: string, username: string, password: string, expectAgents: number): Promise<WallboardPage> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' })).newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(`${url}/wallboard`);
  await page.waitForFunction((n) => document.querySelectorAll('.wb-state').length >= n, expectAgents);
  await page.evaluate(OBSERVER);
  return {
    browser,
    page,
    async drain() {
      return page.evaluate(() => [...(window as unknown as { __wb: Map<string, number> }).__wb.entries()]);
    },
    async close() {
      await browser.close();
    },
  };
}
