import { eq } from 'drizzle-orm';
import { campaignImports } from '../../db/schema/campaigns.ts';
import type { JobDefinition } from '../../jobs/registry.ts';
import { runCampaignImport } from './list-import.ts';

export interface CampaignImportJobData {
  importId: string;
  region: string;
}

/** A committed list import (progress is read from GET .../imports/:batchId); job id = import id, and rows already imported are skipped, so redelivery is safe. */
export const campaignImportJob: JobDefinition<CampaignImportJobData> = {
  name: 'campaigns.import',
  async handle({ importId, region }, ctx) {
    try {
      const done = await runCampaignImport(ctx.db, importId, region);
      return { status: done?.status ?? 'missing' };
    } catch (err) {
      await ctx.db
        .update(campaignImports)
        .set({ status: 'failed', failure: err instanceof Error ? err.message.slice(0, 500) : 'failed' })
        .where(eq(campaignImports.id, importId));
      throw err;
    }
  },
};
