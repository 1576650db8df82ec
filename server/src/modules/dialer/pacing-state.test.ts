import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../core/agent/agent-types.ts';
import { pacingState } from './pacing-state.ts';

const agent = (status: AgentState['status'], since = 0, pendingPause: string | null = null): AgentState => ({
  agentId: 'a', status, since, idleSince: 0, lastCallEndedAt: null, callsToday: 0, pendingPause,
});

describe('pacingState', () => {
  it('counts ready agents, talk and wrap-up of this campaign only, dials ringing/in AMD, live answers waiting', () => {
    const s = pacingState({
      agents: [
        agent({ kind: 'ready' }),
        agent({ kind: 'ready' }, 0, 'lunch'), // leaving after this: no future supply
        agent({ kind: 'onCall', callId: 'c1', queueId: 'campaign:x', since: 4_000, wrapUpMs: 0 }),
        agent({ kind: 'onCall', callId: 'c2', queueId: 'inbound-queue', since: 0, wrapUpMs: 0 }),
        agent({ kind: 'wrapUp', callId: 'c3', until: 20_000 }, 8_000),
        agent({ kind: 'wrapUp', callId: 'other', until: 20_000 }, 8_000),
        agent({ kind: 'paused', reason: 'lunch' }),
        undefined,
      ],
      campaignQueueId: 'campaign:x',
      campaignCalls: new Set(['c1', 'c3']),
      dials: [
        { phase: 'ringing', startedAt: 7_000, liveSince: null },
        { phase: 'amd', startedAt: 5_000, liveSince: null },
        { phase: 'waiting', startedAt: 1_000, liveSince: 9_000 },
        { phase: 'offered', startedAt: 1_000, liveSince: 9_500 },
        { phase: 'connected', startedAt: 0, liveSince: 2_000 },
        { phase: 'machine', startedAt: 0, liveSince: null },
      ],
      now: 10_000,
    });
    expect(s).toEqual({ readyAgents: 1, talkElapsedSec: [6], wrapElapsedSec: [2], dialAgesSec: [3, 5], waitingAgesSec: [1, 0.5] });
  });
});
