import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ReminderEvent } from '../../contracts/activities.ts';
import { activities } from '../../db/schema/activities.ts';
import { serviceRequests } from '../../db/schema/service.ts';
import type { JobDefinition } from '../../jobs/registry.ts';

export const REMINDER_JOB = 'reminders.deliver';
export type ReminderTarget = 'activity' | 'service_request';
export interface ReminderJobData {
  target: ReminderTarget;
  id: string;
  /** ISO time the reminder was scheduled for; a job whose time no longer matches the record is stale. */
  remindAt: string;
}

/** Deterministic id per record + remind time: enqueueing twice is one job; a reschedule is a new id. */
export function reminderJobId(target: ReminderTarget, id: string, remindAt: Date): string {
  return `remind_${target}_${id}_${remindAt.getTime()}`;
}

/**
 * Schedules the reminder after the record's transaction committed, and removes the job of the previous
 * remind time (the handler would skip it anyway because the time no longer matches; removing keeps Redis tidy).
 */
export async function scheduleReminder(app: FastifyInstance, target: ReminderTarget, id: string, remindAt: Date | null, previous?: Date | null): Promise<void> {
  const queue = app.jobs.queues.get('reminders');
  if (previous && previous.getTime() !== remindAt?.getTime()) await queue?.remove(reminderJobId(target, id, previous));
  if (!remindAt) return;
  const data: ReminderJobData = { target, id, remindAt: remindAt.toISOString() };
  await app.jobs.enqueue(REMINDER_JOB, data, { jobId: reminderJobId(target, id, remindAt), delay: Math.max(0, remindAt.getTime() - Date.now()) });
}

interface Claimed {
  ownerId: string | null;
  event: ReminderEvent;
}

/** Marks the reminder sent exactly once; returns nothing if it was sent, rescheduled, done or deleted. */
async function claim(db: Parameters<JobDefinition['handle']>[1]['db'], data: ReminderJobData, now: Date): Promise<Claimed | undefined> {
  const at = new Date(data.remindAt);
  if (data.target === 'activity') {
    const [r] = await db
      .update(activities)
      .set({ reminderSentAt: now })
      .where(and(eq(activities.id, data.id), eq(activities.remindAt, at), isNull(activities.reminderSentAt), isNull(activities.doneAt)))
      .returning();
    if (!r) return undefined;
    return { ownerId: r.ownerId, event: { kind: 'activity', id: r.id, subject: r.subject, remindAt: data.remindAt, dueAt: r.dueAt?.toISOString() ?? null, customerId: r.customerId } };
  }
  const [r] = await db
    .update(serviceRequests)
    .set({ reminderSentAt: now })
    .where(and(eq(serviceRequests.id, data.id), eq(serviceRequests.remindAt, at), isNull(serviceRequests.reminderSentAt), eq(serviceRequests.isOpen, true), sql`${serviceRequests.deletedAt} is null`))
    .returning();
  if (!r) return undefined;
  return { ownerId: r.ownerId, event: { kind: 'service_request', id: r.id, subject: r.title, remindAt: data.remindAt, dueAt: r.dueAt?.toISOString() ?? null, customerId: r.customerId } };
}

/** Idempotent: the reminder_sent_at claim means a redelivered job pushes nothing twice. */
export const deliverReminder: JobDefinition<ReminderJobData> = {
  name: REMINDER_JOB,
  async handle(data, ctx) {
    const claimed = await claim(ctx.db, data, ctx.now());
    if (!claimed) return { delivered: false };
    if (claimed.ownerId) ctx.io?.to(`user:${claimed.ownerId}`).emit('reminder', claimed.event);
    return { delivered: true };
  },
};
