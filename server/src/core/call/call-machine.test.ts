import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reduceCall, startCall } from './call-machine.ts';
import type { CallCommand, CallEvent, CallRecord, CallState } from './call-types.ts';

function run(events: CallEvent[]) {
  let state: CallState = startCall({ callId: 'k1', did: '4000', callerNumber: '13800000000', now: 0 }).state;
  const path: string[] = [];
  const commands: CallCommand[] = [];
  for (const e of events) {
    const step = reduceCall(state, e);
    if (!step.ok) throw new Error(`${e.type} rejected in ${state.status.kind}: ${step.rejection.code}`);
    state = step.state;
    commands.push(...step.commands);
    if (step.transition) path.push(`${step.transition.from}→${step.transition.to}`);
  }
  const records = commands.filter((c): c is Extract<CallCommand, { type: 'writeCallRecord' }> => c.type === 'writeCallRecord').map((c) => c.record);
  return { state, path, commands, records };
}

const queue = (now: number, queueId = 'sales', priority = 0): CallEvent => ({ type: 'queue', queueId, priority, now });

describe('inbound call state machine', () => {
  it('answers, queues with music, offers, bridges and ends with one completed record', () => {
    const { path, commands, records } = run([
      queue(2_000),
      { type: 'offer', agentIds: ['a1'], now: 10_000 },
      { type: 'answer', agentId: 'a1', now: 14_000 },
      { type: 'hangup', side: 'caller', cause: 'answered-normal', now: 74_000 },
    ]);
    expect(startCall({ callId: 'x', did: 'd', callerNumber: 'n', now: 0 }).commands).toEqual([{ type: 'answerChannel' }]);
    expect(path).toEqual(['entered→queued', 'queued→offering', 'offering→answered', 'answered→ended']);
    expect(commands.map((c) => c.type)).toEqual(['startMusicOnHold', 'originateAgent', 'bridgeWithAgent', 'hangupAgent', 'writeCallRecord']);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject<Partial<CallRecord>>({ outcome: 'completed', hangupSide: 'caller', agentId: 'a1', enteredAt: 0, queuedAt: 2_000, offeredAt: 10_000, answeredAt: 14_000, endedAt: 74_000, waitMs: 12_000, talkMs: 60_000, holdMs: 0, attempts: 1 });
  });

  it('records a caller who hangs up while queued as abandoned with their wait time', () => {
    const { path, records } = run([queue(1_000), { type: 'hangup', side: 'caller', cause: 'answered-normal', now: 46_000 }]);
    expect(path).toEqual(['entered→queued', 'queued→ended']);
    expect(records).toEqual([expect.objectContaining({ outcome: 'abandoned', abandonedIn: 'queue', waitMs: 45_000, talkMs: 0, answeredAt: null })]);
  });

  it('records a hang-up while an agent rings as abandoned and cancels the agent legs', () => {
    const { commands, records } = run([queue(0), { type: 'offer', agentIds: ['a1', 'a2'], now: 5_000 }, { type: 'hangup', side: 'caller', cause: 'x', now: 8_000 }]);
    expect(commands.filter((c) => c.type === 'cancelAgentLeg')).toEqual([
      { type: 'cancelAgentLeg', agentId: 'a1', reason: 'caller-gone' },
      { type: 'cancelAgentLeg', agentId: 'a2', reason: 'caller-gone' },
    ]);
    expect(records[0]).toMatchObject({ outcome: 'abandoned', abandonedIn: 'offering', waitMs: 8_000 });
  });

  it('records a hang-up in the IVR as abandoned in the IVR with no wait', () => {
    expect(run([{ type: 'hangup', side: 'caller', cause: 'x', now: 3_000 }]).records[0]).toMatchObject({ outcome: 'abandoned', abandonedIn: 'ivr', waitMs: 0 });
  });

  it('goes back to queued with its original queue time after RONA, then is offered to the next agent', () => {
    const { path, state, commands } = run([
      queue(1_000),
      { type: 'offer', agentIds: ['a1'], now: 2_000 },
      { type: 'offerFailed', agentId: 'a1', reason: 'rona', now: 17_000 },
      { type: 'offer', agentIds: ['a2'], now: 17_001 },
      { type: 'answer', agentId: 'a2', now: 20_000 },
    ]);
    expect(path).toEqual(['entered→queued', 'queued→offering', 'offering→queued', 'queued→offering', 'offering→answered']);
    expect(commands).toContainEqual({ type: 'cancelAgentLeg', agentId: 'a1', reason: 'timeout' });
    expect(state.attempts).toBe(2);
    expect(state.offeredAt).toBe(2_000);
  });

  it('keeps offering while other ring-all legs still ring and cancels the losers on answer', () => {
    const { path, commands } = run([
      queue(0),
      { type: 'offer', agentIds: ['a1', 'a2', 'a3'], now: 1 },
      { type: 'offerFailed', agentId: 'a1', reason: 'declined', now: 2 },
      { type: 'answer', agentId: 'a3', now: 3 },
    ]);
    expect(path).toEqual(['entered→queued', 'queued→offering', 'offering→answered']);
    expect(commands).toContainEqual({ type: 'cancelAgentLeg', agentId: 'a2', reason: 'answered-elsewhere' });
    expect(commands).not.toContainEqual(expect.objectContaining({ type: 'cancelAgentLeg', agentId: 'a3' }));
  });

  it('overflows to another queue keeping the caller wait, then to voicemail as a terminal record', () => {
    const { path, records, commands } = run([queue(0, 'sales', 5), { type: 'overflow', target: { kind: 'queue', queueId: 'support' }, now: 60_000 }, { type: 'overflow', target: { kind: 'voicemail', mailbox: '100' }, now: 120_000 }]);
    expect(path).toEqual(['entered→queued', 'queued→queued', 'queued→ended']);
    expect(commands).toContainEqual({ type: 'sendToVoicemail', mailbox: '100' });
    expect(records).toEqual([expect.objectContaining({ outcome: 'overflowed', queuePath: ['sales', 'support'], waitMs: 120_000, overflowTarget: { kind: 'voicemail', mailbox: '100' } })]);
  });

  it('plays a message and hangs up on overflow to a message', () => {
    const { commands, records } = run([queue(0), { type: 'overflow', target: { kind: 'message', promptId: 'closed' }, now: 5 }]);
    expect(commands).toContainEqual({ type: 'playMessageAndHangup', promptId: 'closed' });
    expect(records[0]?.outcome).toBe('overflowed');
  });

  it('totals hold time over several holds and takes it out of talk time', () => {
    const { records } = run([
      queue(0),
      { type: 'offer', agentIds: ['a1'], now: 0 },
      { type: 'answer', agentId: 'a1', now: 10_000 },
      { type: 'hold', now: 20_000 },
      { type: 'unhold', now: 25_000 },
      { type: 'hold', now: 30_000 },
      { type: 'hangup', side: 'agent', cause: 'x', now: 40_000 },
    ]);
    expect(records[0]).toMatchObject({ holdMs: 15_000, talkMs: 15_000, hangupSide: 'agent' });
  });

  it('completes an attended transfer to another agent and resumes the caller when one fails', () => {
    const ok = run([queue(0), { type: 'offer', agentIds: ['a1'], now: 0 }, { type: 'answer', agentId: 'a1', now: 1 }, { type: 'transfer', mode: 'attended', target: { kind: 'agent', agentId: 'a9' }, now: 10 }, { type: 'transferCompleted', agentId: 'a9', now: 30 }]);
    expect(ok.path.slice(-2)).toEqual(['answered→transferring', 'transferring→answered']);
    expect(ok.state.agentId).toBe('a9');
    expect(ok.state.holdMs).toBe(20);
    const failed = run([queue(0), { type: 'offer', agentIds: ['a1'], now: 0 }, { type: 'answer', agentId: 'a1', now: 1 }, { type: 'transfer', mode: 'attended', target: { kind: 'agent', agentId: 'a9' }, now: 10 }, { type: 'transferFailed', now: 30 }]);
    expect(failed.commands.at(-1)).toEqual({ type: 'resumeCaller' });
    expect(failed.state.agentId).toBe('a1');
  });

  it('sends a blind transfer to a queue straight back to waiting and a failed blind transfer back to its queue', () => {
    const toQueue = run([queue(0), { type: 'offer', agentIds: ['a1'], now: 0 }, { type: 'answer', agentId: 'a1', now: 1 }, { type: 'transfer', mode: 'blind', target: { kind: 'queue', queueId: 'billing' }, now: 5 }]);
    expect(toQueue.path.at(-1)).toBe('answered→queued');
    expect(toQueue.state.queuePath).toEqual(['sales', 'billing']);
    const failed = run([queue(0), { type: 'offer', agentIds: ['a1'], now: 0 }, { type: 'answer', agentId: 'a1', now: 1 }, { type: 'transfer', mode: 'blind', target: { kind: 'agent', agentId: 'a2' }, now: 5 }, { type: 'hangup', side: 'agent', cause: 'x', now: 6 }, { type: 'transferFailed', now: 20 }]);
    expect(failed.path.slice(-2)).toEqual(['answered→transferring', 'transferring→queued']);
  });

  it('ends with outcome transferred when the call leaves to an external number', () => {
    const { records } = run([queue(0), { type: 'offer', agentIds: ['a1'], now: 0 }, { type: 'answer', agentId: 'a1', now: 1 }, { type: 'transfer', mode: 'blind', target: { kind: 'external', number: '999' }, now: 5 }, { type: 'transferCompleted', now: 8 }]);
    expect(records[0]).toMatchObject({ outcome: 'transferred', talkMs: 4, holdMs: 3 });
  });

  it('rejects events after the end so a late hang-up cannot write a second record', () => {
    const { state } = run([queue(0), { type: 'hangup', side: 'caller', cause: 'x', now: 1 }]);
    expect(reduceCall(state, { type: 'hangup', side: 'system', cause: 'x', now: 2 })).toMatchObject({ ok: false, rejection: { code: 'RS_CALL_ENDED' } });
  });

  it('rejects an answer by an agent who was not offered the call', () => {
    const { state } = run([queue(0), { type: 'offer', agentIds: ['a1'], now: 1 }]);
    expect(reduceCall(state, { type: 'answer', agentId: 'a2', now: 2 })).toMatchObject({ ok: false, rejection: { code: 'RS_CALL_AGENT_MISMATCH' } });
  });

  it('writes exactly one terminal record at most, and one once ended, whatever the events (property)', () => {
    const agent = fc.constantFrom('a1', 'a2', 'a3');
    const ev = fc.oneof(
      fc.record({ type: fc.constant('queue' as const), queueId: fc.constantFrom('q1', 'q2'), priority: fc.nat(9), now: fc.nat(1e6) }),
      fc.record({ type: fc.constant('offer' as const), agentIds: fc.uniqueArray(agent, { maxLength: 3 }), now: fc.nat(1e6) }),
      fc.record({ type: fc.constant('offerFailed' as const), agentId: agent, reason: fc.constantFrom('rona', 'declined' as const), now: fc.nat(1e6) }),
      fc.record({ type: fc.constant('answer' as const), agentId: agent, now: fc.nat(1e6) }),
      fc.record({ type: fc.constantFrom('hold', 'unhold', 'transferFailed' as const), now: fc.nat(1e6) }),
      fc.record({ type: fc.constant('transfer' as const), mode: fc.constantFrom('blind', 'attended' as const), target: fc.constantFrom({ kind: 'queue' as const, queueId: 'q3' }, { kind: 'agent' as const, agentId: 'a4' }, { kind: 'external' as const, number: '1' }), now: fc.nat(1e6) }),
      fc.record({ type: fc.constant('transferCompleted' as const), agentId: agent, now: fc.nat(1e6) }),
      fc.record({ type: fc.constant('overflow' as const), target: fc.constantFrom({ kind: 'queue' as const, queueId: 'q2' }, { kind: 'voicemail' as const, mailbox: 'm' }), now: fc.nat(1e6) }),
      fc.record({ type: fc.constant('hangup' as const), side: fc.constantFrom('caller', 'agent', 'system' as const), cause: fc.constant('x'), now: fc.nat(1e6) }),
    ) as fc.Arbitrary<CallEvent>;
    fc.assert(
      fc.property(fc.array(ev, { maxLength: 30 }), (events) => {
        let state = startCall({ callId: 'k', did: 'd', callerNumber: 'n', now: 0 }).state;
        let written = 0;
        for (const e of events) {
          const step = reduceCall(state, e);
          if (step.ok) written += step.commands.filter((c) => c.type === 'writeCallRecord').length;
          state = step.state;
        }
        expect(written).toBe(state.status.kind === 'ended' ? 1 : 0);
        if (state.record) expect(state.record.holdMs).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
