import { and, asc, eq } from 'drizzle-orm';
import type { SavedQueryBody, SavedQueryUpdateBody } from '../../contracts/customers.ts';
import type { DbOrTx } from '../../db/client.ts';
import { savedQueries } from '../../db/schema/saved-queries.ts';
import { AppError } from '../../errors/catalog.ts';

type Row = typeof savedQueries.$inferSelect;
const toDto = (r: Row) => ({ id: r.id, entityType: r.entityType, name: r.name, filter: r.filter, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

/** Saved queries are private: every query is keyed by the signed-in user, so others' ids answer 404. */
export async function listSavedQueries(db: DbOrTx, userId: string, entityType?: string) {
  const rows = await db
    .select()
    .from(savedQueries)
    .where(and(eq(savedQueries.userId, userId), entityType ? eq(savedQueries.entityType, entityType) : undefined))
    .orderBy(asc(savedQueries.name));
  return rows.map(toDto);
}

export async function createSavedQuery(db: DbOrTx, userId: string, body: SavedQueryBody) {
  const [row] = await db.insert(savedQueries).values({ ...body, userId }).returning();
  return toDto(row!);
}

export async function updateSavedQuery(db: DbOrTx, userId: string, id: string, body: SavedQueryUpdateBody) {
  const [row] = await db
    .update(savedQueries)
    .set({ ...body, updatedAt: new Date() })
    .where(and(eq(savedQueries.id, id), eq(savedQueries.userId, userId)))
    .returning();
  if (!row) throw new AppError('RS_NOT_FOUND');
  return toDto(row);
}

export async function deleteSavedQuery(db: DbOrTx, userId: string, id: string): Promise<void> {
  const rows = await db
    .delete(savedQueries)
    .where(and(eq(savedQueries.id, id), eq(savedQueries.userId, userId)))
    .returning({ id: savedQueries.id });
  if (!rows.length) throw new AppError('RS_NOT_FOUND');
}
