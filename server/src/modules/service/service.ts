import { eq, sql } from 'drizzle-orm';
import type { ServiceAssignBody, ServiceCreateBody, ServiceStatusBody, ServiceUpdateBody } from '../../contracts/service.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { CLOSED_SERVICE_STATUSES, serviceRequests, serviceStatusHistory, type ServiceStatus } from '../../db/schema/service.ts';
import { AppError } from '../../errors/catalog.ts';
import { isManager, type Actor } from '../activities/actor.ts';
import { requireVisible, resolveUser } from '../activities/links.ts';
import { writeAudit } from '../audit/service.ts';
import { validateCustomFields } from '../custom-fields/validate.ts';
import { documentNumber } from '../orders/lines.ts';
import { findEditableRequestForUpdate, type ServiceRow } from './repository.ts';

const date = (s: string | null | undefined) => (s ? new Date(s) : s === null ? null : undefined);

/** Any service touch moves customers.last_service_at forward (C16). */
export async function touchLastService(tx: DbOrTx, customerId: string, at: Date): Promise<void> {
  await tx.execute(sql`update customers set last_service_at = greatest(last_service_at, ${at.toISOString()}::timestamptz) where id = ${customerId}::uuid`);
}

async function resolveTeam(tx: DbOrTx, teamId: string): Promise<string> {
  const rows = await tx.execute<{ id: string }>(sql`select id from teams where id = ${teamId}::uuid`);
  if (!rows[0]) throw new AppError('RS_VALIDATION', undefined, [{ path: 'teamId', message: 'no such team' }]);
  return teamId;
}

export async function createRequest(db: Db, actor: Actor, b: ServiceCreateBody): Promise<ServiceRow> {
  if ((b.ownerId && b.ownerId !== actor.user.id) || b.teamId) if (!isManager(actor.user)) throw new AppError('RS_FORBIDDEN');
  return db.transaction(async (tx) => {
    await requireVisible(tx, actor.scope, 'customer', b.customerId, 'customerId');
    if (b.contactId && (await requireVisible(tx, actor.scope, 'contact', b.contactId, 'contactId')).customerId !== b.customerId) {
      throw new AppError('RS_VALIDATION', undefined, [{ path: 'contactId', message: 'belongs to another customer' }]);
    }
    const owner = b.ownerId ? await resolveUser(tx, b.ownerId) : { id: actor.user.id, teamId: actor.user.teamId };
    const teamId = b.teamId ? await resolveTeam(tx, b.teamId) : owner.teamId;
    const custom = await validateCustomFields(tx, 'service_request', b.custom, { partial: false });
    const status: ServiceStatus = b.ownerId && b.ownerId !== actor.user.id ? 'assigned' : 'new';
    const [row] = await tx
      .insert(serviceRequests)
      .values({
        number: documentNumber('SR'), title: b.title, description: b.description ?? null, customerId: b.customerId, contactId: b.contactId ?? null,
        category: b.category ?? null, priority: b.priority ?? 'normal', status, dueAt: date(b.dueAt) ?? null, remindAt: date(b.remindAt) ?? null,
        custom, ownerId: owner.id, teamId, createdBy: actor.user.id,
      })
      .returning();
    await tx.insert(serviceStatusHistory).values({ serviceRequestId: row!.id, fromStatus: null, toStatus: status, toOwnerId: owner.id, changedBy: actor.user.id });
    await touchLastService(tx, b.customerId, row!.createdAt);
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'service_request.create', entityType: 'service_request', entityId: row!.id, details: { priority: row!.priority }, ip: actor.ip });
    return row!;
  });
}

export async function updateRequest(db: Db, actor: Actor, id: string, b: ServiceUpdateBody): Promise<{ row: ServiceRow; previousRemindAt: Date | null }> {
  return db.transaction(async (tx) => {
    const cur = await findEditableRequestForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    if (b.version !== undefined && b.version !== cur.version) throw new AppError('RS_CONFLICT');
    if (b.contactId && (await requireVisible(tx, actor.scope, 'contact', b.contactId, 'contactId')).customerId !== cur.customerId) {
      throw new AppError('RS_VALIDATION', undefined, [{ path: 'contactId', message: 'belongs to another customer' }]);
    }
    const custom = b.custom ? { ...cur.custom, ...(await validateCustomFields(tx, 'service_request', b.custom, { partial: true, existing: cur.custom })) } : undefined;
    const remindAt = date(b.remindAt);
    const rescheduled = remindAt !== undefined && remindAt?.getTime() !== cur.remindAt?.getTime();
    const { version: _v, custom: _c, dueAt, remindAt: _r, ...fields } = b;
    const [row] = await tx
      .update(serviceRequests)
      .set({ ...fields, dueAt: date(dueAt), remindAt, ...(rescheduled ? { reminderSentAt: null } : {}), ...(custom ? { custom } : {}), version: cur.version + 1, updatedAt: new Date() })
      .where(eq(serviceRequests.id, id))
      .returning();
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'service_request.update', entityType: 'service_request', entityId: id, details: { fields: Object.keys(b) }, ip: actor.ip });
    return { row: row!, previousRemindAt: cur.remindAt };
  });
}

/** Status change kept as history (SV10); resolved/closed stamp their times; last_service_at moves. */
export async function changeStatus(db: Db, actor: Actor, id: string, b: ServiceStatusBody): Promise<void> {
  await db.transaction(async (tx) => {
    const cur = await findEditableRequestForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    if (cur.status === b.status) throw new AppError('RS_CONFLICT', `The request is already ${b.status}`);
    const now = new Date();
    const isOpen = !CLOSED_SERVICE_STATUSES.includes(b.status);
    await tx
      .update(serviceRequests)
      .set({ status: b.status, isOpen, resolvedAt: b.status === 'resolved' ? now : isOpen ? null : cur.resolvedAt, closedAt: b.status === 'closed' ? now : isOpen ? null : cur.closedAt, version: cur.version + 1, updatedAt: now })
      .where(eq(serviceRequests.id, id));
    await tx.insert(serviceStatusHistory).values({ serviceRequestId: id, fromStatus: cur.status, toStatus: b.status, note: b.note ?? null, changedBy: actor.user.id, changedAt: now });
    await touchLastService(tx, cur.customerId, now);
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'service_request.status', entityType: 'service_request', entityId: id, details: { from: cur.status, to: b.status }, ip: actor.ip });
  });
}

/** Assignment to a person and/or team (SV7); recorded in the history with the owner change. */
export async function assignRequest(db: Db, actor: Actor, id: string, b: ServiceAssignBody): Promise<void> {
  await db.transaction(async (tx) => {
    const cur = await findEditableRequestForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    const owner = b.ownerId ? await resolveUser(tx, b.ownerId) : undefined;
    const teamId = b.teamId ? await resolveTeam(tx, b.teamId) : b.teamId === null ? null : (owner?.teamId ?? cur.teamId);
    const ownerId = b.ownerId === null ? null : (owner?.id ?? cur.ownerId);
    const status: ServiceStatus = cur.status === 'new' && ownerId ? 'assigned' : cur.status;
    await tx.update(serviceRequests).set({ ownerId, teamId, status, version: cur.version + 1, updatedAt: new Date() }).where(eq(serviceRequests.id, id));
    await tx.insert(serviceStatusHistory).values({ serviceRequestId: id, fromStatus: cur.status, toStatus: status, fromOwnerId: cur.ownerId, toOwnerId: ownerId, note: b.note ?? null, changedBy: actor.user.id });
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'service_request.assign', entityType: 'service_request', entityId: id, details: { ownerId, teamId }, ip: actor.ip });
  });
}
