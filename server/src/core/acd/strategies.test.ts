import { describe, expect, it } from 'vitest';
import { agent, caller, queue } from './acd-fixtures.ts';
import { routeSnapshot } from './route.ts';
import type { AcdAgent, QueueConfig, RoutingDecision, WaitingCaller } from './acd-types.ts';

function offers(queues: QueueConfig[], agents: AcdAgent[], callers: WaitingCaller[], now = 1_000, cursors?: Record<string, string>) {
  const r = routeSnapshot({ queues, agents, callers, ...(cursors ? { cursors } : {}) }, now);
  return r.decisions.filter((d): d is Extract<RoutingDecision, { kind: 'offer' }> => d.kind === 'offer').map((d) => [d.callId, d.agentIds.join(',')]);
}

describe('ACD strategies', () => {
  it('longest-idle offers the call to the agent idle the longest', () => {
    const agents = [agent('a1', { idleSince: 500 }), agent('a2', { idleSince: 100 }), agent('a3', { idleSince: 300 })];
    expect(offers([queue('q1')], agents, [caller('c1')])).toEqual([['c1', 'a2']]);
  });

  it('breaks ties deterministically by agent id, whatever the input order', () => {
    const agents = [agent('a3', { idleSince: 100 }), agent('a1', { idleSince: 100 }), agent('a2', { idleSince: 100 })];
    expect(offers([queue('q1')], agents, [caller('c1')])).toEqual([['c1', 'a1']]);
    expect(offers([queue('q1')], [...agents].reverse(), [caller('c1')])).toEqual([['c1', 'a1']]);
  });

  it('fewest-calls offers the call to the agent with fewest calls today, then the longest idle', () => {
    const agents = [agent('a1', { callsToday: 3, idleSince: 0 }), agent('a2', { callsToday: 1, idleSince: 900 }), agent('a3', { callsToday: 1, idleSince: 200 })];
    expect(offers([queue('q1', { strategy: 'fewestCalls' })], agents, [caller('c1')])).toEqual([['c1', 'a3']]);
  });

  it('ring-all offers the call to every eligible agent of the best tier at once', () => {
    const agents = [agent('a2'), agent('a1'), agent('a3', { available: false }), agent('a4', { queues: { q1: 1 } })];
    expect(offers([queue('q1', { strategy: 'ringAll' })], agents, [caller('c1')])).toEqual([['c1', 'a1,a2']]);
  });

  it('ring-all leaves nobody for the next caller of the same queue in the same pass', () => {
    expect(offers([queue('q1', { strategy: 'ringAll' })], [agent('a1'), agent('a2')], [caller('c1'), caller('c2', { waitingSince: 5 })])).toEqual([['c1', 'a1,a2']]);
  });

  it('round-robin continues after the cursor and wraps around to the first member', () => {
    const q = queue('q1', { strategy: 'roundRobin' });
    const agents = [agent('a1'), agent('a2'), agent('a3')];
    let cursors: Record<string, string> = {};
    const picked: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = routeSnapshot({ queues: [q], agents, callers: [caller(`c${i}`)], cursors }, 1_000);
      picked.push(r.decisions[0]?.kind === 'offer' ? r.decisions[0].agentIds[0]! : '-');
      cursors = r.cursors;
    }
    expect(picked).toEqual(['a1', 'a2', 'a3', 'a1', 'a2']);
  });

  it('round-robin skips members who are not ready and moves the cursor past the one offered', () => {
    const q = queue('q1', { strategy: 'roundRobin' });
    const r = routeSnapshot({ queues: [q], agents: [agent('a1'), agent('a2', { available: false }), agent('a3')], callers: [caller('c1'), caller('c2', { waitingSince: 1 })], cursors: { q1: 'a1' } }, 1_000);
    expect(r.decisions.map((d) => d.kind === 'offer' && d.agentIds[0])).toEqual(['a3', 'a1']);
    expect(r.cursors).toEqual({ q1: 'a1' });
  });

  it('skills-based offers the call to the agent with the best levels in the required skills', () => {
    const q = queue('q1', { strategy: 'skillsBased', requirements: [{ skill: 'en', minLevel: 1 }, { skill: 'billing', minLevel: 1 }] });
    const agents = [agent('a1', { skills: { en: 5, billing: 1 }, idleSince: 0 }), agent('a2', { skills: { en: 4, billing: 4 }, idleSince: 50 }), agent('a3', { skills: { en: 9 } })];
    expect(offers([q], agents, [caller('c1')])).toEqual([['c1', 'a2']]);
  });

  it('never offers a call to agents in wrap-up, paused, ringing or signed out', () => {
    const unavailable = ['wrap', 'paused', 'ringing', 'out'].map((id) => agent(id, { available: false, idleSince: -1_000 }));
    expect(offers([queue('q1')], [...unavailable, agent('zz', { idleSince: 900 })], [caller('c1')])).toEqual([['c1', 'zz']]);
    expect(offers([queue('q1')], unavailable, [caller('c1')])).toEqual([]);
  });

  it('never offers a call to an agent who is not a member of the queue', () => {
    expect(offers([queue('q1'), queue('q2')], [agent('a1', { queues: { q2: 0 } })], [caller('c1')])).toEqual([]);
  });

  it('offers one agent at most one call in a routing pass', () => {
    const r = offers([queue('q1')], [agent('a1')], [caller('c1'), caller('c2', { waitingSince: 10 })]);
    expect(r).toEqual([['c1', 'a1']]);
  });
});

