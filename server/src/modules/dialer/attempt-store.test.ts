import { describe, expect, it } from 'vitest';
import { startAttempt } from '../../core/dialer/attempt-machine.ts';
import {
  AttemptJournal,
  attemptsKey,
  MemoryAttemptStore,
  type AttemptStore,
  type PersistedAttempt,
} from './attempt-store.ts';

const target = {
  recordId: 'r1',
  campaignId: 'k1',
  phoneE164: '+862012345678',
  name: null,
  timezone: 'Asia/Shanghai',
  attempts: 0,
  leadId: null,
  customerId: null,
  contactId: null,
  callbackAgentId: null,
};
const setup = {
  amd: false,
  machineAction: 'message' as const,
  recordCalls: false,
  previewAgentId: null,
  callbackAgentId: null,
  ringTimeoutMs: 15_000,
};
const attempt = (callId: string): PersistedAttempt => ({
  v: 1,
  state: startAttempt({
    callId,
    campaignId: 'k1',
    recordId: 'r1',
    channelId: `dialer-${callId}`,
    setup,
    now: 0,
  }).state,
  target,
});

describe('attempt store', () => {
  it('keeps the latest state per call id, forgets settled ones, and returns what it holds', async () => {
    const store = new MemoryAttemptStore();
    await store.save(attempt('c1'));
    await store.save({ ...attempt('c1'), state: { ...attempt('c1').state, phase: 'waiting' } });
    await store.save(attempt('c2'));
    await store.remove('c2');
    const { attempts, unreadable } = await store.loadAll();
    expect(unreadable).toEqual([]);
    expect(attempts.map((a) => [a.state.callId, a.state.phase])).toEqual([['c1', 'waiting']]);
    expect(attempts[0]!.target).toEqual(target);
  });

  it('leaves out entries it cannot read (corrupt, another version, another call id)', async () => {
    const store = new MemoryAttemptStore();
    store.entries.set('bad', '{not json');
    store.entries.set('old', JSON.stringify({ ...attempt('old'), v: 0 }));
    store.entries.set('moved', JSON.stringify(attempt('other')));
    await store.save(attempt('good'));
    const { attempts, unreadable } = await store.loadAll();
    expect(attempts.map((a) => a.state.callId)).toEqual(['good']);
    expect(unreadable.sort()).toEqual(['bad', 'moved', 'old']);
  });

  it('is one hash per Stasis app', () => {
    expect(attemptsKey('ringside')).toBe('ringside:ringside:dial-attempts');
  });
});

describe('attempt journal', () => {
  it('writes in order, coalesced per attempt, without the caller waiting; flush waits for the writes', async () => {
    const store = new MemoryAttemptStore();
    const writes: string[] = [];
    const slow: AttemptStore = {
      save: async (a) => {
        await new Promise((r) => setTimeout(r, 5));
        writes.push(`save ${a.state.callId} ${a.state.phase}`);
        await store.save(a);
      },
      remove: async (id) => {
        writes.push(`remove ${id}`);
        await store.remove(id);
      },
      loadAll: () => store.loadAll(),
    };
    const journal = new AttemptJournal(slow, (err) => {
      throw err;
    });
    journal.save(attempt('c1'));
    journal.save({ ...attempt('c1'), state: { ...attempt('c1').state, phase: 'amd' } });
    journal.save({ ...attempt('c1'), state: { ...attempt('c1').state, phase: 'waiting' } });
    journal.save(attempt('c2'));
    journal.remove('c2');
    await journal.flush();
    // The first write was under way; the two later states of c1 became one write of the last.
    expect(writes).toEqual(['save c1 ringing', 'save c1 waiting', 'remove c2']);
    expect((await store.loadAll()).attempts.map((a) => a.state.phase)).toEqual(['waiting']);
  });

  it('a failed write is reported and the journal goes on', async () => {
    const errors: string[] = [];
    const failing: AttemptStore = {
      save: (a) => (a.state.callId === 'bad' ? Promise.reject(new Error('redis down')) : Promise.resolve()),
      remove: () => Promise.resolve(),
      loadAll: () => Promise.resolve({ attempts: [], unreadable: [] }),
    };
    const journal = new AttemptJournal(failing, (err, callId) =>
      errors.push(`${callId}: ${(err as Error).message}`),
    );
    journal.save(attempt('bad'));
    journal.save(attempt('good'));
    await journal.flush();
    expect(errors).toEqual(['bad: redis down']);
  });
});
