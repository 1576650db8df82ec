// Calling lists from the CRM: the leads or customers the caller may see (their data scope), one record
// per party on its primary number (a customer without one is called on its primary contact's number),
// linked back to the lead/customer/contact so the agent's pop is their 360. Import keys "lead:<id>" /
// "customer:<id>" make running the same query twice add only the new matches.
import { and, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { FromQueryBody } from '../../contracts/campaigns.ts';
import type { Db } from '../../db/client.ts';
import { campaignRecords, dncNumbers } from '../../db/schema/campaigns.ts';
import { customers } from '../../db/schema/customers.ts';
import { leads, type LeadStatus } from '../../db/schema/leads.ts';
import type { DataScope } from '../access/scope.ts';
import { visibleTo } from '../access/visibility.ts';
import { zoneOfNumber } from './timezone.ts';

interface Party {
  key: string;
  name: string;
  phone: string | null;
  leadId: string | null;
  customerId: string | null;
  contactId: string | null;
}

const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

// Subqueries name the outer table in full: drizzle writes a single-table select's columns unqualified.
async function leadParties(db: Db, scope: DataScope, f: NonNullable<FromQueryBody['filters']>, limit: number): Promise<Party[]> {
  const where: SQL[] = [isNull(leads.deletedAt), visibleTo(scope, leads, 'lead')];
  if (f.status) where.push(eq(leads.status, f.status as LeadStatus));
  if (f.source) where.push(eq(leads.source, f.source));
  if (f.industry) where.push(eq(leads.industry, f.industry));
  if (f.ownerId) where.push(eq(leads.ownerId, f.ownerId));
  if (f.q) where.push(or(ilike(leads.name, likeOf(f.q)), ilike(leads.company, likeOf(f.q)))!);
  const rows = await db
    .select({
      id: leads.id,
      name: leads.name,
      phone: sql<string | null>`(select p.e164 from phone_numbers p where p.party_type = 'lead' and p.party_id = "leads"."id" order by p.is_primary desc, p.created_at limit 1)`,
    })
    .from(leads)
    .where(and(...where))
    .orderBy(leads.createdAt)
    .limit(limit);
  return rows.map((r) => ({ key: `lead:${r.id}`, name: r.name, phone: r.phone, leadId: r.id, customerId: null, contactId: null }));
}

async function customerParties(db: Db, scope: DataScope, f: NonNullable<FromQueryBody['filters']>, limit: number): Promise<Party[]> {
  const where: SQL[] = [isNull(customers.deletedAt), visibleTo(scope, customers, 'customer')];
  if (f.industry) where.push(eq(customers.industry, f.industry));
  if (f.level) where.push(eq(customers.level, f.level));
  if (f.source) where.push(eq(customers.source, f.source));
  if (f.ownerId) where.push(eq(customers.ownerId, f.ownerId));
  if (f.q) where.push(ilike(customers.name, likeOf(f.q)));
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      own: sql<string | null>`(select p.e164 from phone_numbers p where p.party_type = 'customer' and p.party_id = "customers"."id" order by p.is_primary desc, p.created_at limit 1)`,
      contact: sql<string | null>`(select p.e164 || ' ' || k.id from phone_numbers p join contacts k on k.id = p.party_id and k.deleted_at is null
        where p.party_type = 'contact' and k.customer_id = "customers"."id" order by k.is_primary desc, p.is_primary desc, p.created_at limit 1)`,
    })
    .from(customers)
    .where(and(...where))
    .orderBy(customers.createdAt)
    .limit(limit);
  return rows.map((r) => {
    const [contactPhone, contactId] = r.own ? [null, null] : (r.contact?.split(' ') ?? [null, null]);
    return { key: `customer:${r.id}`, name: r.name, phone: r.own ?? contactPhone ?? null, leadId: null, customerId: r.id, contactId: contactId ?? null };
  });
}

export interface FromQueryResult {
  matched: number;
  added: number;
  duplicates: number;
  dnc: number;
  withoutPhone: number;
}

export async function addRecordsFromQuery(db: Db, scope: DataScope, campaignId: string, body: FromQueryBody, region: string): Promise<FromQueryResult> {
  const filters = body.filters ?? {};
  const limit = body.limit ?? 50_000;
  const parties = body.source === 'leads' ? await leadParties(db, scope, filters, limit) : await customerParties(db, scope, filters, limit);
  const withPhone = parties.filter((p): p is Party & { phone: string } => !!p.phone);
  const result: FromQueryResult = { matched: parties.length, added: 0, duplicates: 0, dnc: 0, withoutPhone: parties.length - withPhone.length };
  await db.transaction(async (tx) => {
    for (let i = 0; i < withPhone.length; i += 1000) {
      const chunk = withPhone.slice(i, i + 1000);
      const onDnc = new Set(
        (
          await tx
            .select({ p: dncNumbers.phoneE164 })
            .from(dncNumbers)
            .where(and(sql`${dncNumbers.phoneE164} = any(${`{${chunk.map((c) => c.phone).join(',')}}`}::text[])`, or(isNull(dncNumbers.campaignId), eq(dncNumbers.campaignId, campaignId))))
        ).map((r) => r.p),
      );
      const inserted = await tx
        .insert(campaignRecords)
        .values(
          chunk.map((p) => ({
            campaignId,
            phoneRaw: p.phone,
            phoneE164: p.phone,
            timezone: zoneOfNumber(p.phone, region) ?? 'Asia/Shanghai',
            name: p.name,
            leadId: p.leadId,
            customerId: p.customerId,
            contactId: p.contactId,
            status: onDnc.has(p.phone) ? ('dnc' as const) : ('pending' as const),
            importKey: p.key,
          })),
        )
        .onConflictDoNothing()
        .returning({ status: campaignRecords.status });
      result.added += inserted.length;
      result.dnc += inserted.filter((r) => r.status === 'dnc').length;
      result.duplicates += chunk.length - inserted.length;
    }
  });
  return result;
}
