// Do-not-call lists: one global, one per campaign. The dialer re-reads them at every claim; marking the
// waiting records 'dnc' here only makes the console show it at once.
import { and, count, desc, eq, inArray, isNull, like, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignRecords, dncNumbers } from '../../db/schema/campaigns.ts';
import { AppError } from '../../errors/catalog.ts';
import { normalizePhone } from '../phones/normalize.ts';

export type DncRow = typeof dncNumbers.$inferSelect;

export function dncE164(phone: string, region: string): string {
  const n = normalizePhone(phone, region);
  if (!n) throw new AppError('RS_VALIDATION', undefined, [{ path: '/phone', message: 'not a valid phone number' }]);
  return n.e164;
}

const listOf = (campaignId: string | null) => (campaignId ? eq(dncNumbers.campaignId, campaignId) : isNull(dncNumbers.campaignId));

export async function listDnc(db: Db, campaignId: string | null, q: { q?: string; page: number; pageSize: number }): Promise<{ rows: DncRow[]; total: number }> {
  const f: SQL[] = [listOf(campaignId)];
  if (q.q) f.push(like(dncNumbers.phoneE164, `%${q.q.replace(/[^\d+]/g, '')}%`));
  const where = and(...f);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(dncNumbers)
      .where(where)
      .orderBy(desc(dncNumbers.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(dncNumbers).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function addDnc(db: Db, campaignId: string | null, phoneE164: string, reason: string | null, addedBy: string): Promise<DncRow> {
  return db.transaction(async (tx) => {
    await tx.insert(dncNumbers).values({ campaignId, phoneE164, reason, addedBy }).onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(dncNumbers)
      .where(and(listOf(campaignId), eq(dncNumbers.phoneE164, phoneE164)));
    const waiting = inArray(campaignRecords.status, ['pending', 'scheduled', 'callback']);
    await tx
      .update(campaignRecords)
      .set({ status: 'dnc', updatedAt: new Date() })
      .where(and(eq(campaignRecords.phoneE164, phoneE164), waiting, ...(campaignId ? [eq(campaignRecords.campaignId, campaignId)] : [])));
    return row!;
  });
}

/** Removing a number does not bring records back: a record marked dnc stays so until someone recycles it. */
export async function removeDnc(db: Db, campaignId: string | null, phoneE164: string): Promise<boolean> {
  const rows = await db
    .delete(dncNumbers)
    .where(and(listOf(campaignId), eq(dncNumbers.phoneE164, phoneE164)))
    .returning({ id: dncNumbers.id });
  return rows.length > 0;
}
