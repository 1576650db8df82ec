import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { leads } from '../../db/schema/leads.ts';
import { users } from '../../db/schema/users.ts';
import type { LeadCreateBody, LeadUpdateBody } from '../../contracts/leads.ts';
import { AppError } from '../../errors/catalog.ts';
import type { DataScope } from '../access/scope.ts';
import { writeAudit } from '../audit/service.ts';
import type { SessionUser } from '../auth/guard.ts';
import { cleanLeadCustom } from './custom-values.ts';
import { cleanPhones } from './phones.ts';
import { findEditableLeadForUpdate, replaceLeadPhones, type LeadRow } from './repository.ts';

export interface Actor {
  user: SessionUser;
  scope: DataScope;
  ip: string | null;
  region: string;
}

const mayAssign = (u: SessionUser) => u.roles.includes('admin') || u.roles.includes('supervisor');

/** An active user to own a record, with their team; unknown or inactive → a field error, not a 404. */
export async function resolveOwner(db: DbOrTx, ownerId: string, path = 'ownerId'): Promise<{ id: string; teamId: string | null }> {
  const [u] = await db.select({ id: users.id, teamId: users.teamId }).from(users).where(and(eq(users.id, ownerId), eq(users.active, true)));
  if (!u) throw new AppError('RS_VALIDATION', undefined, [{ path, message: 'no such active user' }]);
  return u;
}

export async function createLead(db: Db, actor: Actor, body: LeadCreateBody): Promise<LeadRow> {
  const phones = cleanPhones(body.phones ?? [], actor.region);
  if (body.ownerId && body.ownerId !== actor.user.id && !mayAssign(actor.user)) throw new AppError('RS_FORBIDDEN');
  const owner = body.ownerId ? await resolveOwner(db, body.ownerId) : { id: actor.user.id, teamId: actor.user.teamId };
  return db.transaction(async (tx) => {
    const custom = await cleanLeadCustom(tx, body.custom ?? {}, { partial: false, region: actor.region });
    const [row] = await tx
      .insert(leads)
      .values({
        name: body.name, company: body.company ?? null, title: body.title ?? null, email: body.email ?? null,
        source: body.source ?? 'manual', industry: body.industry ?? null, address: body.address ?? null, notes: body.notes ?? null,
        custom, ownerId: owner.id, teamId: owner.teamId, createdBy: actor.user.id,
      })
      .returning();
    await replaceLeadPhones(tx, row!.id, phones);
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'lead.create', entityType: 'lead', entityId: row!.id, details: { source: row!.source }, ip: actor.ip });
    return row!;
  });
}

export async function updateLead(db: Db, actor: Actor, id: string, body: LeadUpdateBody): Promise<LeadRow> {
  const phones = body.phones ? cleanPhones(body.phones, actor.region) : undefined;
  const { phones: _p, custom: customIn, ...fields } = body;
  return db.transaction(async (tx) => {
    const current = await findEditableLeadForUpdate(tx, actor.scope, id);
    if (!current) throw new AppError('RS_NOT_FOUND');
    const custom = customIn ? await cleanLeadCustom(tx, customIn, { partial: true, existing: current.custom, region: actor.region }) : undefined;
    if (current.status === 'converted' || body.status === 'converted') throw new AppError('RS_CONFLICT', 'A converted lead cannot be edited; convert it through the conversion route');
    const patch = { ...fields, status: fields.status as LeadRow['status'] | undefined, ...(custom ? { custom: { ...current.custom, ...custom } } : {}), updatedAt: new Date() };
    const [row] = await tx.update(leads).set(patch).where(eq(leads.id, id)).returning();
    if (phones) await replaceLeadPhones(tx, id, phones);
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'lead.update', entityType: 'lead', entityId: id, details: { fields: Object.keys(body) }, ip: actor.ip });
    return row!;
  });
}

export async function assignLead(db: Db, actor: Actor, id: string, ownerId: string, teamId?: string | null): Promise<LeadRow> {
  const owner = await resolveOwner(db, ownerId);
  return db.transaction(async (tx) => {
    const current = await findEditableLeadForUpdate(tx, actor.scope, id);
    if (!current) throw new AppError('RS_NOT_FOUND');
    const team = teamId === undefined ? owner.teamId : teamId;
    const [row] = await tx.update(leads).set({ ownerId: owner.id, teamId: team, updatedAt: new Date() }).where(eq(leads.id, id)).returning();
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'lead.assign', entityType: 'lead', entityId: id, details: { from: current.ownerId, to: owner.id }, ip: actor.ip });
    return row!;
  });
}
