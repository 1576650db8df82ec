// The bench agents' hands, installed in each agent page: answer a ringing softphone at once, hang up after
// a short talk, submit the wrap-up through the form with the given disposition, and go ready again after a
// RONA pause. It only clicks the console's own controls (data-testids), so the measured path is the real
// one. Plain JS text (not a function): tsx's transform would inject helpers the page does not have.
import type { Page } from 'playwright-core';

export interface ResponderOptions {
  talkMs: number;
  disposition: string;
}

const SCRIPT = (talkMs: number, disposition: string) => `(() => {
  const q = (id) => document.querySelector('[data-testid="' + id + '"]');
  let inCallSince = 0;
  let wrapStep = 0;
  setInterval(() => {
    const phone = q('softphone-state')?.dataset.state;
    const agent = q('agent-state')?.dataset.state;
    if (phone === 'ringing') q('btn-answer')?.click();
    if (phone === 'inCall') {
      inCallSince ||= performance.now();
      if (performance.now() - inCallSince > ${talkMs}) q('btn-hangup')?.click();
    } else inCallSince = 0;
    // Wrap-up through the form, one step per tick: open the select, pick the code, submit.
    if (q('wrapup-form')) {
      if (wrapStep === 0) q('wrapup-disposition')?.closest('.el-select')?.querySelector('.el-select__wrapper')?.click();
      else if (wrapStep === 1) q(${JSON.stringify(`wrapup-option-${disposition}`)})?.click();
      else if (wrapStep === 2) q('wrapup-submit')?.click();
      wrapStep = (wrapStep + 1) % 8;
    } else wrapStep = 0;
    if (agent === 'paused' && phone !== 'ringing' && phone !== 'inCall') q('btn-ready')?.click();
  }, 40);
})()`;

export async function installResponder(page: Page, opts: ResponderOptions): Promise<void> {
  await page.evaluate(SCRIPT(opts.talkMs, opts.disposition));
}
