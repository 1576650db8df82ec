import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { leadWebforms } from '../../../db/schema/lead-imports.ts';
import type { WebformBody, WebformDto } from '../../../contracts/leads.ts';

export type WebformRow = typeof leadWebforms.$inferSelect;

export const toWebformDto = (r: WebformRow): WebformDto => ({
  id: r.id, name: r.name, fields: r.fields, targetOwnerId: r.targetOwnerId, targetTeamId: r.targetTeamId, thankYouMessage: r.thankYouMessage, active: r.active,
});

export const listWebforms = (db: DbOrTx) => db.select().from(leadWebforms).orderBy(asc(leadWebforms.createdAt));

export async function findWebform(db: DbOrTx, id: string): Promise<WebformRow | undefined> {
  const [row] = await db.select().from(leadWebforms).where(eq(leadWebforms.id, id));
  return row;
}

export async function findActiveWebform(db: DbOrTx, id: string): Promise<WebformRow | undefined> {
  const [row] = await db.select().from(leadWebforms).where(and(eq(leadWebforms.id, id), eq(leadWebforms.active, true)));
  return row;
}

export async function insertWebform(db: DbOrTx, body: WebformBody, createdBy: string): Promise<WebformRow> {
  const [row] = await db
    .insert(leadWebforms)
    .values({ ...body, targetOwnerId: body.targetOwnerId ?? null, targetTeamId: body.targetTeamId ?? null, active: body.active ?? true, createdBy })
    .returning();
  return row!;
}

export async function updateWebform(db: DbOrTx, id: string, body: WebformBody): Promise<WebformRow | undefined> {
  const [row] = await db
    .update(leadWebforms)
    .set({ ...body, targetOwnerId: body.targetOwnerId ?? null, targetTeamId: body.targetTeamId ?? null, active: body.active ?? true, updatedAt: new Date() })
    .where(eq(leadWebforms.id, id))
    .returning();
  return row;
}
