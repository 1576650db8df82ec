import { and, eq, isNotNull, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PhoneMatchDto } from '../../contracts/customers.ts';
import type { DbOrTx } from '../../db/client.ts';
import { contacts, customers, phoneNumbers } from '../../db/schema/customers.ts';
import { leads } from '../../db/schema/leads.ts';
import type { DataScope } from '../access/scope.ts';
import { contactRule } from '../contacts/repository.ts';
import { CUSTOMER_ENTITY } from '../customers/repository.ts';
import { scopedTo } from '../customers/fast-scope.ts';

const SYSTEM_SCOPE: DataScope = { kind: 'all', userId: 'system' };
const PARTY_ORDER = { contact: 0, customer: 1, lead: 2 } as const;

/**
 * Every live customer, contact and lead behind one E.164 number that the scope may see: one probe of
 * phone_numbers_e164_idx plus primary-key joins. Contacts first (the person calling), then companies.
 */
export async function lookupByNumberScoped(db: DbOrTx, scope: DataScope, e164: string, limit = 20): Promise<PhoneMatchDto[]> {
  const party = alias(customers, 'party_customer');
  const parent = alias(customers, 'parent_customer');
  const rows = await db
    .select({
      partyType: phoneNumbers.partyType,
      partyId: phoneNumbers.partyId,
      customerId: phoneNumbers.customerId,
      e164: phoneNumbers.e164,
      names: { customer: party.name, contact: contacts.name, lead: leads.name },
      customerName: parent.name,
    })
    .from(phoneNumbers)
    .leftJoin(party, and(eq(phoneNumbers.partyType, 'customer'), eq(party.id, phoneNumbers.partyId), isNull(party.deletedAt), scopedTo(scope, party, CUSTOMER_ENTITY)))
    .leftJoin(contacts, and(eq(phoneNumbers.partyType, 'contact'), eq(contacts.id, phoneNumbers.partyId), isNull(contacts.deletedAt), contactRule(scope, 'read')))
    .leftJoin(leads, and(eq(phoneNumbers.partyType, 'lead'), eq(leads.id, phoneNumbers.partyId), isNull(leads.deletedAt), scopedTo(scope, leads, 'lead')))
    .leftJoin(parent, and(eq(parent.id, phoneNumbers.customerId), isNull(parent.deletedAt)))
    .where(and(eq(phoneNumbers.e164, e164), or(isNotNull(party.id), isNotNull(contacts.id), isNotNull(leads.id))))
    .limit(limit)
    .prepare('phone_lookup')
    .execute();
  return rows
    .map((r) => ({
      partyType: r.partyType,
      partyId: r.partyId,
      name: r.names[r.partyType] ?? '',
      customerId: r.customerId,
      customerName: r.customerName,
      e164: r.e164,
    }))
    .sort((a, b) => PARTY_ORDER[a.partyType] - PARTY_ORDER[b.partyType]);
}

/**
 * Scope-free lookup for the telephony screen pop (runs as the system). Pass an E.164 number; callers
 * holding a raw caller ID normalise it first with lookupKey(raw, config.PHONE_DEFAULT_REGION).
 */
export function lookupByNumber(db: DbOrTx, e164: string): Promise<PhoneMatchDto[]> {
  return lookupByNumberScoped(db, SYSTEM_SCOPE, e164);
}
