import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initialAgentState, reduceAgent } from './agent-machine.ts';
import type { AgentCommand, AgentEvent, AgentState } from './agent-types.ts';

/** Runs events in order; every one must be accepted. Returns the transitions as "from→to" strings. */
function run(events: AgentEvent[], start: AgentState = initialAgentState('a1', 0)) {
  let state = start;
  const path: string[] = [];
  const commands: AgentCommand[] = [];
  for (const e of events) {
    const step = reduceAgent(state, e);
    if (!step.ok) throw new Error(`${e.type} rejected in ${state.status.kind}: ${step.rejection.code}`);
    state = step.state;
    commands.push(...step.commands.filter((c) => c.type !== 'notifyConsole'));
    if (step.transition) path.push(`${step.transition.from}→${step.transition.to}`);
  }
  return { state, path, commands };
}

const offer = (callId: string, now: number, ringTimeoutMs = 15_000, wrapUpMs = 10_000): AgentEvent => ({ type: 'offer', callId, queueId: 'q1', ringTimeoutMs, wrapUpMs, now });

describe('agent state machine', () => {
  it('signs in, takes a call, wraps up and becomes ready again', () => {
    const { path, state, commands } = run([
      { type: 'signIn', now: 1_000 },
      offer('c1', 2_000),
      { type: 'answer', callId: 'c1', now: 5_000 },
      { type: 'callEnded', callId: 'c1', now: 65_000 },
      { type: 'tick', now: 70_000 },
      { type: 'tick', now: 75_000 },
    ]);
    expect(path).toEqual(['signedOut→ready', 'ready→ringing', 'ringing→onCall', 'onCall→wrapUp', 'wrapUp→ready']);
    expect(state.callsToday).toBe(1);
    expect(state.lastCallEndedAt).toBe(65_000);
    expect(state.idleSince).toBe(75_000);
    expect(commands).toEqual([
      { type: 'startRingTimer', callId: 'c1', at: 17_000 },
      { type: 'cancelRingTimer', callId: 'c1' },
      { type: 'startWrapUpTimer', at: 75_000 },
    ]);
  });

  it('pauses the agent with reason rona and re-offers the call when the ring timeout fires', () => {
    const { path, state, commands } = run([{ type: 'signIn', now: 0 }, offer('c1', 1_000), { type: 'ringTimeout', callId: 'c1', now: 16_000 }]);
    expect(path).toEqual(['signedOut→ready', 'ready→ringing', 'ringing→paused']);
    expect(state.status).toEqual({ kind: 'paused', reason: 'rona' });
    expect(commands).toContainEqual({ type: 'reofferCall', callId: 'c1', reason: 'rona' });
  });

  it('treats a tick past the ring deadline as RONA and a tick before it as nothing', () => {
    const early = run([{ type: 'signIn', now: 0 }, offer('c1', 1_000), { type: 'tick', now: 15_999 }]);
    expect(early.state.status.kind).toBe('ringing');
    const late = run([{ type: 'signIn', now: 0 }, offer('c1', 1_000), { type: 'tick', now: 16_000 }]);
    expect(late.state.status).toEqual({ kind: 'paused', reason: 'rona' });
  });

  it('pauses with reason declined when the agent leg hangs up while ringing', () => {
    const { state, commands } = run([{ type: 'signIn', now: 0 }, offer('c1', 1_000), { type: 'hangup', callId: 'c1', now: 2_000 }]);
    expect(state.status).toEqual({ kind: 'paused', reason: 'declined' });
    expect(commands).toContainEqual({ type: 'reofferCall', callId: 'c1', reason: 'declined' });
  });

  it('returns to ready keeping its idle time when an offer is withdrawn', () => {
    const { path, state } = run([{ type: 'signIn', now: 500 }, offer('c1', 1_000), { type: 'callEnded', callId: 'c1', now: 3_000 }]);
    expect(path.at(-1)).toBe('ringing→ready');
    expect(state.idleSince).toBe(500);
  });

  it('goes straight to ready when the queue has no wrap-up', () => {
    const { path } = run([{ type: 'signIn', now: 0 }, offer('c1', 1_000, 15_000, 0), { type: 'answer', callId: 'c1', now: 2_000 }, { type: 'hangup', callId: 'c1', now: 9_000 }]);
    expect(path.slice(-1)).toEqual(['onCall→ready']);
  });

  it('applies a pause booked during a call when wrap-up ends', () => {
    const { path, state } = run([
      { type: 'signIn', now: 0 },
      offer('c1', 1_000),
      { type: 'answer', callId: 'c1', now: 2_000 },
      { type: 'pause', reason: 'lunch', now: 3_000 },
      { type: 'callEnded', callId: 'c1', now: 4_000 },
      { type: 'wrapUpDone', now: 6_000 },
    ]);
    expect(path.slice(-2)).toEqual(['onCall→wrapUp', 'wrapUp→paused']);
    expect(state.status).toEqual({ kind: 'paused', reason: 'lunch' });
    expect(state.pendingPause).toBeNull();
  });

  it('ends wrap-up early when the agent goes ready and cancels the wrap-up timer', () => {
    const { path, commands, state } = run([{ type: 'signIn', now: 0 }, offer('c1', 1), { type: 'answer', callId: 'c1', now: 2 }, { type: 'callEnded', callId: 'c1', now: 3 }, { type: 'goReady', now: 4 }]);
    expect(path.at(-1)).toBe('wrapUp→ready');
    expect(commands.at(-1)).toEqual({ type: 'cancelWrapUpTimer' });
    expect(state.idleSince).toBe(4);
  });

  it('changes pause reason and returns to ready from a pause', () => {
    const { path, state } = run([{ type: 'signIn', now: 0 }, { type: 'pause', reason: 'lunch', now: 1 }, { type: 'pause', reason: 'training', now: 2 }, { type: 'goReady', now: 3 }]);
    expect(path).toEqual(['signedOut→ready', 'ready→paused', 'paused→paused', 'paused→ready']);
    expect(state.idleSince).toBe(3);
  });

  it('re-offers the call when the agent signs out or pauses while ringing', () => {
    const out = run([{ type: 'signIn', now: 0 }, offer('c1', 1), { type: 'signOut', now: 2 }]);
    expect(out.commands).toContainEqual({ type: 'reofferCall', callId: 'c1', reason: 'signedOut' });
    const paused = run([{ type: 'signIn', now: 0 }, offer('c2', 1), { type: 'pause', reason: 'meeting', now: 2 }]);
    expect(paused.commands).toContainEqual({ type: 'reofferCall', callId: 'c2', reason: 'paused' });
  });

  it('rejects signing out on a call with a typed code instead of throwing', () => {
    const { state } = run([{ type: 'signIn', now: 0 }, offer('c1', 1), { type: 'answer', callId: 'c1', now: 2 }]);
    const step = reduceAgent(state, { type: 'signOut', now: 3 });
    expect(step).toMatchObject({ ok: false, rejection: { code: 'RS_AGENT_ON_CALL', event: 'signOut', status: 'onCall' } });
    expect(step.state).toBe(state);
  });

  it('rejects a second offer while ringing, so one agent is never offered two calls', () => {
    const { state } = run([{ type: 'signIn', now: 0 }, offer('c1', 1)]);
    expect(reduceAgent(state, offer('c2', 2))).toMatchObject({ ok: false, rejection: { code: 'RS_AGENT_NOT_READY' } });
  });

  it('rejects events about another call as a call mismatch', () => {
    const { state } = run([{ type: 'signIn', now: 0 }, offer('c1', 1)]);
    expect(reduceAgent(state, { type: 'answer', callId: 'other', now: 2 })).toMatchObject({ ok: false, rejection: { code: 'RS_AGENT_CALL_MISMATCH' } });
    expect(reduceAgent(state, { type: 'ringTimeout', callId: 'other', now: 20_000 })).toMatchObject({ ok: false });
  });

  it('rejects anything but sign-in while signed out, and a second sign-in', () => {
    const s0 = initialAgentState('a1', 0);
    expect(reduceAgent(s0, { type: 'goReady', now: 1 })).toMatchObject({ ok: false, rejection: { code: 'RS_AGENT_NOT_SIGNED_IN' } });
    const { state } = run([{ type: 'signIn', now: 0 }]);
    expect(reduceAgent(state, { type: 'signIn', now: 1 })).toMatchObject({ ok: false, rejection: { code: 'RS_AGENT_ALREADY_SIGNED_IN' } });
  });

  it('rejects pause codes that are not configured', () => {
    const { state } = run([{ type: 'signIn', now: 0 }]);
    const step = reduceAgent(state, { type: 'pause', reason: 'nap', now: 1 }, { pauseReasons: ['lunch', 'training', 'meeting'] });
    expect(step).toMatchObject({ ok: false, rejection: { code: 'RS_AGENT_BAD_REASON' } });
    expect(reduceAgent(state, { type: 'pause', reason: 'lunch', now: 1 }, { pauseReasons: ['lunch'] }).ok).toBe(true);
  });

  it('resets calls handled today without changing state', () => {
    const { state } = run([{ type: 'signIn', now: 0 }, offer('c1', 1), { type: 'answer', callId: 'c1', now: 2 }]);
    const step = reduceAgent(state, { type: 'resetDailyCounters', now: 3 });
    expect(step.ok && step.state.callsToday).toBe(0);
    expect(step.state.status.kind).toBe('onCall');
  });

  it('notifies the console on every transition', () => {
    const step = reduceAgent(initialAgentState('a1', 0), { type: 'signIn', now: 1 });
    expect(step.ok && step.commands).toEqual([{ type: 'notifyConsole', status: 'ready' }]);
  });

  it('never throws and only offers a ready agent, whatever the events (property)', () => {
    const ev = fc.oneof(
      fc.record({ type: fc.constantFrom('signIn', 'signOut', 'goReady', 'wrapUpDone', 'tick', 'resetDailyCounters' as const), now: fc.nat(100_000) }),
      fc.record({ type: fc.constant('pause' as const), reason: fc.constantFrom('lunch', '', 'rona'), now: fc.nat(100_000) }),
      fc.record({ type: fc.constant('offer' as const), callId: fc.constantFrom('c1', 'c2'), queueId: fc.constant('q'), ringTimeoutMs: fc.nat(20_000), wrapUpMs: fc.nat(20_000), now: fc.nat(100_000) }),
      fc.record({ type: fc.constantFrom('answer', 'ringTimeout', 'hangup', 'callEnded' as const), callId: fc.constantFrom('c1', 'c2'), now: fc.nat(100_000) }),
    ) as fc.Arbitrary<AgentEvent>;
    fc.assert(
      fc.property(fc.array(ev, { maxLength: 40 }), (events) => {
        let state = initialAgentState('a1', 0);
        for (const e of events) {
          const step = reduceAgent(state, e);
          if (step.ok && e.type === 'offer' && step.transition) expect(step.transition.from).toBe('ready');
          if (step.ok && step.transition?.to === 'onCall') expect(state.status.kind).toBe('ringing');
          if (!step.ok) expect(step.state).toBe(state);
          state = step.state;
        }
      }),
    );
  });
});
