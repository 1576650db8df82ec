import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { contacts, customers } from '../../db/schema/customers.ts';
import { leads } from '../../db/schema/leads.ts';
import { opportunities } from '../../db/schema/opportunities.ts';
import { serviceRequests } from '../../db/schema/service.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import type { DataScope } from '../access/scope.ts';
import { visibleTo } from '../access/visibility.ts';

const linkable = {
  customer: { table: customers, deleted: customers.deletedAt },
  contact: { table: contacts, deleted: contacts.deletedAt },
  lead: { table: leads, deleted: leads.deletedAt },
  opportunity: { table: opportunities, deleted: opportunities.deletedAt },
  service_request: { table: serviceRequests, deleted: serviceRequests.deletedAt },
} as const;
export type LinkType = keyof typeof linkable;

/**
 * A record referenced from a request body must exist and be visible to the caller; otherwise a field
 * error (same message either way, so existence is not leaked).
 */
export async function requireVisible(db: DbOrTx, scope: DataScope | null, type: LinkType, id: string, path: string): Promise<{ customerId: string | null }> {
  const { table, deleted } = linkable[type];
  const where: SQL[] = [eq(table.id, id), isNull(deleted)];
  if (scope) where.push(visibleTo(scope, table, type));
  const cust = 'customerId' in table ? table.customerId : table.id;
  const rows = await db.select({ id: table.id, customerId: cust }).from(table).where(and(...where));
  const row = rows[0];
  if (!row) throw new AppError('RS_VALIDATION', undefined, [{ path, message: `no such ${type.replace('_', ' ')}` }]);
  return { customerId: type === 'lead' ? null : (row.customerId as string | null) };
}

/** An active user to own a record, with their team; unknown or inactive → a field error. */
export async function resolveUser(db: DbOrTx, id: string, path = 'ownerId'): Promise<{ id: string; teamId: string | null }> {
  const [u] = await db.select({ id: users.id, teamId: users.teamId }).from(users).where(and(eq(users.id, id), eq(users.active, true)));
  if (!u) throw new AppError('RS_VALIDATION', undefined, [{ path, message: 'no such active user' }]);
  return u;
}
