import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex, describeIndex, putAgent, putQueue, removeAgent } from './agent-index.ts';
import type { AcdAgent, QueueConfig, Strategy, WaitingCaller } from './acd-types.ts';
import { maxPenaltyAt, meetsRequirements, requirementsAt } from './eligibility.ts';
import { route } from './route.ts';

const QUEUES = ['q1', 'q2', 'q3', 'q4'];
const SKILLS = ['en', 'zh', 'billing'];

const arbQueue = (id: string): fc.Arbitrary<QueueConfig> =>
  fc.record({
    id: fc.constant(id),
    strategy: fc.constantFrom<Strategy>('ringAll', 'longestIdle', 'fewestCalls', 'roundRobin', 'skillsBased'),
    requirements: fc.array(fc.record({ skill: fc.constantFrom(...SKILLS), minLevel: fc.integer({ min: 1, max: 5 }) }), { maxLength: 2 }),
    relaxSteps: fc.array(fc.record({ afterWaitMs: fc.nat(60_000), requirements: fc.array(fc.record({ skill: fc.constantFrom(...SKILLS), minLevel: fc.integer({ min: 1, max: 3 }) }), { maxLength: 1 }) }), { maxLength: 2 }),
    penaltySteps: fc.array(fc.record({ afterWaitMs: fc.nat(60_000), maxPenalty: fc.nat(3) }), { maxLength: 2 }),
    maxWaitMs: fc.option(fc.nat(120_000)),
    overflow: fc.option(fc.constant({ kind: 'voicemail' as const, mailbox: 'm' })),
    overflowWhenUnstaffed: fc.boolean(),
    ringTimeoutMs: fc.constant(15_000),
    wrapUpMs: fc.constant(5_000),
    serviceLevelMs: fc.constant(20_000),
  });

const arbAgent = (id: string): fc.Arbitrary<AcdAgent> =>
  fc.record({
    id: fc.constant(id),
    available: fc.boolean(),
    staffed: fc.boolean(),
    idleSince: fc.nat(1_000),
    callsToday: fc.nat(5),
    skills: fc.dictionary(fc.constantFrom(...SKILLS), fc.integer({ min: 0, max: 5 })),
    queues: fc.dictionary(fc.constantFrom(...QUEUES), fc.nat(3)),
  });

const arbWorld = fc.record({
  queues: fc.tuple(...QUEUES.map(arbQueue)),
  agents: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 25 }).chain((ids) => fc.tuple(...ids.map((i) => arbAgent(`a${i}`)))),
  callers: fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }).chain((ids) =>
    fc.tuple(
      ...ids.map((i) =>
        fc.record<WaitingCaller>({ callId: fc.constant(`c${i}`), queueId: fc.constantFrom(...QUEUES), priority: fc.nat(3), waitingSince: fc.nat(100_000), queuedAt: fc.nat(100_000) }),
      ),
    ),
  ),
  now: fc.integer({ min: 100_000, max: 250_000 }),
});

describe('ACD routing properties', () => {
  it('never offers a call to an agent who is not ready, not a member, outside the penalty cap or short of skills', () => {
    fc.assert(
      fc.property(arbWorld, ({ queues, agents, callers, now }) => {
        const index = createIndex(queues, agents);
        const byCall = new Map(callers.map((c) => [c.callId, c]));
        for (const d of route({ index, callers }, now).decisions) {
          if (d.kind !== 'offer') continue;
          const c = byCall.get(d.callId)!;
          const q = queues.find((x) => x.id === d.queueId)!;
          for (const id of d.agentIds) {
            const a = agents.find((x) => x.id === id)!;
            expect(a.available).toBe(true);
            expect(a.queues[d.queueId]).toBeDefined();
            expect(a.queues[d.queueId]!).toBeLessThanOrEqual(maxPenaltyAt(q, now - c.queuedAt));
            expect(meetsRequirements(a, requirementsAt(q, now - c.queuedAt))).toBe(true);
          }
        }
      }),
    );
  });

  it('never offers one agent two calls in one pass and gives each caller at most one decision', () => {
    fc.assert(
      fc.property(arbWorld, ({ queues, agents, callers, now }) => {
        const { decisions } = route({ index: createIndex(queues, agents), callers }, now);
        const offered = decisions.flatMap((d) => (d.kind === 'offer' ? d.agentIds : []));
        expect(new Set(offered).size).toBe(offered.length);
        const calls = decisions.map((d) => d.callId);
        expect(new Set(calls).size).toBe(calls.length);
        for (const id of calls) expect(callers.some((c) => c.callId === id)).toBe(true);
      }),
    );
  });

  it('leaves no caller waiting while a free agent could take their call (work conserving)', () => {
    fc.assert(
      fc.property(arbWorld, ({ queues, agents, callers, now }) => {
        const index = createIndex(queues, agents);
        const { decisions } = route({ index, callers }, now);
        const decided = new Set(decisions.map((d) => d.callId));
        const taken = new Set(decisions.flatMap((d) => (d.kind === 'offer' ? d.agentIds : [])));
        for (const c of callers) {
          if (decided.has(c.callId)) continue;
          const q = queues.find((x) => x.id === c.queueId)!;
          const wait = now - c.queuedAt;
          const couldServe = agents.some((a) => a.available && !taken.has(a.id) && a.queues[c.queueId] !== undefined && a.queues[c.queueId]! <= maxPenaltyAt(q, wait) && meetsRequirements(a, requirementsAt(q, wait)));
          expect(couldServe).toBe(false);
        }
      }),
    );
  });

  it('decides the same whatever order agents and callers are given in', () => {
    fc.assert(
      fc.property(arbWorld, ({ queues, agents, callers, now }) => {
        const a = route({ index: createIndex(queues, agents), callers }, now);
        const b = route({ index: createIndex([...queues].reverse(), [...agents].reverse()), callers: [...callers].reverse() }, now);
        expect(b).toEqual(a);
      }),
    );
  });

  it('keeps the incremental index equal to one built afresh after any sequence of updates', () => {
    const op = fc.oneof(
      fc.integer({ min: 1, max: 10 }).chain((i) => arbAgent(`a${i}`).map((a) => ({ kind: 'put' as const, a }))),
      fc.integer({ min: 1, max: 10 }).map((i) => ({ kind: 'remove' as const, id: `a${i}` })),
      fc.constantFrom(...QUEUES).map((id) => ({ kind: 'queue' as const, id })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const index = createIndex([], []);
        const live = new Map<string, AcdAgent>();
        const queues = new Map<string, QueueConfig>();
        for (const o of ops) {
          if (o.kind === 'put') {
            putAgent(index, o.a);
            live.set(o.a.id, o.a);
          } else if (o.kind === 'remove') {
            removeAgent(index, o.id);
            live.delete(o.id);
          } else {
            const q: QueueConfig = { id: o.id, strategy: 'longestIdle', ringTimeoutMs: 1, wrapUpMs: 0, serviceLevelMs: 1 };
            putQueue(index, q);
            queues.set(o.id, q);
          }
        }
        const fresh = createIndex([...queues.values()], [...live.values()]);
        expect(describeIndex(index)).toEqual(describeIndex(fresh));
        expect(index.readyCount).toBe(fresh.readyCount);
      }),
    );
  });
});
