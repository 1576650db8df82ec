import { describe, expect, it } from 'vitest';
import { initialAgentState, reduceAgent } from './agent-machine.ts';
import { fromAgentSnapshot, resumeCommands, toAgentSnapshot } from './agent-snapshot.ts';
import type { AgentEvent, AgentState } from './agent-types.ts';

function after(events: AgentEvent[]): AgentState {
  return events.reduce((s, e) => reduceAgent(s, e).state, initialAgentState('a7', 0));
}

describe('agent snapshot', () => {
  it('survives a JSON round trip and continues where it left off', () => {
    const ringing = after([{ type: 'signIn', now: 0 }, { type: 'offer', callId: 'c1', queueId: 'q', ringTimeoutMs: 10_000, wrapUpMs: 5_000, now: 100 }]);
    const restored = fromAgentSnapshot(JSON.parse(JSON.stringify(toAgentSnapshot(ringing))));
    expect(restored).toEqual({ ok: true, state: ringing });
    if (!restored.ok) return;
    const step = reduceAgent(restored.state, { type: 'answer', callId: 'c1', now: 200 });
    expect(step.ok && step.transition).toMatchObject({ from: 'ringing', to: 'onCall' });
  });

  it('re-arms the ring timer of a ringing agent and the wrap-up timer of an agent in wrap-up', () => {
    const ringing = after([{ type: 'signIn', now: 0 }, { type: 'offer', callId: 'c1', queueId: 'q', ringTimeoutMs: 10_000, wrapUpMs: 5_000, now: 100 }]);
    expect(resumeCommands(ringing)).toEqual([{ type: 'startRingTimer', callId: 'c1', at: 10_100 }]);
    const wrap = after([
      { type: 'signIn', now: 0 },
      { type: 'offer', callId: 'c1', queueId: 'q', ringTimeoutMs: 10_000, wrapUpMs: 5_000, now: 100 },
      { type: 'answer', callId: 'c1', now: 200 },
      { type: 'callEnded', callId: 'c1', now: 300 },
    ]);
    expect(resumeCommands(wrap)).toEqual([{ type: 'startWrapUpTimer', at: 5_300 }]);
    expect(resumeCommands(after([{ type: 'signIn', now: 0 }]))).toEqual([]);
  });

  it('refuses snapshots of an unknown version or with a malformed status', () => {
    expect(fromAgentSnapshot({ v: 99, state: {} })).toMatchObject({ ok: false });
    const good = toAgentSnapshot(after([{ type: 'signIn', now: 0 }]));
    expect(fromAgentSnapshot({ ...good, state: { ...good.state, status: { kind: 'dancing' } } })).toMatchObject({ ok: false, error: 'bad status' });
    expect(fromAgentSnapshot({ ...good, state: { ...good.state, agentId: '' } })).toMatchObject({ ok: false });
    expect(fromAgentSnapshot(null)).toMatchObject({ ok: false });
  });
});
