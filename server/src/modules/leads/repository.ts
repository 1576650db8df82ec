import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { activities } from '../../db/schema/activities.ts';
import { phoneNumbers } from '../../db/schema/customers.ts';
import { leads } from '../../db/schema/leads.ts';
import type { LeadListQuery } from '../../contracts/leads.ts';
import type { DataScope } from '../access/scope.ts';
import { editableBy, visibleTo } from '../access/visibility.ts';

export type LeadRow = typeof leads.$inferSelect;
export type LeadPhone = { e164: string; raw: string; kind: string };

const live = isNull(leads.deletedAt);

function listFilters(q: LeadListQuery): SQL[] {
  const f: SQL[] = [];
  if (q.status) f.push(eq(leads.status, q.status as LeadRow['status']));
  if (q.source) f.push(eq(leads.source, q.source));
  if (q.ownerId) f.push(eq(leads.ownerId, q.ownerId));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    f.push(or(ilike(leads.name, like), ilike(leads.company, like), ilike(leads.email, like))!);
  }
  return f;
}

export async function listLeads(db: DbOrTx, scope: DataScope, q: LeadListQuery): Promise<{ rows: LeadRow[]; total: number }> {
  const where = and(live, visibleTo(scope, leads, 'lead'), ...listFilters(q));
  const [rows, totals] = await Promise.all([
    db.select().from(leads).where(where).orderBy(desc(leads.createdAt), asc(leads.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(leads).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function findVisibleLead(db: DbOrTx, scope: DataScope, id: string): Promise<LeadRow | undefined> {
  const [row] = await db.select().from(leads).where(and(eq(leads.id, id), live, visibleTo(scope, leads, 'lead')));
  return row;
}

/** Locks the row: conversion and edits of the same lead serialise. */
export async function findEditableLeadForUpdate(db: DbOrTx, scope: DataScope, id: string): Promise<LeadRow | undefined> {
  const [row] = await db.select().from(leads).where(and(eq(leads.id, id), live, editableBy(scope, leads, 'lead'))).for('update');
  return row;
}

export async function phonesOfLeads(db: DbOrTx, ids: string[]): Promise<Map<string, LeadPhone[]>> {
  const out = new Map<string, LeadPhone[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ partyId: phoneNumbers.partyId, e164: phoneNumbers.e164, raw: phoneNumbers.raw, kind: phoneNumbers.kind })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.partyType, 'lead'), inArray(phoneNumbers.partyId, ids)))
    .orderBy(desc(phoneNumbers.isPrimary), asc(phoneNumbers.createdAt));
  for (const r of rows) out.set(r.partyId, [...(out.get(r.partyId) ?? []), { e164: r.e164, raw: r.raw, kind: r.kind }]);
  return out;
}

/** Replaces a lead's numbers; the first is primary. */
export async function replaceLeadPhones(db: DbOrTx, leadId: string, phones: { e164: string; raw: string; kind: LeadPhone['kind'] }[]): Promise<void> {
  await db.delete(phoneNumbers).where(and(eq(phoneNumbers.partyType, 'lead'), eq(phoneNumbers.partyId, leadId)));
  if (!phones.length) return;
  await db
    .insert(phoneNumbers)
    .values(phones.map((p, i) => ({ e164: p.e164, raw: p.raw, kind: p.kind as 'work', partyType: 'lead' as const, partyId: leadId, isPrimary: i === 0 })))
    .onConflictDoNothing();
}

export async function leadTimeline(db: DbOrTx, leadId: string) {
  return db
    .select({ id: activities.id, kind: activities.kind, subject: activities.subject, body: activities.body, occurredAt: activities.occurredAt, ownerId: activities.ownerId })
    .from(activities)
    .where(eq(activities.leadId, leadId))
    .orderBy(desc(activities.occurredAt))
    .limit(200);
}
