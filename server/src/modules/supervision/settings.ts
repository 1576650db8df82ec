// The per-deployment supervision policy (db/schema/supervision.ts). A missing row means the defaults.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { supervisionSettings } from '../../db/schema/supervision.ts';

export interface SupervisionSettings {
  agentsSeeMonitoring: boolean;
}

export async function loadSettings(db: Db): Promise<SupervisionSettings> {
  const [row] = await db
    .select({ agentsSeeMonitoring: supervisionSettings.agentsSeeMonitoring })
    .from(supervisionSettings);
  return { agentsSeeMonitoring: row?.agentsSeeMonitoring ?? false };
}

export async function saveSettings(
  db: Db,
  next: SupervisionSettings,
  userId: string,
): Promise<SupervisionSettings> {
  await db
    .insert(supervisionSettings)
    .values({ id: 1, agentsSeeMonitoring: next.agentsSeeMonitoring, updatedBy: userId })
    .onConflictDoUpdate({
      target: supervisionSettings.id,
      set: { agentsSeeMonitoring: next.agentsSeeMonitoring, updatedBy: userId, updatedAt: sql`now()` },
    });
  return loadSettings(db);
}
