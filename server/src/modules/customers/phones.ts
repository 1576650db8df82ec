import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PhoneInput } from '../../contracts/customers.ts';
import type { DbOrTx } from '../../db/client.ts';
import { phoneNumbers, type PartyType } from '../../db/schema/customers.ts';
import { AppError, type ErrorDetail } from '../../errors/catalog.ts';
import { normalizePhone } from '../phones/normalize.ts';

export interface CleanPartyPhone {
  e164: string;
  raw: string;
  kind: 'mobile' | 'work' | 'home' | 'fax' | 'other';
  isPrimary: boolean;
}

/** Normalises each number to E.164; every unparseable one is reported at `phones/<i>/number`. */
export function cleanPartyPhones(input: readonly PhoneInput[], region: string): CleanPartyPhone[] {
  const out: CleanPartyPhone[] = [];
  const details: ErrorDetail[] = [];
  input.forEach((p, i) => {
    const n = normalizePhone(p.number, region);
    if (!n) details.push({ path: `phones/${i}/number`, message: 'not a valid phone number' });
    else if (!out.some((x) => x.e164 === n.e164)) out.push({ e164: n.e164, raw: p.number.trim(), kind: p.kind ?? n.kind, isPrimary: p.isPrimary ?? false });
  });
  if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
  if (out.length && !out.some((p) => p.isPrimary)) out[0]!.isPrimary = true;
  return out;
}

/** Replaces a party's numbers in the E.164 index (write-through from customer/contact saves). */
export async function replacePartyPhones(db: DbOrTx, partyType: PartyType, partyId: string, customerId: string | null, phones: CleanPartyPhone[]): Promise<void> {
  await db.delete(phoneNumbers).where(and(eq(phoneNumbers.partyType, partyType), eq(phoneNumbers.partyId, partyId)));
  if (phones.length) await db.insert(phoneNumbers).values(phones.map((p) => ({ ...p, partyType, partyId, customerId })));
}

export type PhoneView = Pick<CleanPartyPhone, 'e164' | 'raw' | 'kind' | 'isPrimary'>;

/** Numbers of many parties of one type at once, keyed by party id. */
export async function phonesOf(db: DbOrTx, partyType: PartyType, partyIds: string[]): Promise<Map<string, PhoneView[]>> {
  const map = new Map<string, PhoneView[]>();
  if (!partyIds.length) return map;
  const rows = await db
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.partyType, partyType), inArray(phoneNumbers.partyId, partyIds)))
    .orderBy(asc(phoneNumbers.createdAt));
  for (const r of rows) {
    const list = map.get(r.partyId) ?? [];
    list.push({ e164: r.e164, raw: r.raw, kind: r.kind, isPrimary: r.isPrimary });
    map.set(r.partyId, list);
  }
  return map;
}
