// How far a campaign has got (the live figures supervisors see) and its completion once nothing is left
// to dial. Split from dialer-store.ts, which claims and updates single records.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { campaignAttempts, campaignRecords, campaigns, type CampaignRecordStatus } from '../../db/schema/campaigns.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { abandonWindowSec } from './dialer-store.ts';

const REMAINING: CampaignRecordStatus[] = ['pending', 'scheduled', 'callback', 'dialing'];

/**
 * A running campaign whose records have all reached a final state (done, invalid, unreachable, DNC) is
 * completed, in one conditional update so a record added or a supervisor's pause in the meantime wins.
 * A campaign with no records yet stays running (its list may still be importing). Audited as the system.
 */
export async function completeIfExhausted(db: DbOrTx, campaignId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const remaining = sql.join(REMAINING.map((s) => sql`${s}`), sql`, `);
    const rows = await tx
      .update(campaigns)
      .set({ status: 'completed', updatedAt: new Date() })
      .where(
        and(
          eq(campaigns.id, campaignId),
          eq(campaigns.status, 'running'),
          sql`exists (select 1 from campaign_records r where r.campaign_id = ${campaignId})`,
          sql`not exists (select 1 from campaign_records r where r.campaign_id = ${campaignId} and r.status in (${remaining}))`,
        ),
      )
      .returning({ id: campaigns.id });
    if (rows.length === 0) return false;
    await writeAudit(tx, { actorUserId: null, action: 'campaign.complete', entityType: 'campaign', entityId: campaignId, details: { from: 'running', to: 'completed' } });
    return true;
  });
}

export interface CampaignProgress {
  total: number;
  dialed: number;
  connected: number;
  abandoned: number;
  remaining: number;
  /** Abandoned live answers as a percentage (0–100) of live answers, over the campaign's abandon window. */
  abandonPctWindow: number;
  byStatus: Record<string, number>;
}

export async function campaignProgress(db: DbOrTx, campaignId: string, now: Date): Promise<CampaignProgress> {
  const [campaign] = await db.select({ abandonWindow: campaigns.abandonWindow }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new AppError('RS_NOT_FOUND', 'No such campaign');
  const statusRows = await db
    .select({ status: campaignRecords.status, n: sql<number>`count(*)::int`, dialed: sql<number>`count(*) filter (where ${campaignRecords.attempts} > 0)::int` })
    .from(campaignRecords)
    .where(eq(campaignRecords.campaignId, campaignId))
    .groupBy(campaignRecords.status);
  // Raw sql parameters go to postgres-js untyped, so the instant is passed as an ISO string.
  const since = new Date(now.getTime() - abandonWindowSec(campaign.abandonWindow) * 1000).toISOString();
  const [a] = await db
    .select({
      connected: sql<number>`count(*) filter (where ${campaignAttempts.outcome} = 'answered')::int`,
      abandoned: sql<number>`count(*) filter (where ${campaignAttempts.outcome} = 'abandoned')::int`,
      winLive: sql<number>`count(*) filter (where ${campaignAttempts.outcome} in ('answered', 'abandoned') and ${campaignAttempts.endedAt} > ${since})::int`,
      winAbandoned: sql<number>`count(*) filter (where ${campaignAttempts.outcome} = 'abandoned' and ${campaignAttempts.endedAt} > ${since})::int`,
    })
    .from(campaignAttempts)
    .where(eq(campaignAttempts.campaignId, campaignId));
  const byStatus: Record<string, number> = {};
  let total = 0;
  let dialed = 0;
  let remaining = 0;
  for (const r of statusRows) {
    byStatus[r.status] = r.n;
    total += r.n;
    dialed += r.dialed;
    if (REMAINING.includes(r.status)) remaining += r.n;
  }
  const winLive = a?.winLive ?? 0;
  return {
    total,
    dialed,
    connected: a?.connected ?? 0,
    abandoned: a?.abandoned ?? 0,
    remaining,
    abandonPctWindow: winLive === 0 ? 0 : Math.round(((a?.winAbandoned ?? 0) / winLive) * 10000) / 100,
    byStatus,
  };
}
