import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { contacts, customers } from '../../db/schema/customers.ts';
import type { DataScope } from '../access/scope.ts';
import { CUSTOMER_ENTITY } from '../customers/repository.ts';
import { scopedTo } from '../customers/fast-scope.ts';

export type ContactRow = typeof contacts.$inferSelect;
export type NewContactRow = typeof contacts.$inferInsert;
export const CONTACT_ENTITY = 'contact';

/**
 * A contact is reachable through its own ownership/shares or through its customer: whoever may see
 * (edit) the customer may see (edit) the people at it.
 */
export function contactRule(scope: DataScope, mode: 'read' | 'edit'): SQL {
  const own = mode === 'edit' ? scopedTo(scope, contacts, CONTACT_ENTITY, 'edit') : scopedTo(scope, contacts, CONTACT_ENTITY);
  const viaCustomer = mode === 'edit' ? scopedTo(scope, customers, CUSTOMER_ENTITY, 'edit') : scopedTo(scope, customers, CUSTOMER_ENTITY);
  return sql`(${own} or exists (select 1 from ${customers} where ${customers.id} = ${contacts.customerId} and ${customers.deletedAt} is null and ${viaCustomer}))`;
}

export async function findContact(db: DbOrTx, scope: DataScope, id: string, mode: 'read' | 'edit' = 'read'): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), isNull(contacts.deletedAt), contactRule(scope, mode)));
  return row;
}

/** The people at one customer (the caller has already checked the customer is visible). */
export function contactsOfCustomer(db: DbOrTx, customerId: string): Promise<ContactRow[]> {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), isNull(contacts.deletedAt)))
    .orderBy(desc(contacts.isPrimary), asc(contacts.name));
}

export async function insertContact(db: DbOrTx, values: NewContactRow): Promise<ContactRow> {
  const [row] = await db.insert(contacts).values(values).returning();
  return row!;
}

export async function updateContactRow(db: DbOrTx, id: string, patch: Partial<NewContactRow>): Promise<ContactRow> {
  const [row] = await db
    .update(contacts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(contacts.id, id))
    .returning();
  return row!;
}

/** True when making `managerId` the boss of `contactId` would close a reporting loop. */
export async function wouldCycle(db: DbOrTx, contactId: string, managerId: string): Promise<boolean> {
  const rows = await db.execute<{ hit: boolean }>(sql`
    with recursive chain(id, depth) as (
      select ${managerId}::uuid, 0
      union all
      select c.reports_to_contact_id, chain.depth + 1 from contacts c join chain on c.id = chain.id
      where c.reports_to_contact_id is not null and chain.depth < 100
    )
    select exists (select 1 from chain where id = ${contactId}::uuid) as hit`);
  return rows[0]!.hit;
}

export async function sameCustomerContact(db: DbOrTx, id: string, customerId: string | null): Promise<boolean> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, id), isNull(contacts.deletedAt), customerId ? eq(contacts.customerId, customerId) : or(isNull(contacts.customerId))));
  return !!row;
}
