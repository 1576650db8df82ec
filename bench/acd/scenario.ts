// A realistic contact-centre floor for the ACD benchmark, built from a seeded PRNG so every run sees
// the same state: 100 queues over the five strategies (many with skills, relaxation, penalty steps,
// announcements and overflow), 1,000 agents each in 3–5 queues with skills and penalties, and a few
// hundred callers spread unevenly over the queues (a few busy queues hold most of them, as in life).
import type { AcdAgent, QueueConfig, Strategy, WaitingCaller } from '../../server/src/core/acd/acd-types.ts';

export interface Floor {
  queues: QueueConfig[];
  agents: AcdAgent[];
  callers: WaitingCaller[];
  now: number;
}

export interface FloorOptions {
  agents: number;
  queues: number;
  callers: number;
  /** Share of agents ready right now (the rest are on calls, in wrap-up or paused). */
  readyShare: number;
  seed: number;
}

const STRATEGIES: Strategy[] = ['ringAll', 'longestIdle', 'fewestCalls', 'roundRobin', 'skillsBased'];
const SKILLS = ['zh', 'en', 'yue', 'billing', 'tech', 'sales', 'vip', 'claims', 'returns', 'retention', 'b2b', 'mobile'];

/** mulberry32: tiny, fast and good enough for building fixtures. */
export function prng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildFloor(o: FloorOptions): Floor {
  const rnd = prng(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const now = 1_800_000_000_000;

  const queues: QueueConfig[] = [];
  for (let i = 0; i < o.queues; i++) {
    const strategy = STRATEGIES[i % STRATEGIES.length]!;
    const skilled = strategy === 'skillsBased' || rnd() < 0.4;
    const requirements = skilled ? [{ skill: pick(SKILLS), minLevel: int(3, 7) }, ...(rnd() < 0.5 ? [{ skill: pick(SKILLS), minLevel: int(1, 4) }] : [])] : [];
    queues.push({
      id: `q${i}`,
      strategy,
      requirements,
      relaxSteps: skilled ? [{ afterWaitMs: 30_000, requirements: requirements.slice(0, 1).map((r) => ({ ...r, minLevel: 1 })) }, { afterWaitMs: 90_000, requirements: [] }] : [],
      penaltySteps: rnd() < 0.3 ? [{ afterWaitMs: 20_000, maxPenalty: 1 }, { afterWaitMs: 60_000, maxPenalty: 3 }] : [],
      maxWaitMs: rnd() < 0.5 ? 300_000 : null,
      overflow: rnd() < 0.5 ? { kind: 'queue', queueId: `q${(i + 1) % o.queues}` } : { kind: 'voicemail', mailbox: `vm${i}` },
      ringTimeoutMs: 15_000,
      wrapUpMs: 10_000,
      serviceLevelMs: 20_000,
      announcements: { firstAfterMs: 30_000, everyMs: 60_000, position: true, estimatedWait: true },
    });
  }

  const agents: AcdAgent[] = [];
  for (let i = 0; i < o.agents; i++) {
    const memberOf: Record<string, number> = {};
    const n = int(3, 5);
    while (Object.keys(memberOf).length < n) memberOf[`q${int(0, o.queues - 1)}`] = int(0, 3);
    const skills: Record<string, number> = {};
    for (let k = int(2, 5); k > 0; k--) skills[pick(SKILLS)] = int(1, 10);
    const ready = rnd() < o.readyShare;
    agents.push({ id: `agent-${String(i).padStart(4, '0')}`, available: ready, staffed: ready || rnd() < 0.8, idleSince: now - int(0, 600_000), callsToday: int(0, 60), skills, queues: memberOf });
  }

  const callers: WaitingCaller[] = [];
  for (let i = 0; i < o.callers; i++) {
    // Squaring skews callers towards the low-numbered queues: a few busy queues, a long quiet tail.
    const queueId = `q${Math.floor(rnd() * rnd() * o.queues)}`;
    const waitingSince = now - int(0, 400_000);
    callers.push({ callId: `call-${i}`, queueId, priority: rnd() < 0.1 ? int(1, 5) : 0, waitingSince, queuedAt: waitingSince + int(0, Math.max(0, now - waitingSince)) * (rnd() < 0.2 ? 1 : 0), lastAnnouncedAt: null });
  }
  return { queues, agents, callers, now };
}
