// Console page helpers for the WebRTC tests: sign in through the login page, open the workbench with
// raw audio (no echo cancellation / noise suppression / AGC, so a sine survives), wait for the softphone
// and agent states by their stable data-testids and data-state attributes.
import type { Browser, Page } from 'playwright-core';

export interface ConsoleUser {
  username: string;
  password: string;
}

export async function signInConsole(browser: Browser, baseUrl: string, user: ConsoleUser, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  // Diagnostics for a failing run: API errors the console got, with their body.
  page.on('response', async (res) => {
    if (res.url().includes('/api/') && res.status() >= 400) {
      console.warn(`[${user.username}] ${res.request().method()} ${new URL(res.url()).pathname} → ${res.status()} ${(await res.text().catch(() => '')).slice(0, 300)}`);
    }
  });
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor();
  return page;
}

export async function openWorkbench(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/workbench?rawAudio=1`);
  await waitForSoftphone(page, 'registered');
}

export async function waitForSoftphone(page: Page, state: string, timeout = 20_000): Promise<void> {
  await page.locator(`[data-testid="softphone-state"][data-state="${state}"]`).waitFor({ timeout });
}

export async function waitForAgentState(page: Page, state: string, timeout = 20_000): Promise<void> {
  await page.locator(`[data-testid="agent-state"][data-state="${state}"]`).waitFor({ timeout });
}

/** Signs the agent in (if needed) and makes it ready, through the state bar. */
export async function goReady(page: Page): Promise<void> {
  const state = page.getByTestId('agent-state');
  await state.waitFor();
  // A console without its socket would miss the pop of the first call (the server re-sends a pending
  // offer on connect, but ringing may end first): agents go ready once the console is live.
  await page.locator('[data-testid="realtime-status"][data-status="connected"]').waitFor({ timeout: 20_000 });
  if ((await state.getAttribute('data-state')) === 'signedOut') {
    await page.getByTestId('btn-sign-in').click();
    await page.locator('[data-testid="agent-state"]:not([data-state="signedOut"])').waitFor();
  }
  // Signing in may already make the agent ready (the server's agent machine decides).
  if ((await state.getAttribute('data-state')) !== 'ready') await page.getByTestId('btn-ready').click();
  await waitForAgentState(page, 'ready');
}

export interface PopRing {
  popRenderedAt: number;
  ringAt: number;
  inviteAt: number;
  offeredAt: string;
}

/** The pop and ring timings the console recorded for a call (window.__ringsideTimings). */
export function popAndRing(page: Page, callId: string): Promise<PopRing | null> {
  return page.evaluate((id) => {
    const t = window.__ringsideTimings;
    const pop = t?.pops.find((p) => p.callId === id);
    const ring = t?.rings.find((r) => r.callId === id);
    return pop && ring ? { popRenderedAt: pop.renderedAt, ringAt: ring.at, inviteAt: ring.inviteAt, offeredAt: pop.offeredAt } : null;
  }, callId);
}

declare global {
  interface Window {
    __ringsideTimings?: { pops: { callId: string; offeredAt: string; renderedAt: number }[]; rings: { callId: string | null; at: number; inviteAt: number }[] };
  }
}
