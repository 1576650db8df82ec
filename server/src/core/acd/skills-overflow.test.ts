import { describe, expect, it } from 'vitest';
import { agent, caller, queue } from './acd-fixtures.ts';
import { requirementsAt, stepIndex } from './eligibility.ts';
import { routeSnapshot } from './route.ts';

describe('ACD skills relaxation', () => {
  const q = queue('q1', {
    strategy: 'skillsBased',
    requirements: [{ skill: 'zh', minLevel: 5 }, { skill: 'vip', minLevel: 3 }],
    relaxSteps: [
      { afterWaitMs: 30_000, requirements: [{ skill: 'zh', minLevel: 3 }] },
      { afterWaitMs: 60_000, requirements: [] },
    ],
  });
  const agents = [agent('novice', { skills: { zh: 1 } }), agent('mid', { skills: { zh: 4 } })];
  const at = (now: number) => routeSnapshot({ queues: [q], agents, callers: [caller('c1', { queuedAt: 0 })] }, now).decisions;

  it('offers nobody while no free agent meets the full requirements', () => {
    expect(at(29_999)).toEqual([]);
  });

  it('relaxes to the first step after 30 s and offers the agent who now qualifies', () => {
    expect(at(30_000)).toMatchObject([{ kind: 'offer', agentIds: ['mid'] }]);
  });

  it('drops all requirements after 60 s but still prefers the better-skilled agent', () => {
    expect(at(60_000)).toMatchObject([{ kind: 'offer', agentIds: ['mid'] }]);
    const onlyNovice = routeSnapshot({ queues: [q], agents: [agents[0]!], callers: [caller('c1')] }, 60_000).decisions;
    expect(onlyNovice).toMatchObject([{ kind: 'offer', agentIds: ['novice'] }]);
  });

  it('measures relaxation from the time the caller entered this queue', () => {
    const moved = caller('c1', { waitingSince: 0, queuedAt: 50_000 });
    expect(routeSnapshot({ queues: [q], agents, callers: [moved] }, 60_000).decisions).toEqual([]);
  });

  it('picks the latest step that has passed, whatever order the steps are listed in', () => {
    const steps = [{ afterWaitMs: 60, requirements: [] }, { afterWaitMs: 30, requirements: [{ skill: 'x', minLevel: 1 }] }];
    expect(stepIndex(steps, 10)).toBe(-1);
    expect(stepIndex(steps, 45)).toBe(1);
    expect(stepIndex(steps, 61)).toBe(0);
    expect(requirementsAt(queue('q', { relaxSteps: steps, requirements: [{ skill: 'y', minLevel: 2 }] }), 10)).toEqual([{ skill: 'y', minLevel: 2 }]);
  });

  it('serves a relaxed long waiter even after a strict newcomer of the same queue found nobody', () => {
    const callers = [caller('vip-new', { priority: 9, waitingSince: 59_000, queuedAt: 59_000 }), caller('old', { waitingSince: 0, queuedAt: 0 })];
    const r = routeSnapshot({ queues: [q], agents: [agents[0]!], callers }, 60_000);
    expect(r.decisions).toMatchObject([{ kind: 'offer', callId: 'old', agentIds: ['novice'] }]);
  });
});

describe('ACD overflow', () => {
  const q = queue('q1', { maxWaitMs: 120_000, overflow: { kind: 'queue', queueId: 'backup' } });

  it('overflows a caller who has waited the max wait with no agent free', () => {
    const r = routeSnapshot({ queues: [q], agents: [], callers: [caller('c1', { queuedAt: 0 })] }, 120_000);
    expect(r.decisions).toEqual([{ kind: 'overflow', callId: 'c1', queueId: 'q1', target: { kind: 'queue', queueId: 'backup' }, waitedMs: 120_000, reason: 'maxWait' }]);
  });

  it('keeps a caller queued before the max wait', () => {
    expect(routeSnapshot({ queues: [q], agents: [], callers: [caller('c1')] }, 119_999).decisions).toEqual([]);
  });

  it('offers an agent rather than overflowing when one is free at the max wait', () => {
    expect(routeSnapshot({ queues: [q], agents: [agent('a1')], callers: [caller('c1')] }, 500_000).decisions).toMatchObject([{ kind: 'offer', agentIds: ['a1'] }]);
  });

  it('overflows to voicemail or a message as configured', () => {
    const vm = queue('q1', { maxWaitMs: 10, overflow: { kind: 'voicemail', mailbox: 'sales' } });
    expect(routeSnapshot({ queues: [vm], agents: [], callers: [caller('c1')] }, 10).decisions[0]).toMatchObject({ target: { kind: 'voicemail', mailbox: 'sales' } });
    const msg = queue('q1', { maxWaitMs: 10, overflow: { kind: 'message', promptId: 'call-back-later' } });
    expect(routeSnapshot({ queues: [msg], agents: [], callers: [caller('c1')] }, 10).decisions[0]).toMatchObject({ target: { kind: 'message', promptId: 'call-back-later' } });
  });

  it('keeps the caller waiting past max wait when no overflow target is configured', () => {
    expect(routeSnapshot({ queues: [queue('q1', { maxWaitMs: 10 })], agents: [], callers: [caller('c1')] }, 1e6).decisions).toEqual([]);
  });

  it('overflows at once when the queue is unstaffed and the queue asks for it', () => {
    const unstaffed = queue('q1', { overflowWhenUnstaffed: true, overflow: { kind: 'message', promptId: 'closed' } });
    const paused = agent('a1', { available: false, staffed: false });
    expect(routeSnapshot({ queues: [unstaffed], agents: [paused], callers: [caller('c1')] }, 0).decisions).toMatchObject([{ kind: 'overflow', reason: 'unstaffed' }]);
    const busy = agent('a1', { available: false, staffed: true });
    expect(routeSnapshot({ queues: [unstaffed], agents: [busy], callers: [caller('c1')] }, 0).decisions).toEqual([]);
  });
});
