import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { activities, type ActivityKind } from '../../db/schema/activities.ts';
import { writeAudit } from '../audit/service.ts';
import { refreshRecency } from './recency.ts';

export type ActivityRow = typeof activities.$inferSelect;

/** Everything needed to write one activity; links must already be checked by the caller. */
export interface LogActivityInput {
  kind: ActivityKind;
  subject: string;
  body?: string | null;
  /** Default now. For a planned follow-up (dueAt in the future, not done) this is the creation time. */
  occurredAt?: Date;
  dueAt?: Date | null;
  remindAt?: Date | null;
  doneAt?: Date | null;
  customerId?: string | null;
  contactId?: string | null;
  leadId?: string | null;
  opportunityId?: string | null;
  serviceRequestId?: string | null;
  /** kind 'call': the call record; details then carry { direction, durationSec, recordingId, disposition }. */
  callId?: string | null;
  details?: Record<string, unknown>;
  ownerId: string | null;
  teamId: string | null;
  /** The acting user (audit + created_by); null for system writes (telephony, jobs). */
  actorUserId: string | null;
  ip?: string | null;
}

/** An activity is a past touch unless it is an open follow-up (has a due time and is not done). */
function touchedAt(row: ActivityRow): Date | null {
  if (row.dueAt && !row.doneAt) return null;
  return row.doneAt && row.dueAt ? row.doneAt : row.occurredAt;
}

/**
 * Writes one activity, its audit row and the recency fields in the caller's transaction. Used by the
 * activities routes, the service module, the birthday job and telephony (call logging).
 * Reminder jobs are NOT enqueued here (a job must not fire before the commit): call scheduleReminder after.
 */
export async function logActivity(tx: DbOrTx, input: LogActivityInput): Promise<ActivityRow> {
  const [row] = await tx
    .insert(activities)
    .values({
      kind: input.kind, subject: input.subject, body: input.body ?? null, occurredAt: input.occurredAt ?? new Date(),
      dueAt: input.dueAt ?? null, remindAt: input.remindAt ?? null, doneAt: input.doneAt ?? null,
      customerId: input.customerId ?? null, contactId: input.contactId ?? null, leadId: input.leadId ?? null,
      opportunityId: input.opportunityId ?? null, serviceRequestId: input.serviceRequestId ?? null, callId: input.callId ?? null,
      details: input.details ?? {}, ownerId: input.ownerId, teamId: input.teamId, createdBy: input.actorUserId,
    })
    .returning();
  await writeAudit(tx, { actorUserId: input.actorUserId, action: 'activity.create', entityType: 'activity', entityId: row!.id, details: { kind: row!.kind, customerId: row!.customerId }, ip: input.ip ?? null });
  await afterActivityChange(tx, row!);
  return row!;
}

/** Recency and service side effects of any change to an activity. */
export async function afterActivityChange(tx: DbOrTx, row: ActivityRow): Promise<void> {
  await refreshRecency(tx, { kind: row.kind, customerId: row.customerId, contactId: row.contactId, leadId: row.leadId, touchedAt: touchedAt(row) });
  if (row.serviceRequestId && row.customerId) {
    const at = (touchedAt(row) ?? row.occurredAt).toISOString();
    await tx.execute(sql`update customers set last_service_at = greatest(last_service_at, ${at}::timestamptz) where id = ${row.customerId}::uuid`);
  }
}

export async function setDone(tx: DbOrTx, id: string, doneAt: Date | null, actorUserId: string, ip: string | null): Promise<ActivityRow> {
  const [row] = await tx.update(activities).set({ doneAt, updatedAt: new Date() }).where(eq(activities.id, id)).returning();
  await writeAudit(tx, { actorUserId, action: doneAt ? 'activity.done' : 'activity.undone', entityType: 'activity', entityId: id, ip });
  await afterActivityChange(tx, row!);
  return row!;
}
