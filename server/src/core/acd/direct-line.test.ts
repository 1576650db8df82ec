import { describe, expect, it } from 'vitest';
import { agent, caller } from './acd-fixtures.ts';
import { directLineId, directLineQueue, directLineUser } from './direct-line.ts';
import { routeSnapshot } from './route.ts';

describe('direct line (DID → user)', () => {
  const q = directLineQueue('u1', { ringSec: 15 });
  const id = directLineId('u1');
  const member = (over = {}) => agent('u1', { queues: { [id]: 0 }, ...over });
  const waiting = (queuedAt = 0) => caller('c1', { queueId: id, queuedAt, waitingSince: queuedAt });

  it('round-trips the user id and leaves real queue ids alone', () => {
    expect(directLineUser(id)).toBe('u1');
    expect(directLineUser('6f1c1d52-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('offers the call to the user when they are ready, with the configured ring time', () => {
    const d = routeSnapshot({ queues: [q], agents: [member()], callers: [waiting()] }, 0).decisions;
    expect(d).toEqual([{ kind: 'offer', callId: 'c1', queueId: id, agentIds: ['u1'], ringTimeoutMs: 15_000, wrapUpMs: 0 }]);
  });

  it('sends the caller to the user\'s voicemail at once when the user is signed out or paused', () => {
    const d = routeSnapshot({ queues: [q], agents: [member({ available: false, staffed: false })], callers: [waiting()] }, 0).decisions;
    expect(d).toMatchObject([{ kind: 'overflow', target: { kind: 'voicemail', mailbox: 'user:u1' }, reason: 'unstaffed' }]);
  });

  it('keeps a caller waiting while the user is busy, then voicemail after the ring time', () => {
    const busy = member({ available: false, staffed: true });
    expect(routeSnapshot({ queues: [q], agents: [busy], callers: [waiting()] }, 16_000).decisions).toEqual([]);
    expect(routeSnapshot({ queues: [q], agents: [busy], callers: [waiting()] }, 17_000).decisions).toMatchObject([{ kind: 'overflow', reason: 'maxWait', target: { mailbox: 'user:u1' } }]);
  });

  it('never offers the call to anyone else', () => {
    const other = agent('u2', { queues: { q1: 0 } });
    expect(routeSnapshot({ queues: [q], agents: [other], callers: [waiting()] }, 0).decisions).toMatchObject([{ kind: 'overflow', reason: 'unstaffed' }]);
  });
});
