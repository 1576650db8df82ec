import { describe, expect, it } from 'vitest';
import { reduceCall, startCall } from '../../core/call/call-machine.ts';
import type { CallEvent } from '../../core/call/call-types.ts';
import type { CallFacts } from '../telephony/facade.ts';
import { fromTelephony } from './from-telephony.ts';

const T = Date.parse('2026-11-27T01:00:00Z');

type Call = { -readonly [K in keyof CallFacts]: CallFacts[K] };

function call(campaign: CallFacts['campaign'] = null): Call {
  return {
    id: 'c1',
    state: startCall({ callId: 'c1', did: '4000', callerNumber: '13800138000', now: T }).state,
    callerNumber: '13800138000',
    pop: { party: { name: '明远贸易' } },
    campaign,
  };
}

function step(c: Call, e: CallEvent) {
  const s = reduceCall(c.state, e);
  if (!s.ok || !s.transition) throw new Error('no transition');
  c.state = s.state;
  return fromTelephony({ kind: 'callTransition', call: c, transition: s.transition, at: e.now });
}

describe('telephony transitions as wallboard events', () => {
  it('an inbound call waits in its queue, is answered (counted for the queue) and ends', () => {
    const c = call();
    expect(step(c, { type: 'queue', queueId: 'q', priority: 0, now: T })).toEqual([
      { type: 'callWaiting', callId: 'c1', queueId: 'q', waitingSince: T, at: T },
    ]);
    step(c, { type: 'offer', agentIds: ['a'], now: T + 1000 });
    expect(step(c, { type: 'answer', agentId: 'a', now: T + 3000 })).toEqual([
      {
        type: 'callAnswered',
        callId: 'c1',
        agentId: 'a',
        queueId: 'q',
        campaignId: null,
        campaignName: null,
        customer: '明远贸易',
        countForQueue: true,
        at: T + 3000,
      },
    ]);
    expect(step(c, { type: 'hold', now: T + 4000 })).toEqual([]);
    expect(step(c, { type: 'unhold', now: T + 5000 })).toEqual([]); // back to the same talk, not a new answer
    expect(step(c, { type: 'hangup', side: 'caller', cause: 'normal', now: T + 9000 })).toEqual([
      { type: 'callEnded', callId: 'c1', queueId: 'q', outcome: 'completed', answered: true, at: T + 9000 },
    ]);
  });

  it('a dialer call in its campaign pseudo-queue never waits or counts in a queue tile, and names its campaign', () => {
    const c = call({ id: 'k1', name: '续费回访' });
    expect(step(c, { type: 'queue', queueId: 'campaign:k1', priority: 0, now: T })).toEqual([]);
    step(c, { type: 'offer', agentIds: ['a'], now: T });
    expect(step(c, { type: 'answer', agentId: 'a', now: T + 500 })).toEqual([
      {
        type: 'callAnswered',
        callId: 'c1',
        agentId: 'a',
        queueId: null,
        campaignId: 'k1',
        campaignName: '续费回访',
        customer: '明远贸易',
        countForQueue: false,
        at: T + 500,
      },
    ]);
  });
});
