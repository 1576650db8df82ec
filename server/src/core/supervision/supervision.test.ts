import { describe, expect, it } from 'vitest';
import type { MonitorMode } from '../../contracts/supervision.ts';
import { startCall } from '../call/call-machine.ts';
import type { CallState } from '../call/call-types.ts';
import { planMonitor, planStop } from './monitor-plan.ts';
import { maySupervise } from './supervise-policy.ts';
import { takeOverCall } from './take-over.ts';

describe('planMonitor', () => {
  const cases: [MonitorMode | null, MonitorMode, string[]][] = [
    [null, 'listen', ['snoop:none', 'phoneToMonitorBridge']],
    [null, 'whisper', ['snoop:out', 'phoneToMonitorBridge']],
    [null, 'barge', ['phoneToCallBridge']],
    ['listen', 'listen', []],
    ['listen', 'whisper', ['snoop:out']],
    ['listen', 'barge', ['phoneToCallBridge', 'dropSnoop']],
    ['whisper', 'listen', ['snoop:none']],
    ['whisper', 'whisper', []],
    ['whisper', 'barge', ['phoneToCallBridge', 'dropSnoop']],
    ['barge', 'listen', ['snoop:none', 'phoneToMonitorBridge']],
    ['barge', 'whisper', ['snoop:out', 'phoneToMonitorBridge']],
    ['barge', 'barge', []],
  ];
  it.each(cases)('%s → %s', (from, to, expected) => {
    expect(planMonitor(from, to).map((s) => (s.type === 'snoop' ? `snoop:${s.whisper}` : s.type))).toEqual(expected);
  });

  it('never whispers to the customer and never puts a listener in the call bridge', () => {
    for (const from of [null, 'listen', 'whisper', 'barge'] as const) {
      for (const to of ['listen', 'whisper'] as const) {
        const steps = planMonitor(from, to);
        expect(steps.some((s) => s.type === 'phoneToCallBridge')).toBe(false);
        for (const s of steps) if (s.type === 'snoop') expect(s.whisper).toBe(to === 'whisper' ? 'out' : 'none');
      }
    }
  });

  it('stop drops the snoop of listen/whisper and nothing else', () => {
    expect(planStop('listen')).toEqual([{ type: 'dropSnoop' }]);
    expect(planStop('whisper')).toEqual([{ type: 'dropSnoop' }]);
    expect(planStop('barge')).toEqual([]);
    expect(planStop(null)).toEqual([]);
  });
});

describe('maySupervise', () => {
  const limited = { kind: 'limited' as const, userIds: ['sup', 'sub-agent'], teamIds: ['team-a', 'team-a1'] };
  const sup = { id: 'sup', roles: ['supervisor'] };
  it('lets a supervisor act on agents of teams they manage (and sub-teams) and their subordinates', () => {
    expect(maySupervise(sup, limited, { id: 'x', teamId: 'team-a' })).toEqual({ ok: true });
    expect(maySupervise(sup, limited, { id: 'x', teamId: 'team-a1' })).toEqual({ ok: true });
    expect(maySupervise(sup, limited, { id: 'sub-agent', teamId: null })).toEqual({ ok: true });
  });
  it('denies another team, agents and sales, and oneself', () => {
    expect(maySupervise(sup, limited, { id: 'x', teamId: 'team-b' })).toEqual({ ok: false, reason: 'scope' });
    expect(maySupervise(sup, limited, { id: 'x', teamId: null })).toEqual({ ok: false, reason: 'scope' });
    expect(maySupervise({ id: 'a', roles: ['agent'] }, { kind: 'all' }, { id: 'x', teamId: 'team-a' })).toEqual({ ok: false, reason: 'role' });
    expect(maySupervise({ id: 's', roles: ['sales'] }, limited, { id: 'x', teamId: 'team-a' })).toEqual({ ok: false, reason: 'role' });
    expect(maySupervise(sup, limited, { id: 'sup', teamId: 'team-a' })).toEqual({ ok: false, reason: 'self' });
  });
  it('lets an admin act on any call but their own', () => {
    expect(maySupervise({ id: 'adm', roles: ['admin'] }, { kind: 'all' }, { id: 'x', teamId: 'team-z' })).toEqual({ ok: true });
    expect(maySupervise({ id: 'adm', roles: ['admin'] }, { kind: 'all' }, { id: 'adm', teamId: null })).toEqual({ ok: false, reason: 'self' });
  });
});

describe('takeOverCall', () => {
  const base = startCall({ callId: 'c1', did: '4000', callerNumber: '555', now: 0 }).state;
  const answered: CallState = { ...base, answeredAt: 10, agentId: 'agent-1', status: { kind: 'answered', queueId: 'q1', agentId: 'agent-1' } };
  it('puts the supervisor in the agent’s place and keeps queue and timings', () => {
    const r = takeOverCall(answered, 'sup');
    expect(r).toMatchObject({ ok: true, previousAgentId: 'agent-1', state: { agentId: 'sup', answeredAt: 10, status: { kind: 'answered', queueId: 'q1', agentId: 'sup' } } });
  });
  it('works while held and refuses calls nobody talks on', () => {
    expect(takeOverCall({ ...answered, status: { kind: 'held', queueId: 'q1', agentId: 'agent-1', since: 5 } }, 'sup')).toMatchObject({ ok: true, state: { status: { kind: 'held', agentId: 'sup' } } });
    expect(takeOverCall(base, 'sup')).toEqual({ ok: false, reason: 'not-talking' });
    expect(takeOverCall({ ...answered, status: { kind: 'transferring', mode: 'attended', target: { kind: 'agent', agentId: 'b' }, queueId: 'q1', agentId: 'agent-1', since: 1 } }, 'sup')).toEqual({ ok: false, reason: 'not-talking' });
  });
});