describe('ACD penalties and priority', () => {
  it('offers the lowest penalty tier first even when a higher tier agent has idled longer', () => {
    const agents = [agent('a1', { queues: { q1: 2 }, idleSince: 0 }), agent('a2', { queues: { q1: 1 }, idleSince: 800 })];
    expect(offers([queue('q1')], agents, [caller('c1')])).toEqual([['c1', 'a2']]);
  });

  it('falls back to a higher penalty tier when the lower tier is busy', () => {
    const agents = [agent('a1', { queues: { q1: 2 } }), agent('a2', { queues: { q1: 1 }, available: false })];
    expect(offers([queue('q1')], agents, [caller('c1')])).toEqual([['c1', 'a1']]);
  });

  it('opens higher penalty tiers only as the caller waits when penalty steps are set', () => {
    const q = queue('q1', { penaltySteps: [{ afterWaitMs: 30_000, maxPenalty: 5 }] });
    const agents = [agent('a1', { queues: { q1: 5 } })];
    expect(offers([q], agents, [caller('c1', { queuedAt: 0 })], 29_999)).toEqual([]);
    expect(offers([q], agents, [caller('c1', { queuedAt: 0 })], 30_000)).toEqual([['c1', 'a1']]);
  });

  it('serves a higher priority caller before one who has waited longer', () => {
    const callers = [caller('old', { waitingSince: 0 }), caller('vip', { waitingSince: 900, priority: 5 })];
    expect(offers([queue('q1')], [agent('a1')], callers)).toEqual([['vip', 'a1']]);
  });

  it('serves callers of equal priority in order of wait', () => {
    const callers = [caller('c2', { waitingSince: 200 }), caller('c1', { waitingSince: 100 }), caller('c3', { waitingSince: 300 })];
    expect(offers([queue('q1')], [agent('a1', { idleSince: 0 }), agent('a2', { idleSince: 1 })], callers)).toEqual([['c1', 'a1'], ['c2', 'a2']]);
  });

  it('gives an agent in several queues to the caller who has waited longest across those queues', () => {
    const agents = [agent('shared', { queues: { q1: 0, q2: 0 } })];
    const callers = [caller('q1-new', { queueId: 'q1', waitingSince: 500 }), caller('q2-old', { queueId: 'q2', waitingSince: 100 })];
    expect(offers([queue('q1'), queue('q2', { strategy: 'fewestCalls' })], agents, callers)).toEqual([['q2-old', 'shared']]);
  });

  it('lets a later caller take an agent the earlier caller could not use', () => {
    const q2 = queue('q2', { requirements: [{ skill: 'fr', minLevel: 1 }] });
    const agents = [agent('en-only', { queues: { q1: 0, q2: 0 } })];
    const callers = [caller('needs-fr', { queueId: 'q2', waitingSince: 0 }), caller('any', { queueId: 'q1', waitingSince: 50 })];
    expect(offers([queue('q1'), q2], agents, callers)).toEqual([['any', 'en-only']]);
  });
});
