import { normalizePhone } from '../../phones/normalize.ts';

export interface RowIssue {
  rowNumber: number;
  kind: 'error' | 'skipped';
  field: string | null;
  reason: string;
}

export interface LeadCandidate {
  rowNumber: number;
  name: string;
  company: string | null;
  title: string | null;
  email: string | null;
  source: string | null;
  industry: string | null;
  address: string | null;
  notes: string | null;
  phones: { e164: string; raw: string; kind: 'mobile' | 'work' | 'home' | 'fax' | 'other' }[];
  custom: Record<string, string>;
}

const LIMITS: Record<string, number> = { name: 200, company: 200, title: 200, email: 254, source: 64, industry: 200, address: 500, notes: 5000 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A cell may hold several numbers: "138 0013 8000 / 010-65529988". */
const PHONE_SPLIT = /[,;/、，；|]+/;

type Fields = Record<string, string>;

/** Collects the mapped cells of one row; several columns mapped to phone are joined. */
function pick(cells: readonly string[], mapping: Record<string, string>): { fields: Fields; phones: string[] } {
  const fields: Fields = {};
  const phones: string[] = [];
  for (const [col, target] of Object.entries(mapping)) {
    const v = (cells[Number(col)] ?? '').trim();
    if (!v) continue;
    if (target === 'phone') phones.push(...v.split(PHONE_SPLIT).map((p) => p.trim()).filter(Boolean));
    else fields[target] = v;
  }
  return { fields, phones };
}

function firstFieldProblem(fields: Fields): { field: string; reason: string } | undefined {
  if (!fields.name) return { field: 'name', reason: 'required' };
  for (const [k, max] of Object.entries(LIMITS)) if ((fields[k]?.length ?? 0) > max) return { field: k, reason: `longer than ${max} characters` };
  if (fields.email && !EMAIL.test(fields.email)) return { field: 'email', reason: 'not an email address' };
  return undefined;
}

/** One data row → a candidate lead, or the reason it cannot be imported (the whole row is then left out). */
export function toCandidate(cells: readonly string[], rowNumber: number, mapping: Record<string, string>, region: string): LeadCandidate | RowIssue {
  const { fields, phones } = pick(cells, mapping);
  const problem = firstFieldProblem(fields);
  if (problem) return { rowNumber, kind: 'error', ...problem };
  const normalized: LeadCandidate['phones'] = [];
  for (const raw of phones) {
    const n = normalizePhone(raw, region);
    if (!n) return { rowNumber, kind: 'error', field: 'phone', reason: `not a valid phone number: ${raw.slice(0, 40)}` };
    if (!normalized.some((p) => p.e164 === n.e164)) normalized.push({ e164: n.e164, raw, kind: n.kind });
  }
  const custom: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (k.startsWith('custom.')) custom[k.slice(7)] = v;
  return {
    rowNumber, name: fields.name!, company: fields.company ?? null, title: fields.title ?? null, email: fields.email ?? null,
    source: fields.source ?? null, industry: fields.industry ?? null, address: fields.address ?? null, notes: fields.notes ?? null,
    phones: normalized, custom,
  };
}

export const isIssue = (x: LeadCandidate | RowIssue): x is RowIssue => 'reason' in x;
