import { describe, expect, it } from 'vitest';
import { initialAgentState, reduceAgent } from '../agent/agent-machine.ts';
import type { AgentEvent, AgentState } from '../agent/agent-types.ts';
import { caller, queue } from './acd-fixtures.ts';
import { acdAgentFromState } from './agent-view.ts';
import { routeSnapshot } from './route.ts';

const profile = { skills: { en: 3 }, queues: { q1: 0 } };

function stateAfter(events: AgentEvent[]): AgentState {
  return events.reduce((s, e) => reduceAgent(s, e).state, initialAgentState('a1', 0));
}

const signIn: AgentEvent = { type: 'signIn', now: 10 };
const offer: AgentEvent = { type: 'offer', callId: 'k1', queueId: 'q1', ringTimeoutMs: 15_000, wrapUpMs: 30_000, now: 20 };
const answer: AgentEvent = { type: 'answer', callId: 'k1', now: 30 };
const ended: AgentEvent = { type: 'callEnded', callId: 'k1', now: 40 };

describe('agent view for the ACD', () => {
  it.each([
    ['signed out', [], false, false],
    ['ready', [signIn], true, true],
    ['ringing', [signIn, offer], false, true],
    ['on a call', [signIn, offer, answer], false, true],
    ['in wrap-up', [signIn, offer, answer, ended], false, true],
    ['paused', [signIn, { type: 'pause', reason: 'lunch', now: 15 }], false, false],
  ] as const)('makes an agent who is %s available=%s and staffed=%s', (_name, events, available, staffed) => {
    const view = acdAgentFromState(stateAfter([...events]), profile);
    expect(view).toMatchObject({ id: 'a1', available, staffed });
  });

  it('never offers a second call to an agent already ringing with the first', () => {
    const ringing = acdAgentFromState(stateAfter([signIn, offer]), profile);
    expect(routeSnapshot({ queues: [queue('q1')], agents: [ringing], callers: [caller('k2')] }, 100).decisions).toEqual([]);
  });

  it('orders agents by the time they last became ready for longest-idle', () => {
    const a = acdAgentFromState(stateAfter([signIn, offer, answer, ended, { type: 'wrapUpDone', now: 50 }]), profile);
    expect(a.idleSince).toBe(50);
    expect(a.callsToday).toBe(1);
  });
});
