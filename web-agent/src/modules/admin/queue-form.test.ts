import { describe, expect, it } from 'vitest';
import type { QueueRow } from './api.ts';
import { emptyQueueForm, parseSkills, queueBody, queueFormFrom } from './queue-form.ts';

describe('queue form', () => {
  it('parses skills lists, defaulting the level to 1 and naming a bad token', () => {
    expect(parseSkills('zh:5, VIP，billing')).toEqual([{ skill: 'zh', minLevel: 5 }, { skill: 'vip', minLevel: 1 }, { skill: 'billing', minLevel: 1 }]);
    expect(parseSkills('')).toEqual([]);
    expect(parseSkills('zh:11')).toEqual({ error: 'zh:11' });
    expect(parseSkills('a b:x')).toEqual({ error: 'b:x' });
  });

  it('builds the body: switches off → null, overflow by kind, duplicate members once', () => {
    const f = { ...emptyQueueForm(), name: ' Sales ', members: [{ userId: 'u1', penalty: 0 }, { userId: 'u1', penalty: 2 }, { userId: '', penalty: 0 }] };
    const r = queueBody(f);
    expect(r).toMatchObject({ ok: true, body: { name: 'Sales', maxWaitSec: null, overflow: null, announcements: null, members: [{ userId: 'u1', penalty: 2 }] } });
    const v = queueBody({ ...f, maxWaitOn: true, maxWaitSec: 90, overflowKind: 'voicemail', overflowTarget: 'queue:q1', announceOn: true });
    expect(v).toMatchObject({ ok: true, body: { maxWaitSec: 90, overflow: { kind: 'voicemail', mailbox: 'queue:q1' }, announcements: { firstAfterSec: 30, everySec: 60 } } });
    expect(queueBody({ ...f, overflowKind: 'queue' })).toEqual({ ok: false, field: 'overflowTarget' });
    expect(queueBody({ ...f, relaxSteps: [{ afterSec: 30, requirements: 'zh:x' }] })).toEqual({ ok: false, field: 'relaxSteps.0', token: 'zh:x' });
  });

  it('round-trips a stored queue', () => {
    const row: QueueRow = {
      id: 'q', name: 'Support', strategy: 'skillsBased', priority: 5, ringTimeoutSec: 15, wrapUpSec: 10, serviceLevelSec: 30, maxWaitSec: 120,
      overflow: { kind: 'queue', queueId: 'q2' }, overflowWhenUnstaffed: true, musicClass: 'jazz',
      announcements: { firstAfterSec: 20, everySec: 40, position: true, estimatedWait: false },
      requirements: [{ skill: 'zh', minLevel: 5 }], relaxSteps: [{ afterSec: 30, requirements: [{ skill: 'zh', minLevel: 3 }] }], penaltySteps: [{ afterSec: 20, maxPenalty: 1 }, { afterSec: 60, maxPenalty: 5 }],
      recordCalls: true, languages: 'en', members: [{ userId: 'u1', penalty: 1 }],
    };
    const r = queueBody(queueFormFrom(row));
    expect(r.ok && r.body).toMatchObject({ name: 'Support', strategy: 'skillsBased', overflow: { kind: 'queue', queueId: 'q2' }, requirements: row.requirements, relaxSteps: row.relaxSteps, penaltySteps: row.penaltySteps, announcements: row.announcements, members: row.members, maxWaitSec: 120 });
  });

  it('sends penalty steps in wait order (no steps: every member at once)', () => {
    expect(queueBody(emptyQueueForm())).toMatchObject({ ok: true, body: { penaltySteps: [] } });
    const r = queueBody({ ...emptyQueueForm(), name: 'Q', penaltySteps: [{ afterSec: 90, maxPenalty: 9 }, { afterSec: 15, maxPenalty: 2 }] });
    expect(r.ok && r.body.penaltySteps).toEqual([{ afterSec: 15, maxPenalty: 2 }, { afterSec: 90, maxPenalty: 9 }]);
  });
});
