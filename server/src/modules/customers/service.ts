import type { CustomerCreateBody, CustomerDto, CustomerUpdateBody } from '../../contracts/customers.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import type { DataScope } from '../access/scope.ts';
import { writeAudit } from '../audit/service.ts';
import type { SessionUser } from '../auth/guard.ts';
import { validateCustomFields } from '../custom-fields/validate.ts';
import { toCustomerDto } from './dto.ts';
import { cleanPartyPhones, phonesOf, replacePartyPhones } from './phones.ts';
import { CUSTOMER_ENTITY, findCustomer, insertCustomer, updateCustomerRow } from './repository.ts';
import { phoneNumbers } from '../../db/schema/customers.ts';
import { and, eq } from 'drizzle-orm';

export interface Actor {
  user: SessionUser;
  scope: DataScope;
  ip: string | null;
  region: string;
}

/** Columns a body may set directly (phones and custom are handled separately). */
function columnsOf(body: CustomerCreateBody | CustomerUpdateBody) {
  const { phones: _p, custom: _c, nextContactAt, emails, ...rest } = body as CustomerCreateBody;
  return {
    ...rest,
    ...(emails ? { emails: [...new Set(emails.map((e) => e.trim().toLowerCase()))] } : {}),
    ...(nextContactAt !== undefined ? { nextContactAt: nextContactAt ? new Date(nextContactAt) : null } : {}),
  };
}

export async function getCustomer(db: Db, scope: DataScope, id: string): Promise<CustomerDto> {
  const row = await findCustomer(db, scope, id);
  if (!row) throw new AppError('RS_NOT_FOUND');
  return toCustomerDto(row, (await phonesOf(db, 'customer', [id])).get(id) ?? []);
}

export async function createCustomer(db: Db, body: CustomerCreateBody, a: Actor): Promise<CustomerDto> {
  const phones = cleanPartyPhones(body.phones ?? [], a.region);
  const id = await db.transaction(async (tx) => {
    const custom = await validateCustomFields(tx, 'customer', body.custom, { partial: false, region: a.region });
    const { ownerId, ...cols } = columnsOf(body) as ReturnType<typeof columnsOf> & { ownerId?: string };
    const owner = await ownerFor(tx, a, ownerId);
    const row = await insertCustomer(tx, { ...cols, custom, ...owner, createdBy: a.user.id });
    await replacePartyPhones(tx, 'customer', row.id, row.id, phones);
    await writeAudit(tx, { actorUserId: a.user.id, action: 'customer.create', entityType: CUSTOMER_ENTITY, entityId: row.id, details: { name: row.name }, ip: a.ip });
    return row.id;
  });
  return getCustomer(db, a.scope, id);
}

export async function updateCustomer(db: Db, id: string, body: CustomerUpdateBody, a: Actor): Promise<CustomerDto> {
  const current = await findCustomer(db, a.scope, id, 'edit');
  if (!current) throw new AppError('RS_NOT_FOUND');
  const phones = body.phones ? cleanPartyPhones(body.phones, a.region) : undefined;
  await db.transaction(async (tx) => {
    const patch: Record<string, unknown> = { ...columnsOf(body) };
    if (body.custom) {
      const cleaned = await validateCustomFields(tx, 'customer', body.custom, { partial: true, existing: current.custom, region: a.region });
      patch.custom = withoutNulls({ ...current.custom, ...cleaned });
    }
    await updateCustomerRow(tx, id, patch);
    if (phones) await replacePartyPhones(tx, 'customer', id, id, phones);
    await writeAudit(tx, { actorUserId: a.user.id, action: 'customer.update', entityType: CUSTOMER_ENTITY, entityId: id, details: { fields: Object.keys(body) }, ip: a.ip });
  });
  return getCustomer(db, a.scope, id);
}

/** Soft delete; its numbers leave the phone index so the screen pop no longer finds it. */
export async function deleteCustomer(db: Db, id: string, a: Actor): Promise<void> {
  const current = await findCustomer(db, a.scope, id, 'edit');
  if (!current) throw new AppError('RS_NOT_FOUND');
  await db.transaction(async (tx) => {
    await updateCustomerRow(tx, id, { deletedAt: new Date() });
    await tx.delete(phoneNumbers).where(and(eq(phoneNumbers.customerId, id)));
    await writeAudit(tx, { actorUserId: a.user.id, action: 'customer.delete', entityType: CUSTOMER_ENTITY, entityId: id, details: { name: current.name }, ip: a.ip });
  });
}

/** New records belong to the creator; a manager (or admin) may create on behalf of someone they manage. */
export async function ownerFor(db: DbOrTx, a: Actor, ownerId: string | undefined): Promise<{ ownerId: string; teamId: string | null }> {
  if (!ownerId || ownerId === a.user.id) return { ownerId: a.user.id, teamId: a.user.teamId };
  const [u] = await db.select({ teamId: users.teamId }).from(users).where(eq(users.id, ownerId));
  const manages = a.scope.kind === 'all' || a.scope.userIds.includes(ownerId) || (!!u?.teamId && a.scope.teamIds.includes(u.teamId));
  if (!u || !manages) throw new AppError('RS_VALIDATION', undefined, [{ path: 'ownerId', message: 'must be yourself or someone you manage' }]);
  return { ownerId, teamId: u.teamId };
}

export function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
}
