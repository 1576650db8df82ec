// The three machines together, the way the telephony role drives them: route → offer to the agent and
// the call → RONA → the agent pauses, the call goes back to the queue → the next pass offers the next agent.
import { describe, expect, it } from 'vitest';
import { initialAgentState, reduceAgent } from '../agent/agent-machine.ts';
import type { AgentEvent, AgentState } from '../agent/agent-types.ts';
import { reduceCall, startCall } from '../call/call-machine.ts';
import type { CallEvent, CallState } from '../call/call-types.ts';
import { queue } from './acd-fixtures.ts';
import type { WaitingCaller } from './acd-types.ts';
import { acdAgentFromState } from './agent-view.ts';
import { createIndex, putAgent } from './agent-index.ts';
import { route } from './route.ts';

describe('RONA across the agent, call and ACD', () => {
  it('pauses the agent who did not answer and offers the call to the next agent', () => {
    const profile = { skills: {}, queues: { q1: 0 } };
    const agents = new Map<string, AgentState>();
    const agentDo = (id: string, e: AgentEvent) => {
      const step = reduceAgent(agents.get(id)!, e);
      expect(step.ok).toBe(true);
      agents.set(id, step.state);
      putAgent(index, acdAgentFromState(step.state, profile));
      return step;
    };
    let call: CallState = startCall({ callId: 'k1', did: '4000', callerNumber: '1', now: 0 }).state;
    const callDo = (e: CallEvent) => {
      const step = reduceCall(call, e);
      expect(step.ok).toBe(true);
      call = step.state;
      return step;
    };
    const index = createIndex([queue('q1', { ringTimeoutMs: 15_000 })], []);
    for (const [id, at] of [['a1', 10], ['a2', 20]] as const) {
      agents.set(id, initialAgentState(id, 0));
      agentDo(id, { type: 'signIn', now: at });
    }
    callDo({ type: 'queue', queueId: 'q1', priority: 0, now: 100 });
    const waiting = (): WaitingCaller[] => (call.status.kind === 'queued' ? [{ callId: 'k1', queueId: 'q1', priority: 0, waitingSince: call.waitingSince!, queuedAt: call.status.queuedAt }] : []);

    const first = route({ index, callers: waiting() }, 200).decisions;
    expect(first).toMatchObject([{ kind: 'offer', agentIds: ['a1'] }]);
    agentDo('a1', { type: 'offer', callId: 'k1', queueId: 'q1', ringTimeoutMs: 15_000, wrapUpMs: 0, now: 200 });
    callDo({ type: 'offer', agentIds: ['a1'], now: 200 });
    expect(route({ index, callers: waiting() }, 300).decisions).toEqual([]);

    const rona = agentDo('a1', { type: 'tick', now: 15_200 });
    expect(rona.ok && rona.commands).toContainEqual({ type: 'reofferCall', callId: 'k1', reason: 'rona' });
    expect(agents.get('a1')!.status).toEqual({ kind: 'paused', reason: 'rona' });
    callDo({ type: 'offerFailed', agentId: 'a1', reason: 'rona', now: 15_200 });

    expect(route({ index, callers: waiting() }, 15_201).decisions).toMatchObject([{ kind: 'offer', callId: 'k1', agentIds: ['a2'] }]);
    expect(waiting()[0]?.waitingSince).toBe(100);
  });
});
