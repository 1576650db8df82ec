import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Customer360, TimelinePage } from '../../contracts/customers.ts';
import type { DbOrTx } from '../../db/client.ts';
import { customers } from '../../db/schema/customers.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import type { DataScope } from '../access/scope.ts';
import { toCustomerDto } from '../customers/dto.ts';
import type { PhoneView } from '../customers/phones.ts';
import { CUSTOMER_ENTITY } from '../customers/repository.ts';
import * as s from './sections.ts';
import { scopedTo } from '../customers/fast-scope.ts';

const SYSTEM_SCOPE: DataScope = { kind: 'all', userId: 'system' };
type Rows = Record<string, unknown>[];

export type { Customer360, TimelinePage };

export const encodeCursor = (c: s.TimelineCursor) => Buffer.from(`${c.at}|${c.id}`).toString('base64url');

export function decodeCursor(raw: string | undefined): s.TimelineCursor | undefined {
  if (!raw) return undefined;
  const [at, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const ok = at && id && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/i.test(id);
  if (!ok) throw new AppError('RS_VALIDATION', undefined, [{ path: 'cursor', message: 'not a cursor from a previous page' }]);
  return { at, id };
}

/** Trims the look-ahead row and turns the last item into the next cursor. */
export function pageOf(rows: Rows, limit: number): TimelinePage {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const at = last ? new Date(String(last.occurredAt)).toISOString() : '';
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at, id: String(last.id) }) : null };
}

/**
 * The whole customer 360 (C3–C7) in ONE SQL statement: customer row + owner, phones, contacts,
 * relations, open opportunities, quotes, orders, payments, service requests, header figures and the
 * first timeline page. Scope-limited when a scope is given; 404 when the customer is not visible.
 */
export async function customer360Scoped(db: DbOrTx, scope: DataScope, customerId: string, timelineLimit = 20): Promise<Customer360> {
  const [row] = await db
    .select({
      customer: customers,
      ownerName: users.displayName,
      phones: sql<PhoneView[]>`${s.phonesSection()}`,
      contacts: sql<Rows>`${s.contactsSection()}`,
      relations: sql<Rows>`${s.relationsSection(scope)}`,
      opportunities: sql<Rows>`${s.opportunitiesSection(scope)}`,
      quotes: sql<Rows>`${s.quotesSection(scope)}`,
      orders: sql<Rows>`${s.ordersSection(scope)}`,
      payments: sql<Rows>`${s.paymentsSection(scope)}`,
      serviceRequests: sql<Rows>`${s.serviceSection(scope)}`,
      stats: sql<Record<string, unknown>>`${s.statsSection(scope)}`,
      timeline: sql<Rows>`${s.timelineSection(scope, timelineLimit)}`,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt), scopedTo(scope, customers, CUSTOMER_ENTITY)));
  if (!row) throw new AppError('RS_NOT_FOUND');
  const { customer, ownerName, phones, timeline, ...sections } = row;
  return { customer: toCustomerDto({ ...customer, ownerName }, phones), ...sections, timeline: pageOf(timeline, timelineLimit) };
}

/** Scope-free 360 for the telephony screen pop (runs as the system for the agent being offered a call). */
export function customer360(db: DbOrTx, customerId: string, opts: { timelineLimit?: number } = {}): Promise<Customer360> {
  return customer360Scoped(db, SYSTEM_SCOPE, customerId, opts.timelineLimit);
}

/** Further timeline pages (the first comes with the 360). */
export async function timelinePage(db: DbOrTx, scope: DataScope, customerId: string, limit: number, cursor?: string): Promise<TimelinePage> {
  const [row] = await db
    .select({ timeline: sql<Rows>`${s.timelineSection(scope, limit, decodeCursor(cursor))}` })
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt), scopedTo(scope, customers, CUSTOMER_ENTITY)));
  if (!row) throw new AppError('RS_NOT_FOUND');
  return pageOf(row.timeline, limit);
}
