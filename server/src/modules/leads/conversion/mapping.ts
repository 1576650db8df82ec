import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { leadConversionMappings } from '../../../db/schema/lead-imports.ts';
import type { ConversionMappingBody } from '../../../contracts/leads.ts';

export type Target = 'customer' | 'contact' | 'opportunity';
export type MappingItem = ConversionMappingBody['items'][number];

export async function loadMapping(db: DbOrTx): Promise<MappingItem[]> {
  return db
    .select({ leadKey: leadConversionMappings.leadKey, target: leadConversionMappings.target, targetKey: leadConversionMappings.targetKey })
    .from(leadConversionMappings)
    .orderBy(asc(leadConversionMappings.createdAt));
}

/** The whole mapping is replaced at once: it is edited as one table in the admin console. */
export async function replaceMapping(db: DbOrTx, items: readonly MappingItem[]): Promise<void> {
  await db.delete(leadConversionMappings);
  if (items.length) await db.insert(leadConversionMappings).values([...items]);
}

/** Lead custom values → the custom values of each target record, per the admin's mapping (M11). */
export function mapCustom(leadCustom: Record<string, unknown>, items: readonly MappingItem[]): Record<Target, Record<string, unknown>> {
  const out: Record<Target, Record<string, unknown>> = { customer: {}, contact: {}, opportunity: {} };
  for (const m of items) {
    const v = leadCustom[m.leadKey];
    if (v !== undefined && v !== null && v !== '') out[m.target][m.targetKey] = v;
  }
  return out;
}
