// Reads the contact-centre configuration the ACD runs on (queues, members, agent profiles, pause codes,
// DIDs) and turns rows into core values. Reloaded whenever an admin changes it.
import { eq } from 'drizzle-orm';
import type { DialTarget } from '@ringside/pbx';
import type { AgentProfile } from '../../core/acd/agent-view.ts';
import { DIRECT_RING_SEC, directLineId, directLineQueue } from '../../core/acd/direct-line.ts';
import type { OverflowTarget, QueueConfig } from '../../core/acd/acd-types.ts';
import type { Db } from '../../db/client.ts';
import { acdQueueMembers, acdQueues, agentProfiles, dids, pauseCodes } from '../../db/schema/telephony.ts';

export type QueueRow = typeof acdQueues.$inferSelect;
export type DidRow = typeof dids.$inferSelect;

export interface AgentConfig extends AgentProfile {
  /** The user's phone: their own softphone endpoint, or the address an admin configured (tests, desk phones). */
  dialTarget: DialTarget;
}

export interface TelephonyConfigSnapshot {
  queues: Map<string, QueueRow>;
  queueConfigs: QueueConfig[];
  agents: Map<string, AgentConfig>;
  snapshots: Map<string, unknown>;
  pauseCodes: string[];
  dids: Map<string, DidRow>;
}

export function defaultDialTarget(userId: string): DialTarget {
  return { kind: 'agent', userId };
}

/** The profile's dial_target column (validated with the PBX's isDialAddress when stored) or the default. */
export function dialTargetOf(userId: string, configured: string | null): DialTarget {
  return configured ? { kind: 'address', address: configured } : defaultDialTarget(userId);
}

/** The configuration of a user without a profile or queue membership (e.g. a supervisor). */
export function defaultAgentConfig(userId: string): AgentConfig {
  return { skills: {}, queues: {}, dialTarget: defaultDialTarget(userId) };
}

/** Where to ring a user's phone (agents, and supervisors who may have no profile). */
export function phoneOf(agents: ReadonlyMap<string, AgentConfig>, userId: string): DialTarget {
  return agents.get(userId)?.dialTarget ?? defaultDialTarget(userId);
}

function overflowOf(raw: Record<string, string> | null): OverflowTarget | null {
  if (!raw) return null;
  if (raw.kind === 'queue' && raw.queueId) return { kind: 'queue', queueId: raw.queueId };
  if (raw.kind === 'voicemail' && raw.mailbox) return { kind: 'voicemail', mailbox: raw.mailbox };
  if (raw.kind === 'message' && raw.promptId) return { kind: 'message', promptId: raw.promptId };
  return null;
}

export function toQueueConfig(q: QueueRow): QueueConfig {
  const a = q.announcements;
  return {
    id: q.id,
    strategy: q.strategy,
    requirements: q.requirements,
    relaxSteps: q.relaxSteps.map((s) => ({ afterWaitMs: s.afterSec * 1000, requirements: s.requirements })),
    penaltySteps: q.penaltySteps.map((s) => ({ afterWaitMs: s.afterSec * 1000, maxPenalty: s.maxPenalty })),
    maxWaitMs: q.maxWaitSec === null ? null : q.maxWaitSec * 1000,
    overflow: overflowOf(q.overflow),
    overflowWhenUnstaffed: q.overflowWhenUnstaffed,
    ringTimeoutMs: q.ringTimeoutSec * 1000,
    wrapUpMs: q.wrapUpSec * 1000,
    serviceLevelMs: q.serviceLevelSec * 1000,
    musicClass: q.musicClass,
    announcements: a
      ? {
          firstAfterMs: a.firstAfterSec * 1000,
          everyMs: a.everySec * 1000,
          position: a.position,
          estimatedWait: a.estimatedWait,
        }
      : null,
  };
}

export async function loadTelephonyConfig(db: Db): Promise<TelephonyConfigSnapshot> {
  const [queueRows, members, profiles, codes, didRows] = await Promise.all([
    db.select().from(acdQueues),
    db.select().from(acdQueueMembers),
    db.select().from(agentProfiles),
    db.select({ code: pauseCodes.code }).from(pauseCodes).where(eq(pauseCodes.active, true)),
    db.select().from(dids),
  ]);
  const agents = new Map<string, AgentConfig>();
  const snapshots = new Map<string, unknown>();
  const agentOf = (userId: string): AgentConfig => {
    let a = agents.get(userId);
    if (!a) {
      a = defaultAgentConfig(userId);
      agents.set(userId, a);
    }
    return a;
  };
  for (const p of profiles) {
    const a = agentOf(p.userId);
    a.skills = p.skills;
    a.dialTarget = dialTargetOf(p.userId, p.dialTarget);
    if (p.stateSnapshot) snapshots.set(p.userId, p.stateSnapshot);
  }
  for (const m of members) (agentOf(m.userId).queues as Record<string, number>)[m.queueId] = m.penalty;
  // Every agent answers their own direct line (DID → user), which survives admin reloads this way.
  for (const [userId, a] of agents) (a.queues as Record<string, number>)[directLineId(userId)] = 0;
  return {
    queues: new Map(queueRows.map((q) => [q.id, q])),
    queueConfigs: [
      ...queueRows.map(toQueueConfig),
      ...[...agents.keys()].map((userId) => directLineQueue(userId, { ringSec: DIRECT_RING_SEC })),
    ],
    agents,
    snapshots,
    pauseCodes: codes.map((c) => c.code),
    dids: new Map(didRows.map((d) => [d.number, d])),
  };
}
