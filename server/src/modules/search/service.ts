import { and, asc, desc, eq, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SearchHit, SearchResult } from '../../contracts/search.ts';
import type { DbOrTx } from '../../db/client.ts';
import { contacts, customers } from '../../db/schema/customers.ts';
import { leads } from '../../db/schema/leads.ts';
import type { DataScope } from '../access/scope.ts';
import { likeEscape } from '../customers/list.ts';
import { CUSTOMER_ENTITY } from '../customers/repository.ts';
import { normalizePhone } from '../phones/normalize.ts';
import { lookupByNumberScoped } from './phone-lookup.ts';
import { scopedTo } from '../customers/fast-scope.ts';

export type QueryKind = 'phone' | 'email' | 'name';

/** What the box holds: a number (5+ digits, phone punctuation only), an e-mail address, or a name. */
export function classifyQuery(q: string): QueryKind {
  if (/^[\d\s\-+().]+$/.test(q) && (q.match(/\d/g) ?? []).length >= 5) return 'phone';
  if (/^[^\s@]+@[^\s@]+$/.test(q)) return 'email';
  return 'name';
}

/**
 * Best first: exact name, then prefix, then trigram similarity, shorter names first. 3+ characters:
 * ILIKE '%q%' is served by the pg_trgm GIN index. 1–2 characters (typically Chinese, "华为") give no
 * trigram, so they go through the rs_name_grams GIN index (every 1- and 2-character substring,
 * migration 0008) and ILIKE only rechecks.
 */
export function nameMatch(col: AnyColumn | SQL, q: string): SQL {
  const like = sql`${col} ilike ${`%${likeEscape(q)}%`}`;
  if ([...q].length > 2) return like;
  return sql`(rs_name_grams(${col}) @> array[lower(${q})]::text[] and ${like})`;
}

function byName(col: AnyColumn, q: string): { where: SQL; order: SQL[] } {
  return {
    where: nameMatch(col, q),
    order: [desc(sql`${col} = ${q}`), desc(sql`${col} ilike ${likeEscape(q) + '%'}`), desc(sql`similarity(${col}, ${q})`), asc(sql`length(${col})`)],
  };
}

async function searchCustomers(db: DbOrTx, scope: DataScope, q: string, kind: QueryKind, limit: number): Promise<SearchHit[]> {
  const match = kind === 'email' ? { where: sql`${customers.emails} @> array[${q.toLowerCase()}]::text[]`, order: [asc(customers.name)] } : byName(customers.name, q);
  const rows = await db
    .select({ id: customers.id, name: customers.name, subtitle: customers.level })
    .from(customers)
    .where(and(isNull(customers.deletedAt), match.where, scopedTo(scope, customers, CUSTOMER_ENTITY)))
    .orderBy(...match.order)
    .limit(limit);
  return rows.map((r) => ({ ...r, customerId: r.id, matchedBy: kind }));
}

/**
 * A contact is visible through its own ownership or through its customer (contacts/repository.ts). The
 * two are queried separately so each can use its indexes (an OR with a correlated EXISTS forces a scan
 * of every name match), then merged: the customer branch is driven by the scope's customers.
 */
async function searchContacts(db: DbOrTx, scope: DataScope, q: string, kind: QueryKind, limit: number): Promise<SearchHit[]> {
  const match = kind === 'email' ? { where: sql`${contacts.emails} @> array[${q.toLowerCase()}]::text[]`, order: [asc(contacts.name)] } : byName(contacts.name, q);
  const branch = (rule: SQL) =>
    db
      .select({ id: contacts.id, name: contacts.name, subtitle: customers.name, customerId: contacts.customerId })
      .from(contacts)
      .leftJoin(customers, eq(customers.id, contacts.customerId))
      .where(and(isNull(contacts.deletedAt), match.where, rule))
      .orderBy(...match.order)
      .limit(limit);
  const viaCustomer = and(isNull(customers.deletedAt), scopedTo(scope, customers, CUSTOMER_ENTITY))!;
  const [own, via] = scope.kind === 'all' ? [await branch(sql`true`), []] : await Promise.all([branch(scopedTo(scope, contacts, 'contact')), branch(viaCustomer)]);
  const seen = new Set<string>();
  return [...own, ...via]
    .sort((x, y) => rankOf(x, q) - rankOf(y, q) || x.name.length - y.name.length)
    .filter((r) => !seen.has(r.id) && !!seen.add(r.id))
    .slice(0, limit)
    .map((r) => ({ ...r, matchedBy: kind }));
}

/** Merging two ranked branches: exact name first, then prefix, then the rest. */
function rankOf(r: { name: string }, q: string): number {
  const n = r.name.toLowerCase();
  const l = q.toLowerCase();
  return n === l ? 0 : n.startsWith(l) ? 1 : 2;
}

async function searchLeads(db: DbOrTx, scope: DataScope, q: string, kind: QueryKind, limit: number): Promise<SearchHit[]> {
  const name = byName(leads.name, q);
  const where = kind === 'email' ? sql`lower(${leads.email}) = ${q.toLowerCase()}` : or(name.where, [...q].length > 2 ? sql`${leads.company} ilike ${`%${likeEscape(q)}%`}` : nameMatch(sql`coalesce(${leads.company}, '')`, q));
  const rows = await db
    .select({ id: leads.id, name: leads.name, subtitle: leads.company, customerId: leads.convertedCustomerId })
    .from(leads)
    .where(and(isNull(leads.deletedAt), where, scopedTo(scope, leads, 'lead')))
    .orderBy(...(kind === 'email' ? [asc(leads.name)] : name.order))
    .limit(limit);
  return rows.map((r) => ({ ...r, matchedBy: kind }));
}

async function searchPhone(db: DbOrTx, scope: DataScope, q: string, region: string, limit: number): Promise<SearchResult> {
  const e164 = normalizePhone(q, region)?.e164;
  const out: SearchResult = { q, customers: [], contacts: [], leads: [] };
  if (!e164) return out;
  for (const m of await lookupByNumberScoped(db, scope, e164, limit * 3)) {
    const group = m.partyType === 'customer' ? out.customers : m.partyType === 'contact' ? out.contacts : out.leads;
    if (group.length < limit) group.push({ id: m.partyId, name: m.name, subtitle: m.partyType === 'contact' ? m.customerName : null, customerId: m.customerId, matchedBy: 'phone' });
  }
  return out;
}

/** The one search box: customers, contacts and leads by name, phone (any format) or e-mail, within scope. */
export async function search(db: DbOrTx, scope: DataScope, rawQ: string, region: string, limit: number): Promise<SearchResult> {
  const q = rawQ.trim();
  const kind = classifyQuery(q);
  if (kind === 'phone') return searchPhone(db, scope, q, region, limit);
  const [c, p, l] = await Promise.all([searchCustomers(db, scope, q, kind, limit), searchContacts(db, scope, q, kind, limit), searchLeads(db, scope, q, kind, limit)]);
  return { q, customers: c, contacts: p, leads: l };
}
