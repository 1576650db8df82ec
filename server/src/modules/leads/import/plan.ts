import type { DedupeKey, DuplicatePolicy } from '../../../db/schema/lead-imports.ts';
import type { ExistingMatch } from './dedupe.ts';
import { keysOf } from './dedupe.ts';
import type { LeadCandidate, RowIssue } from './rows.ts';

export interface ChunkPlan {
  inserts: LeadCandidate[];
  updates: { leadId: string; cand: LeadCandidate }[];
  issues: RowIssue[];
}

export interface PlanInput {
  cands: LeadCandidate[];
  policy: DuplicatePolicy;
  keys: readonly DedupeKey[];
  /** key → first row number that claimed it in this file (shared across chunks). */
  seen: Map<string, number>;
  existing: Map<string, ExistingMatch>;
  editable: Set<string>;
}

const skipped = (c: LeadCandidate, field: string, reason: string): RowIssue => ({ rowNumber: c.rowNumber, kind: 'skipped', field, reason });

/**
 * Pure decision per candidate: insert, update an existing lead, or skip it as a duplicate (of an earlier
 * row in the file, or of an existing record). "create" turns every check off.
 */
export function planChunk(p: PlanInput): ChunkPlan {
  const plan: ChunkPlan = { inserts: [], updates: [], issues: [] };
  for (const c of p.cands) {
    if (p.policy === 'create') {
      plan.inserts.push(c);
      continue;
    }
    const keys = keysOf(c, p.keys);
    const dupKey = keys.find((k) => p.seen.has(k));
    if (dupKey) {
      plan.issues.push(skipped(c, dupKey.split(':')[0]!, `duplicate of row ${p.seen.get(dupKey)} in this file`));
      continue;
    }
    for (const k of keys) p.seen.set(k, c.rowNumber);
    const match = keys.map((k) => p.existing.get(k)).find(Boolean);
    if (!match) plan.inserts.push(c);
    else if (p.policy === 'update' && match.kind === 'lead' && p.editable.has(match.id)) plan.updates.push({ leadId: match.id, cand: c });
    else plan.issues.push(skipped(c, match.key, `matches an existing ${match.kind}`));
  }
  return plan;
}
