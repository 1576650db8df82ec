import { describe, expect, it } from 'vitest';
import { initialAgentState, reduceAgent } from '../../core/agent/agent-machine.ts';
import type { AgentState } from '../../core/agent/agent-types.ts';
import { historyRow } from './agent-history-recorder.ts';

function ringingFor(queueId: string): {
  before: AgentState;
  step: Extract<ReturnType<typeof reduceAgent>, { ok: true }>;
} {
  let s = initialAgentState('a1', 0);
  for (const e of [
    { type: 'signIn', now: 1 },
    { type: 'goReady', now: 2 },
  ] as const) {
    const r = reduceAgent(s, e);
    if (!r.ok) throw new Error('setup');
    s = r.state;
  }
  const step = reduceAgent(s, {
    type: 'offer',
    callId: 'c1',
    queueId,
    ringTimeoutMs: 10_000,
    wrapUpMs: 0,
    now: 3,
  });
  if (!step.ok) throw new Error('offer rejected');
  return { before: s, step };
}

describe('an agent state history row', () => {
  it('keeps an ACD queue id', () => {
    const q = '0b6f7a52-5d4e-4c61-9d1a-2f8c3e7b9a10';
    const { before, step } = ringingFor(q);
    expect(historyRow(before, step)?.queueId).toBe(q);
  });

  it("leaves out a campaign's pseudo-queue, which is no queue row (it failed the whole batch)", () => {
    const { before, step } = ringingFor('campaign:0b6f7a52-5d4e-4c61-9d1a-2f8c3e7b9a10');
    expect(historyRow(before, step)).toMatchObject({ state: 'ringing', callId: 'c1', queueId: null });
  });
});
