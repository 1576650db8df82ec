import { deleteExpiredSessions } from '../modules/auth/repository.ts';
import { leadImportJob } from '../modules/leads/import/job.ts';
import { deliverReminder } from '../modules/activities/reminders.ts';
import { birthdayJob } from '../modules/service/birthdays.ts';
import { recordingRetentionJob } from '../modules/recordings/retention.ts';
import { campaignImportJob } from '../modules/campaigns/import-job.ts';
import type { JobDefinition } from './registry.ts';

export const purgeSessions: JobDefinition<Record<string, never>> = {
  name: 'maintenance.purge-sessions',
  every: { ms: 3600_000 },
  async handle(_data, ctx) {
    const removed = await deleteExpiredSessions(ctx.db, ctx.now());
    return { removed };
  },
};

export const allJobs: JobDefinition<never>[] = [purgeSessions as JobDefinition<never>, leadImportJob as JobDefinition<never>, deliverReminder as JobDefinition<never>, birthdayJob as JobDefinition<never>, recordingRetentionJob as JobDefinition<never>, campaignImportJob as JobDefinition<never>];
