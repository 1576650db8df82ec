import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import type { DedupeKey } from '../../../db/schema/lead-imports.ts';
import type { LeadCandidate } from './rows.ts';

export interface ExistingMatch {
  kind: 'lead' | 'customer' | 'contact';
  id: string;
  key: DedupeKey;
}

/** The lookup keys of a candidate, as "phone:+86…", "email:a@b", "company:ACME". */
export function keysOf(c: LeadCandidate, keys: readonly DedupeKey[]): string[] {
  const out: string[] = [];
  if (keys.includes('phone')) for (const p of c.phones) out.push(`phone:${p.e164}`);
  if (keys.includes('email') && c.email) out.push(`email:${c.email.toLowerCase()}`);
  if (keys.includes('company') && c.company) out.push(`company:${c.company}`);
  return out;
}

/** One json parameter instead of thousands of bind parameters (see write.ts). */
const list = (values: string[]): SQL => sql`select json_array_elements_text(${JSON.stringify(values)}::json)`;

type Row = { k: string; kind: ExistingMatch['kind']; id: string };

/**
 * For one chunk, every existing record sharing a key with a candidate: phones through the E.164 index
 * (leads, customers, contacts), emails case-insensitively, company names exactly. A lead match wins over
 * a customer/contact one so the "update" policy has something it may update.
 */
export async function findExisting(db: DbOrTx, cands: readonly LeadCandidate[], keys: readonly DedupeKey[]): Promise<Map<string, ExistingMatch>> {
  const want = { phone: new Set<string>(), email: new Set<string>(), company: new Set<string>() };
  for (const c of cands) {
    for (const k of keysOf(c, keys)) {
      const [type, ...rest] = k.split(':');
      want[type as DedupeKey].add(rest.join(':'));
    }
  }
  const queries: Promise<Row[]>[] = [];
  const q = (s: SQL) => queries.push(db.execute<Row>(s) as unknown as Promise<Row[]>);
  if (want.phone.size) {
    q(sql`select 'phone:' || e164 as k, party_type as kind, party_id::text as id from phone_numbers where e164 in (${list([...want.phone])})`);
  }
  if (want.email.size) {
    const e = list([...want.email]);
    q(sql`select 'email:' || lower(email) as k, 'lead' as kind, id::text as id from leads where lower(email) in (${e}) and deleted_at is null`);
    q(sql`select 'email:' || lower(x) as k, 'customer' as kind, id::text as id from customers, unnest(emails) x where lower(x) in (${e}) and deleted_at is null`);
    q(sql`select 'email:' || lower(x) as k, 'contact' as kind, id::text as id from contacts, unnest(emails) x where lower(x) in (${e}) and deleted_at is null`);
  }
  if (want.company.size) {
    const c = list([...want.company]);
    q(sql`select 'company:' || company as k, 'lead' as kind, id::text as id from leads where company in (${c}) and deleted_at is null`);
    q(sql`select 'company:' || name as k, 'customer' as kind, id::text as id from customers where name in (${c}) and deleted_at is null`);
  }
  const out = new Map<string, ExistingMatch>();
  for (const rows of await Promise.all(queries)) {
    for (const r of rows) {
      const prev = out.get(r.k);
      if (!prev || (prev.kind !== 'lead' && r.kind === 'lead')) out.set(r.k, { kind: r.kind, id: r.id, key: r.k.split(':')[0] as DedupeKey });
    }
  }
  return out;
}
