// The screen pop's data: who is calling, found by the normalised caller number in phone_numbers, and
// their customer 360. Computed once when the call enters (before any agent is offered it), so the offer
// itself only has to emit it: the pop reaches the console before the agent's phone rings.
import type { PartyRef } from '../../contracts/telephony.ts';
import type { PhoneMatchDto } from '../../contracts/customers.ts';
import type { Db } from '../../db/client.ts';
import { customer360 } from '../customer360/service.ts';
import { normalizePhone } from '../phones/normalize.ts';
import { lookupByNumber } from '../search/phone-lookup.ts';
import type { PopData } from './types.ts';

function toParty(m: PhoneMatchDto): PartyRef {
  return { type: m.partyType, id: m.partyId, name: m.name, customerId: m.customerId };
}

export async function buildPopData(db: Db, callerNumber: string, region: string): Promise<PopData> {
  const e164 = normalizePhone(callerNumber, region)?.e164 ?? null;
  if (!e164) return { callerE164: null, party: null, otherMatches: [], customer360: null };
  const matches = (await lookupByNumber(db, e164)).map(toParty);
  const [party = null, ...otherMatches] = matches;
  const customerId = party?.customerId ?? (party?.type === 'customer' ? party.id : null);
  const view = customerId ? await customer360(db, customerId, { timelineLimit: 10 }).catch(() => null) : null;
  return { callerE164: e164, party, otherMatches, customer360: view };
}
