import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { customFieldDefinitions, type CustomEntityType } from '../../db/schema/custom-fields.ts';

export type FieldDefinition = typeof customFieldDefinitions.$inferSelect;
export type NewFieldDefinition = typeof customFieldDefinitions.$inferInsert;

export function listDefinitions(db: DbOrTx, entityType?: CustomEntityType, activeOnly = false): Promise<FieldDefinition[]> {
  const where = and(
    entityType ? eq(customFieldDefinitions.entityType, entityType) : undefined,
    activeOnly ? eq(customFieldDefinitions.active, true) : undefined,
  );
  return db.select().from(customFieldDefinitions).where(where).orderBy(asc(customFieldDefinitions.entityType), asc(customFieldDefinitions.position), asc(customFieldDefinitions.createdAt));
}

export async function findDefinition(db: DbOrTx, id: string): Promise<FieldDefinition | undefined> {
  const [row] = await db.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.id, id));
  return row;
}

export async function findByKey(db: DbOrTx, entityType: CustomEntityType, key: string): Promise<FieldDefinition | undefined> {
  const [row] = await db
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.entityType, entityType), eq(customFieldDefinitions.key, key)));
  return row;
}

export async function insertDefinition(db: DbOrTx, values: NewFieldDefinition): Promise<FieldDefinition> {
  const [row] = await db.insert(customFieldDefinitions).values(values).returning();
  return row!;
}

export async function updateDefinition(db: DbOrTx, id: string, patch: Partial<NewFieldDefinition>): Promise<FieldDefinition | undefined> {
  const [row] = await db
    .update(customFieldDefinitions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(customFieldDefinitions.id, id))
    .returning();
  return row;
}

export async function deleteDefinition(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.delete(customFieldDefinitions).where(eq(customFieldDefinitions.id, id)).returning({ id: customFieldDefinitions.id });
  return rows.length > 0;
}

/**
 * Hands out the next auto-number of one field. UPDATE ... RETURNING takes the row lock, so concurrent
 * creations are serialised on it and never receive the same number; a rolled-back creation gives its
 * number back (the counter update rolls back with it).
 */
export async function nextAutoNumber(db: DbOrTx, definitionId: string): Promise<number> {
  const [row] = await db
    .update(customFieldDefinitions)
    .set({ autoNext: sql`${customFieldDefinitions.autoNext} + 1` })
    .where(eq(customFieldDefinitions.id, definitionId))
    .returning({ taken: sql<number>`(${customFieldDefinitions.autoNext} - 1)::int` });
  return row!.taken;
}
