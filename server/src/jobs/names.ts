/** Every job name the server may enqueue. Startup fails if one of these has no handler. */
export const JOB_NAMES = ['maintenance.purge-sessions', 'leads.import', 'reminders.deliver', 'reminders.birthdays', 'maintenance.recording-retention', 'campaigns.import'] as const;
export type JobName = (typeof JOB_NAMES)[number];
