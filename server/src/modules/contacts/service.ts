import type { ContactCreateBody, ContactDto, ContactUpdateBody } from '../../contracts/customers.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { validateCustomFields } from '../custom-fields/validate.ts';
import { cleanPartyPhones, phonesOf, replacePartyPhones, type PhoneView } from '../customers/phones.ts';
import { findCustomer } from '../customers/repository.ts';
import { withoutNulls, type Actor } from '../customers/service.ts';
import { CONTACT_ENTITY, contactsOfCustomer, findContact, insertContact, sameCustomerContact, updateContactRow, wouldCycle, type ContactRow } from './repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toContactDto(c: ContactRow, phones: PhoneView[]): ContactDto {
  const { deletedAt: _d, createdBy: _c, lastContactAt, createdAt, updatedAt, ...rest } = c;
  return { ...rest, phones, lastContactAt: iso(lastContactAt), createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

function columnsOf<B extends ContactCreateBody | ContactUpdateBody>(body: B) {
  const { phones: _p, custom: _c, emails, ...rest } = body;
  return { ...rest, ...(emails ? { emails: [...new Set(emails.map((e) => e.trim().toLowerCase()))] } : {}) };
}

async function checkReportsTo(db: DbOrTx, contactId: string | null, customerId: string | null, managerId: string | null | undefined): Promise<void> {
  if (!managerId) return;
  const bad = (message: string) => new AppError('RS_VALIDATION', undefined, [{ path: 'reportsToContactId', message }]);
  if (managerId === contactId) throw bad('a contact cannot report to themselves');
  if (!(await sameCustomerContact(db, managerId, customerId))) throw bad('must be a contact of the same customer');
  if (contactId && (await wouldCycle(db, contactId, managerId))) throw bad('would create a reporting loop');
}

export async function listContacts(db: Db, customerId: string, a: Pick<Actor, 'scope'>): Promise<ContactDto[]> {
  if (!(await findCustomer(db, a.scope, customerId))) throw new AppError('RS_NOT_FOUND');
  const rows = await contactsOfCustomer(db, customerId);
  const phones = await phonesOf(db, 'contact', rows.map((r) => r.id));
  return rows.map((r) => toContactDto(r, phones.get(r.id) ?? []));
}

export async function getContact(db: DbOrTx, id: string, a: Pick<Actor, 'scope'>): Promise<ContactDto> {
  const row = await findContact(db, a.scope, id);
  if (!row) throw new AppError('RS_NOT_FOUND');
  return toContactDto(row, (await phonesOf(db, 'contact', [id])).get(id) ?? []);
}

export async function createContact(db: Db, customerId: string, body: ContactCreateBody, a: Actor): Promise<ContactDto> {
  const customer = await findCustomer(db, a.scope, customerId, 'edit');
  if (!customer) throw new AppError('RS_NOT_FOUND');
  const phones = cleanPartyPhones(body.phones ?? [], a.region);
  await checkReportsTo(db, null, customerId, body.reportsToContactId);
  const id = await db.transaction(async (tx) => {
    const custom = await validateCustomFields(tx, 'contact', body.custom, { partial: false, region: a.region });
    // People at a customer belong to the customer's owner and team, so the same managers see them.
    const row = await insertContact(tx, { ...columnsOf(body), customerId, custom, ownerId: customer.ownerId, teamId: customer.teamId, createdBy: a.user.id });
    await replacePartyPhones(tx, 'contact', row.id, customerId, phones);
    await writeAudit(tx, { actorUserId: a.user.id, action: 'contact.create', entityType: CONTACT_ENTITY, entityId: row.id, details: { customerId, name: row.name }, ip: a.ip });
    return row.id;
  });
  return getContact(db, id, a);
}

export async function updateContact(db: Db, id: string, body: ContactUpdateBody, a: Actor): Promise<ContactDto> {
  const current = await findContact(db, a.scope, id, 'edit');
  if (!current) throw new AppError('RS_NOT_FOUND');
  const phones = body.phones ? cleanPartyPhones(body.phones, a.region) : undefined;
  await checkReportsTo(db, id, current.customerId, body.reportsToContactId);
  await db.transaction(async (tx) => {
    const patch: Record<string, unknown> = { ...columnsOf(body) };
    if (body.custom) {
      const cleaned = await validateCustomFields(tx, 'contact', body.custom, { partial: true, existing: current.custom, region: a.region });
      patch.custom = withoutNulls({ ...current.custom, ...cleaned });
    }
    await updateContactRow(tx, id, patch);
    if (phones) await replacePartyPhones(tx, 'contact', id, current.customerId, phones);
    await writeAudit(tx, { actorUserId: a.user.id, action: 'contact.update', entityType: CONTACT_ENTITY, entityId: id, details: { fields: Object.keys(body) }, ip: a.ip });
  });
  return getContact(db, id, a);
}

export async function deleteContact(db: Db, id: string, a: Actor): Promise<void> {
  const current = await findContact(db, a.scope, id, 'edit');
  if (!current) throw new AppError('RS_NOT_FOUND');
  await db.transaction(async (tx) => {
    await updateContactRow(tx, id, { deletedAt: new Date() });
    await replacePartyPhones(tx, 'contact', id, current.customerId, []);
    await writeAudit(tx, { actorUserId: a.user.id, action: 'contact.delete', entityType: CONTACT_ENTITY, entityId: id, details: { name: current.name }, ip: a.ip });
  });
}
