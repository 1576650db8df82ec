// The screen pop of a dialed record: the lead or customer (or contact) the record links to, with the
// customer 360 when there is a customer — the same PopData an inbound call builds from the caller's
// number. Built while the number rings, so the offer can go out the moment the called party answers.
import { eq } from 'drizzle-orm';
import type { PartyRef } from '../../contracts/telephony.ts';
import type { Db } from '../../db/client.ts';
import { contacts, customers } from '../../db/schema/customers.ts';
import { leads } from '../../db/schema/leads.ts';
import type { DialTarget } from '../campaigns/dialer-store.ts';
import { customer360 } from '../customer360/service.ts';
import type { PopData } from '../telephony/facade.ts';

async function partyOf(db: Db, t: DialTarget): Promise<PartyRef | null> {
  if (t.contactId) {
    const [c] = await db
      .select({ name: contacts.name, customerId: contacts.customerId })
      .from(contacts)
      .where(eq(contacts.id, t.contactId));
    if (c)
      return { type: 'contact', id: t.contactId, name: c.name, customerId: c.customerId ?? t.customerId };
  }
  if (t.customerId) {
    const [c] = await db
      .select({ name: customers.name })
      .from(customers)
      .where(eq(customers.id, t.customerId));
    if (c) return { type: 'customer', id: t.customerId, name: c.name, customerId: t.customerId };
  }
  if (t.leadId) {
    const [l] = await db.select({ name: leads.name }).from(leads).where(eq(leads.id, t.leadId));
    if (l) return { type: 'lead', id: t.leadId, name: l.name, customerId: null };
  }
  return null;
}

export async function recordPop(db: Db, t: DialTarget): Promise<PopData> {
  const party = await partyOf(db, t);
  const customerId = party?.customerId ?? null;
  const view = customerId ? await customer360(db, customerId, { timelineLimit: 10 }).catch(() => null) : null;
  return { callerE164: t.phoneE164, party, otherMatches: [], customer360: view };
}
