import { eq } from 'drizzle-orm';
import type { ActivityCreateBody, ActivityUpdateBody } from '../../contracts/activities.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { activities } from '../../db/schema/activities.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { isManager, type Actor } from './actor.ts';
import { requireVisible, resolveUser } from './links.ts';
import { findEditableActivityForUpdate } from './repository.ts';
import { afterActivityChange, logActivity, setDone, type ActivityRow } from './service.ts';

const date = (s: string | null | undefined) => (s ? new Date(s) : s === null ? null : undefined);

/** Checks every linked record is visible; the customer follows from a contact/opportunity/request when not given. */
async function resolveLinks(tx: DbOrTx, actor: Actor, b: ActivityCreateBody): Promise<string | null> {
  let customerId = b.customerId ?? null;
  if (customerId) await requireVisible(tx, actor.scope, 'customer', customerId, 'customerId');
  for (const [type, id, path] of [['contact', b.contactId, 'contactId'], ['opportunity', b.opportunityId, 'opportunityId'], ['service_request', b.serviceRequestId, 'serviceRequestId']] as const) {
    if (!id) continue;
    const linked = await requireVisible(tx, actor.scope, type, id, path);
    if (linked.customerId && customerId && linked.customerId !== customerId) throw new AppError('RS_VALIDATION', undefined, [{ path, message: 'belongs to another customer' }]);
    customerId ??= linked.customerId;
  }
  if (b.leadId) await requireVisible(tx, actor.scope, 'lead', b.leadId, 'leadId');
  return customerId;
}

export async function createActivity(db: Db, actor: Actor, b: ActivityCreateBody): Promise<ActivityRow> {
  if (b.ownerId && b.ownerId !== actor.user.id && !isManager(actor.user)) throw new AppError('RS_FORBIDDEN');
  if (b.remindAt && !b.dueAt && b.kind !== 'task') throw new AppError('RS_VALIDATION', undefined, [{ path: 'remindAt', message: 'needs dueAt' }]);
  return db.transaction(async (tx) => {
    const owner = b.ownerId ? await resolveUser(tx, b.ownerId) : { id: actor.user.id, teamId: actor.user.teamId };
    const customerId = await resolveLinks(tx, actor, b);
    const now = new Date();
    return logActivity(tx, {
      kind: b.kind, subject: b.subject, body: b.body, occurredAt: date(b.occurredAt) ?? now, dueAt: date(b.dueAt), remindAt: date(b.remindAt),
      doneAt: b.done ? now : null, customerId, contactId: b.contactId, leadId: b.leadId, opportunityId: b.opportunityId,
      serviceRequestId: b.serviceRequestId, ownerId: owner.id, teamId: owner.teamId, actorUserId: actor.user.id, ip: actor.ip,
    });
  });
}

export async function updateActivity(db: Db, actor: Actor, id: string, b: ActivityUpdateBody): Promise<{ row: ActivityRow; previousRemindAt: Date | null }> {
  return db.transaction(async (tx) => {
    const cur = await findEditableActivityForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    if (b.ownerId && b.ownerId !== cur.ownerId && !isManager(actor.user)) throw new AppError('RS_FORBIDDEN');
    const owner = b.ownerId ? await resolveUser(tx, b.ownerId) : undefined;
    const remindAt = date(b.remindAt);
    const rescheduled = remindAt !== undefined && remindAt?.getTime() !== cur.remindAt?.getTime();
    const patch = {
      subject: b.subject, body: b.body, occurredAt: date(b.occurredAt) ?? undefined, dueAt: date(b.dueAt), remindAt,
      ...(rescheduled ? { reminderSentAt: null } : {}), ...(owner ? { ownerId: owner.id, teamId: owner.teamId } : {}), updatedAt: new Date(),
    };
    const [row] = await tx.update(activities).set(patch).where(eq(activities.id, id)).returning();
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'activity.update', entityType: 'activity', entityId: id, details: { fields: Object.keys(b) }, ip: actor.ip });
    await afterActivityChange(tx, row!);
    return { row: row!, previousRemindAt: cur.remindAt };
  });
}

export async function markDone(db: Db, actor: Actor, id: string, done: boolean): Promise<ActivityRow> {
  return db.transaction(async (tx) => {
    const cur = await findEditableActivityForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    return setDone(tx, id, done ? (cur.doneAt ?? new Date()) : null, actor.user.id, actor.ip);
  });
}
