import { and, asc, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { CustomerListQuery } from '../../contracts/customers.ts';
import type { DbOrTx } from '../../db/client.ts';
import { customers } from '../../db/schema/customers.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import type { DataScope } from '../access/scope.ts';
import { CUSTOMER_ENTITY, type CustomerWithOwner } from './repository.ts';
import { scopedTo } from './fast-scope.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Escapes LIKE wildcards so a user's "%" or "_" is searched literally. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The three recency views (C17), relative to `now` so tests can pin the clock. */
function recency(view: CustomerListQuery['view'], now: Date): SQL | undefined {
  const weekAgo = new Date(now.getTime() - 7 * DAY);
  if (view === 'next7') return and(gte(customers.nextContactAt, now), lt(customers.nextContactAt, new Date(now.getTime() + 7 * DAY)));
  if (view === 'contacted7') return gte(customers.lastContactAt, weekAgo);
  if (view === 'notContacted7') return or(isNull(customers.lastContactAt), lt(customers.lastContactAt, weekAgo));
  return undefined;
}

function customEquals(raw: string | undefined): SQL | undefined {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppError('RS_VALIDATION', undefined, [{ path: 'custom', message: 'must be a JSON object of field key to value' }]);
  }
  // jsonb containment uses the customers_custom_gin index.
  return sql`${customers.custom} @> ${JSON.stringify(parsed)}::jsonb`;
}

export function customerFilter(scope: DataScope, q: Omit<CustomerListQuery, 'page' | 'pageSize'>, now: Date): SQL {
  return and(
    isNull(customers.deletedAt),
    scopedTo(scope, customers, CUSTOMER_ENTITY),
    q.name ? ilike(customers.name, `%${likeEscape(q.name)}%`) : undefined,
    q.level ? eq(customers.level, q.level) : undefined,
    q.industry ? eq(customers.industry, q.industry) : undefined,
    q.ownerId ? eq(customers.ownerId, q.ownerId) : undefined,
    recency(q.view, now),
    customEquals(q.custom),
  )!;
}

function orderOf(sort: CustomerListQuery['sort']): SQL[] {
  const s: string = sort ?? '-updatedAt';
  const col = customers[s.replace(/^-/, '') as 'name' | 'updatedAt' | 'lastContactAt' | 'nextContactAt'];
  const dir = s.startsWith('-') ? desc(col) : asc(col);
  return [sql`${dir} nulls last`, asc(customers.id)];
}

export async function listCustomers(db: DbOrTx, scope: DataScope, q: CustomerListQuery, now: Date): Promise<{ rows: CustomerWithOwner[]; total: number }> {
  const where = customerFilter(scope, q, now);
  const [rows, count] = await Promise.all([
    db
      .select({ customer: customers, ownerName: users.displayName })
      .from(customers)
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(where)
      .orderBy(...orderOf(q.sort))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(customers).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.customer, ownerName: r.ownerName })), total: count[0]!.n };
}
