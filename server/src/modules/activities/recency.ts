import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { ActivityKind } from '../../db/schema/activities.ts';

/** Kinds that are a real touch with the customer; tasks and notes are not (C16, C17). */
export const CONTACT_KINDS: readonly ActivityKind[] = ['call', 'visit', 'email', 'sms', 'meeting'];

export interface RecencyTarget {
  kind: ActivityKind;
  customerId: string | null;
  contactId: string | null;
  leadId: string | null;
  /** When the touch happened; null when the activity is only planned (an open follow-up). */
  touchedAt: Date | null;
}

/**
 * Keeps customers.last_contact_at / next_contact_at, contacts.last_contact_at and leads.last_contact_at
 * current. Called in the same transaction as the activity write; greatest() makes a late-logged older
 * activity harmless, and next_contact_at is recomputed from the open follow-ups each time.
 */
export async function refreshRecency(tx: DbOrTx, t: RecencyTarget): Promise<void> {
  const touched = t.touchedAt && CONTACT_KINDS.includes(t.kind) ? t.touchedAt.toISOString() : null;
  if (touched) {
    if (t.contactId) await tx.execute(sql`update contacts set last_contact_at = greatest(last_contact_at, ${touched}::timestamptz) where id = ${t.contactId}::uuid`);
    if (t.leadId) await tx.execute(sql`update leads set last_contact_at = greatest(last_contact_at, ${touched}::timestamptz) where id = ${t.leadId}::uuid`);
  }
  if (t.customerId) await refreshCustomer(tx, t.customerId, touched);
}

export async function refreshCustomer(tx: DbOrTx, customerId: string, touched: string | null): Promise<void> {
  await tx.execute(sql`update customers set
    last_contact_at = greatest(last_contact_at, ${touched}::timestamptz),
    next_contact_at = (select min(a.due_at) from activities a where a.customer_id = ${customerId}::uuid and a.done_at is null and a.due_at is not null)
    where id = ${customerId}::uuid`);
}
