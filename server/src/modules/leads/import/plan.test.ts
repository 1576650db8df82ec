import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from './csv-export.ts';
import { planChunk } from './plan.ts';
import type { LeadCandidate } from './rows.ts';

const cand = (rowNumber: number, phone: string | null, email: string | null = null): LeadCandidate => ({
  rowNumber, name: `n${rowNumber}`, company: null, title: null, email, source: null, industry: null, address: null, notes: null,
  phones: phone ? [{ e164: phone, raw: phone, kind: 'mobile' }] : [], custom: {},
});

describe('dedupe plan', () => {
  const existing = new Map([
    ['phone:+8613800000001', { kind: 'lead' as const, id: 'L1', key: 'phone' as const }],
    ['email:c@x.cn', { kind: 'customer' as const, id: 'C1', key: 'email' as const }],
  ]);

  it('skip: duplicates within the file and against existing records are skipped with a reason', () => {
    const p = planChunk({ cands: [cand(2, '+8613800000009'), cand(3, '+8613800000009'), cand(4, '+8613800000001'), cand(5, null, 'C@x.cn')], policy: 'skip', keys: ['phone', 'email'], seen: new Map(), existing, editable: new Set() });
    expect(p.inserts.map((c) => c.rowNumber)).toEqual([2]);
    expect(p.issues).toEqual([
      { rowNumber: 3, kind: 'skipped', field: 'phone', reason: 'duplicate of row 2 in this file' },
      { rowNumber: 4, kind: 'skipped', field: 'phone', reason: 'matches an existing lead' },
      { rowNumber: 5, kind: 'skipped', field: 'email', reason: 'matches an existing customer' },
    ]);
  });

  it('update: an editable matching lead is updated; a customer match or a lead out of scope is skipped', () => {
    const p = planChunk({ cands: [cand(2, '+8613800000001'), cand(3, null, 'c@x.cn')], policy: 'update', keys: ['phone', 'email'], seen: new Map(), existing, editable: new Set(['L1']) });
    expect(p.updates).toEqual([{ leadId: 'L1', cand: expect.objectContaining({ rowNumber: 2 }) }]);
    expect(p.issues.map((i) => i.rowNumber)).toEqual([3]);
    const out = planChunk({ cands: [cand(2, '+8613800000001')], policy: 'update', keys: ['phone'], seen: new Map(), existing, editable: new Set() });
    expect(out.updates).toEqual([]);
  });

  it('create: everything is inserted', () => {
    const p = planChunk({ cands: [cand(2, '+8613800000001'), cand(3, '+8613800000001')], policy: 'create', keys: ['phone'], seen: new Map(), existing, editable: new Set() });
    expect(p.inserts).toHaveLength(2);
  });
});

describe('issues CSV', () => {
  it('neutralises formula-looking cells and starts with a BOM', () => {
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralise('@cmd')).toBe(`'@cmd`);
    const csv = toCsv(['row', 'reason'], [[2, '+cmd']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain("2,'+cmd");
  });
});
