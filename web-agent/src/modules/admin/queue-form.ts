// The queue dialog edits a flat form; these pure conversions turn a stored queue into that form and the
// form back into the API body (skills as "skill:level" lists, overflow as kind + target, optional
// announcements and max wait as switches), so the dialog itself holds no mapping logic.
import type { QueueBody, QueueRow, QueueStrategy } from './api.ts';

export const STRATEGIES = ['ringAll', 'longestIdle', 'fewestCalls', 'roundRobin', 'skillsBased'] as const;
export type Strategy = QueueStrategy;
export type OverflowKind = 'none' | 'queue' | 'voicemail' | 'message';

export interface QueueForm {
  name: string;
  strategy: Strategy;
  priority: number;
  ringTimeoutSec: number;
  wrapUpSec: number;
  serviceLevelSec: number;
  maxWaitOn: boolean;
  maxWaitSec: number;
  overflowKind: OverflowKind;
  /** queue id, mailbox ("queue:<id>" / "user:<id>") or prompt id, by overflowKind. */
  overflowTarget: string;
  overflowWhenUnstaffed: boolean;
  musicClass: string;
  announceOn: boolean;
  announceFirstAfterSec: number;
  announceEverySec: number;
  announcePosition: boolean;
  announceWait: boolean;
  /** "zh:5, vip:3" */
  requirements: string;
  relaxSteps: { afterSec: number; requirements: string }[];
  /** Members above maxPenalty are offered a caller only once it has waited afterSec (none: all at once). */
  penaltySteps: { afterSec: number; maxPenalty: number }[];
  recordCalls: boolean;
  languages: string;
  members: { userId: string; penalty: number }[];
}

export function emptyQueueForm(): QueueForm {
  return {
    name: '', strategy: 'longestIdle', priority: 0, ringTimeoutSec: 20, wrapUpSec: 30, serviceLevelSec: 20,
    maxWaitOn: false, maxWaitSec: 300, overflowKind: 'none', overflowTarget: '', overflowWhenUnstaffed: false,
    musicClass: 'default', announceOn: false, announceFirstAfterSec: 30, announceEverySec: 60, announcePosition: true, announceWait: true,
    requirements: '', relaxSteps: [], penaltySteps: [], recordCalls: false, languages: 'zh&en', members: [],
  };
}

type Skill = { skill: string; minLevel: number };

export function formatSkills(list: readonly Skill[]): string {
  return list.map((s) => `${s.skill}:${s.minLevel}`).join(', ');
}

/** "zh:5, vip" → [{zh,5},{vip,1}]; returns the offending token instead when one is not skill[:0-10]. */
export function parseSkills(text: string): Skill[] | { error: string } {
  const out: Skill[] = [];
  for (const raw of text.split(/[,，\s]+/)) {
    const token = raw.trim();
    if (!token) continue;
    const m = /^([a-z0-9_-]{1,40})(?::(\d{1,2}))?$/i.exec(token);
    const level = m?.[2] === undefined ? 1 : Number(m[2]);
    if (!m || level > 10) return { error: token };
    out.push({ skill: m[1]!.toLowerCase(), minLevel: level });
  }
  return out;
}

export function queueFormFrom(q: QueueRow): QueueForm {
  const o = q.overflow as Record<string, string> | null;
  const a = q.announcements;
  return {
    ...emptyQueueForm(),
    name: q.name, strategy: q.strategy, priority: q.priority, ringTimeoutSec: q.ringTimeoutSec, wrapUpSec: q.wrapUpSec, serviceLevelSec: q.serviceLevelSec,
    maxWaitOn: q.maxWaitSec !== null, maxWaitSec: q.maxWaitSec ?? 300,
    overflowKind: (o?.kind as OverflowKind | undefined) ?? 'none', overflowTarget: o ? (o.queueId ?? o.mailbox ?? o.promptId ?? '') : '',
    overflowWhenUnstaffed: q.overflowWhenUnstaffed, musicClass: q.musicClass,
    announceOn: a !== null, announceFirstAfterSec: a?.firstAfterSec ?? 30, announceEverySec: a?.everySec ?? 60, announcePosition: a?.position ?? true, announceWait: a?.estimatedWait ?? true,
    requirements: formatSkills(q.requirements), relaxSteps: q.relaxSteps.map((s) => ({ afterSec: s.afterSec, requirements: formatSkills(s.requirements) })),
    penaltySteps: q.penaltySteps.map((s) => ({ ...s })),
    recordCalls: q.recordCalls, languages: q.languages, members: q.members.map((m) => ({ ...m })),
  };
}

export type FormResult = { ok: true; body: QueueBody } | { ok: false; field: string; token?: string };

export function queueBody(f: QueueForm): FormResult {
  const requirements = parseSkills(f.requirements);
  if ('error' in requirements) return { ok: false, field: 'requirements', token: requirements.error };
  const relaxSteps: { afterSec: number; requirements: Skill[] }[] = [];
  for (const [i, s] of f.relaxSteps.entries()) {
    const r = parseSkills(s.requirements);
    if ('error' in r) return { ok: false, field: `relaxSteps.${i}`, token: r.error };
    relaxSteps.push({ afterSec: s.afterSec, requirements: r });
  }
  const target = f.overflowTarget.trim();
  if (f.overflowKind !== 'none' && !target) return { ok: false, field: 'overflowTarget' };
  const overflow =
    f.overflowKind === 'queue' ? { kind: 'queue' as const, queueId: target }
    : f.overflowKind === 'voicemail' ? { kind: 'voicemail' as const, mailbox: target }
    : f.overflowKind === 'message' ? { kind: 'message' as const, promptId: target }
    : null;
  const members = [...new Map(f.members.filter((m) => m.userId).map((m) => [m.userId, m])).values()];
  return {
    ok: true,
    body: {
      name: f.name.trim(), strategy: f.strategy, priority: f.priority, ringTimeoutSec: f.ringTimeoutSec, wrapUpSec: f.wrapUpSec, serviceLevelSec: f.serviceLevelSec,
      maxWaitSec: f.maxWaitOn ? f.maxWaitSec : null, overflow, overflowWhenUnstaffed: f.overflowWhenUnstaffed, musicClass: f.musicClass.trim() || 'default',
      announcements: f.announceOn ? { firstAfterSec: f.announceFirstAfterSec, everySec: f.announceEverySec, position: f.announcePosition, estimatedWait: f.announceWait } : null,
      requirements, relaxSteps, penaltySteps: [...f.penaltySteps].sort((a, b) => a.afterSec - b.afterSec), recordCalls: f.recordCalls, languages: f.languages, members,
    },
  };
}
