import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { customers } from '../../db/schema/customers.ts';
import { users } from '../../db/schema/users.ts';
import type { DataScope } from '../access/scope.ts';
import { scopedTo } from './fast-scope.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = typeof customers.$inferInsert;
export type CustomerWithOwner = CustomerRow & { ownerName: string | null };

/** Entity type under which customer shares are stored in record_shares. */
export const CUSTOMER_ENTITY = 'customer';

/** A live customer the scope may read ('read') or change ('edit'); undefined hides existence. */
export async function findCustomer(db: DbOrTx, scope: DataScope, id: string, mode: 'read' | 'edit' = 'read'): Promise<CustomerWithOwner | undefined> {
  const rule = mode === 'edit' ? scopedTo(scope, customers, CUSTOMER_ENTITY, 'edit') : scopedTo(scope, customers, CUSTOMER_ENTITY);
  const [row] = await db
    .select({ customer: customers, ownerName: users.displayName })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.id, id), isNull(customers.deletedAt), rule));
  return row ? { ...row.customer, ownerName: row.ownerName } : undefined;
}

/** Scope-free read for system callers (screen pop, 360 service). */
export async function findCustomerById(db: DbOrTx, id: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(customers).where(and(eq(customers.id, id), isNull(customers.deletedAt)));
  return row;
}

export async function insertCustomer(db: DbOrTx, values: NewCustomerRow): Promise<CustomerRow> {
  const [row] = await db.insert(customers).values(values).returning();
  return row!;
}

export async function updateCustomerRow(db: DbOrTx, id: string, patch: Partial<NewCustomerRow>): Promise<CustomerRow> {
  const [row] = await db
    .update(customers)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(customers.id, id))
    .returning();
  return row!;
}

/** Owner, their managers (scope.userIds holds the owner for them) and team managers may share/transfer. */
export function canManage(scope: DataScope, row: { ownerId: string | null; teamId: string | null }): boolean {
  if (scope.kind === 'all') return true;
  if (row.ownerId && scope.userIds.includes(row.ownerId)) return true;
  return !!row.teamId && scope.teamIds.includes(row.teamId);
}
