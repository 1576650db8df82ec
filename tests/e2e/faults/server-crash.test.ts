// A server crash in the middle of a busy queue, on the real stack inside the test network namespace
// (tests/support/netns/crash-world.ts: the e2e Asterisk, the fake carrier placing callers through the
// trunk, a private Redis, the real PostgreSQL, the server as its own process).
//
// 5 callers talk to the 5 agents, 20 more wait in the queue; the server process is killed with SIGKILL
// and started again. Then:
//   - the 5 talks are still bridged both ways: each caller hears the agent's 440 Hz, each agent the
//     caller's 1000 Hz (measured on the PBX with snoops, tests/support/netns/tone-probe.ts);
//   - as the talks end, the 20 waiting callers reach the agents in the order they called;
//   - every row ends complete (the talks with talk time, side caller, an activity, a closed recording),
//     none stays live.
//
// Run: npx tsx tests/support/netns/run.ts vitest run --project e2e-webrtc tests/e2e/faults/server-crash.test.ts
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordings } from '../../../server/src/db/schema/calls.ts';
import { eventually } from '../../integration/telephony/support.ts';
import { ariClient } from '../../support/netns/ari.ts';
import { AGENT_HZ, CALLER_HZ, crashWorld, type CrashWorld } from '../../support/netns/crash-world.ts';
import { heardTones } from '../../support/netns/tone-probe.ts';

const AGENTS = 5;
const WAITING = 20;
let w: CrashWorld;

beforeAll(async () => {
  w = await crashWorld({ agents: AGENTS, callers: AGENTS + WAITING });
}, 180_000);

afterAll(async () => {
  await w?.close();
});

describe('a server crash with callers waiting and talking', () => {
  it('keeps the talks bridged, routes the waiting callers in order, and leaves no row live', async () => {
    await w.signInAgents();
    for (let i = 0; i < AGENTS; i++) await w.placeCall(i);
    await eventually(
      async () => (await w.talkBridges()).length === AGENTS,
      30_000,
      `${AGENTS} talks bridged`,
    );
    // One at a time, so their order is the order they called in.
    for (let i = AGENTS; i < AGENTS + WAITING; i++) {
      await w.placeCall(i);
      await eventually(async () => (await w.rows()).length === i + 1, 10_000, `caller ${i} entered`);
    }
    const talkCalls = (await w.talkBridges()).map((b) => b.callId);

    await w.crashAndRestart();

    // The talks are still bridged, both ways.
    const after = await w.talkBridges();
    expect(after.map((b) => b.callId).sort()).toEqual([...talkCalls].sort());
    const dir = w.setup.config.RECORDINGS_DIR;
    for (const b of after) {
      const callerHears = await heardTones(w.probe, b.caller, dir, [CALLER_HZ, AGENT_HZ]);
      const agentHears = await heardTones(w.probe, b.agent, dir, [CALLER_HZ, AGENT_HZ]);
      expect(callerHears[AGENT_HZ], `the caller of ${b.callId} hears the agent`).toBeGreaterThan(0.3);
      expect(agentHears[CALLER_HZ], `the agent of ${b.callId} hears the caller`).toBeGreaterThan(0.3);
    }

    // End each talk from the caller's side; the next waiting caller takes the free agent.
    const ari = ariClient(w.setup.config);
    const done = new Set<string>();
    while (done.size < AGENTS + WAITING) {
      const next = await eventually(
        async () => {
          const fresh = (await w.talkBridges()).filter((b) => !done.has(b.callId));
          return fresh.length ? fresh : undefined;
        },
        30_000,
        `talks after ${done.size} ended`,
      );
      for (const b of next) {
        done.add(b.callId);
        await ari.hangup(b.caller);
      }
    }
    await eventually(
      async () => (await w.rows()).every((r) => r.outcome !== 'live'),
      20_000,
      'every row final',
    );

    const all = await w.rows();
    expect(all).toHaveLength(AGENTS + WAITING);
    for (const r of all.filter((x) => talkCalls.includes(x.id))) {
      expect(r.outcome).toBe('completed');
      expect(r.hangupSide).toBe('caller');
      expect(r.talkMs).toBeGreaterThan(0);
      expect(r.activityId).not.toBeNull();
    }
    // One recording per talk, started before the crash and closed after it.
    await eventually(
      async () => {
        const recs = await w.setup.app.db
          .select()
          .from(recordings)
          .where(inArray(recordings.callId, talkCalls));
        return recs.length === AGENTS && recs.every((r) => r.endedAt !== null);
      },
      10_000,
      'the talks’ recordings closed',
    );
    // The waiting callers reached agents in the order they called.
    const waiters = all.filter((r) => !talkCalls.includes(r.id));
    expect(waiters.every((r) => r.outcome === 'completed')).toBe(true);
    const byEntry = [...waiters].sort((a, b) => +a.enteredAt - +b.enteredAt);
    for (let i = 1; i < byEntry.length; i++)
      expect(+byEntry[i]!.offeredAt!, `caller ${i} offered after caller ${i - 1}`).toBeGreaterThanOrEqual(
        +byEntry[i - 1]!.offeredAt!,
      );
  });
});
