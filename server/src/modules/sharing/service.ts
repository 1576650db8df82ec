import { and, asc, eq } from 'drizzle-orm';
import type { ShareBody, TransferBody } from '../../contracts/customers.ts';
import type { Db } from '../../db/client.ts';
import { contacts } from '../../db/schema/customers.ts';
import { recordShares } from '../../db/schema/ownership.ts';
import { teams, users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { canManage, CUSTOMER_ENTITY, findCustomer, updateCustomerRow } from '../customers/repository.ts';
import type { Actor } from '../customers/service.ts';

type ShareRow = typeof recordShares.$inferSelect;
const toDto = (r: ShareRow) => ({ id: r.id, userId: r.userId, teamId: r.teamId, canEdit: r.canEdit, createdAt: r.createdAt.toISOString() });

/** Visible and managed by the actor (owner, their managers, team managers, admins); else 404/403. */
async function managedCustomer(db: Db, id: string, a: Actor) {
  const c = await findCustomer(db, a.scope, id);
  if (!c) throw new AppError('RS_NOT_FOUND');
  if (!canManage(a.scope, c)) throw new AppError('RS_FORBIDDEN', 'Only the owner, their managers or an admin may do this');
  return c;
}

export async function listShares(db: Db, customerId: string, a: Actor) {
  await managedCustomer(db, customerId, a);
  const rows = await db
    .select()
    .from(recordShares)
    .where(and(eq(recordShares.entityType, CUSTOMER_ENTITY), eq(recordShares.entityId, customerId)))
    .orderBy(asc(recordShares.createdAt));
  return rows.map(toDto);
}

async function checkTarget(db: Db, body: ShareBody): Promise<void> {
  const bad = (path: string, message: string) => new AppError('RS_VALIDATION', undefined, [{ path, message }]);
  if (!!body.userId === !!body.teamId) throw bad('userId', 'give exactly one of userId or teamId');
  if (body.userId && !(await db.select({ id: users.id }).from(users).where(eq(users.id, body.userId))).length) throw bad('userId', 'no such user');
  if (body.teamId && !(await db.select({ id: teams.id }).from(teams).where(eq(teams.id, body.teamId))).length) throw bad('teamId', 'no such team');
}

export async function shareCustomer(db: Db, customerId: string, body: ShareBody, a: Actor) {
  await managedCustomer(db, customerId, a);
  await checkTarget(db, body);
  return db.transaction(async (tx) => {
    const target = body.userId ? eq(recordShares.userId, body.userId) : eq(recordShares.teamId, body.teamId!);
    // Sharing again with the same user/team updates the edit right instead of adding a duplicate row.
    await tx.delete(recordShares).where(and(eq(recordShares.entityType, CUSTOMER_ENTITY), eq(recordShares.entityId, customerId), target));
    const [row] = await tx
      .insert(recordShares)
      .values({ entityType: CUSTOMER_ENTITY, entityId: customerId, userId: body.userId ?? null, teamId: body.teamId ?? null, canEdit: body.canEdit ?? false, createdBy: a.user.id })
      .returning();
    await writeAudit(tx, { actorUserId: a.user.id, action: 'customer.share', entityType: CUSTOMER_ENTITY, entityId: customerId, details: { ...body }, ip: a.ip });
    return toDto(row!);
  });
}

export async function unshareCustomer(db: Db, customerId: string, shareId: string, a: Actor): Promise<void> {
  await managedCustomer(db, customerId, a);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(recordShares)
      .where(and(eq(recordShares.id, shareId), eq(recordShares.entityType, CUSTOMER_ENTITY), eq(recordShares.entityId, customerId)))
      .returning();
    if (!gone.length) throw new AppError('RS_NOT_FOUND');
    await writeAudit(tx, { actorUserId: a.user.id, action: 'customer.unshare', entityType: CUSTOMER_ENTITY, entityId: customerId, details: { shareId, userId: gone[0]!.userId, teamId: gone[0]!.teamId }, ip: a.ip });
  });
}

/** Hands the customer (and by default its contacts) to another user; their team follows unless given. */
export async function transferCustomer(db: Db, customerId: string, body: TransferBody, a: Actor): Promise<void> {
  const c = await managedCustomer(db, customerId, a);
  const [owner] = await db.select({ id: users.id, teamId: users.teamId, active: users.active }).from(users).where(eq(users.id, body.ownerId));
  if (!owner?.active) throw new AppError('RS_VALIDATION', undefined, [{ path: 'ownerId', message: 'no such active user' }]);
  const teamId = body.teamId === undefined ? owner.teamId : body.teamId;
  await db.transaction(async (tx) => {
    await updateCustomerRow(tx, customerId, { ownerId: owner.id, teamId });
    if (body.includeContacts !== false) await tx.update(contacts).set({ ownerId: owner.id, teamId, updatedAt: new Date() }).where(eq(contacts.customerId, customerId));
    await writeAudit(tx, { actorUserId: a.user.id, action: 'customer.transfer', entityType: CUSTOMER_ENTITY, entityId: customerId, details: { from: c.ownerId, to: owner.id, teamId }, ip: a.ip });
  });
}
