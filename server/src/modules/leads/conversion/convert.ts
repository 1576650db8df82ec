import { eq } from 'drizzle-orm';
import type { ConvertBody } from '../../../contracts/leads.ts';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { activities } from '../../../db/schema/activities.ts';
import { leads } from '../../../db/schema/leads.ts';
import { AppError } from '../../../errors/catalog.ts';
import { writeAudit } from '../../audit/service.ts';
import { validateCustomFields } from '../../custom-fields/validate.ts';
import { findEditableLeadForUpdate, phonesOfLeads, type LeadRow } from '../repository.ts';
import type { Actor } from '../service.ts';
import { loadMapping, mapCustom, type Target } from './mapping.ts';
import { copyPhones, insertContact, insertCustomer, insertOpportunity, visibleCustomerId, type Ownership } from './records.ts';

export interface ConvertResult {
  leadId: string;
  customerId: string;
  contactId: string;
  opportunityId: string | null;
}

type Customs = Record<Target, Record<string, unknown>>;

async function validatedCustoms(tx: DbOrTx, lead: LeadRow, body: ConvertBody, region: string): Promise<Customs> {
  const mapped = mapCustom(lead.custom, await loadMapping(tx));
  const opts = { partial: false, region };
  return {
    customer: body.customerId ? {} : await validateCustomFields(tx, 'customer', { ...mapped.customer, ...body.customerCustom }, opts),
    contact: await validateCustomFields(tx, 'contact', { ...mapped.contact, ...body.contactCustom }, opts),
    opportunity: body.createOpportunity ? await validateCustomFields(tx, 'opportunity', { ...mapped.opportunity, ...body.opportunityCustom }, opts) : {},
  };
}

/**
 * Lead → customer (new or existing) + contact (+ opportunity) in ONE transaction (M9–M11): the lead row is
 * locked, the records and their phone numbers are created, the lead's timeline moves along, the lead
 * keeps links to what it became, and every step is audited. Any failure rolls all of it back.
 */
export async function convertLead(db: Db, actor: Actor, leadId: string, body: ConvertBody): Promise<ConvertResult> {
  return db.transaction(async (tx) => {
    const lead = await findEditableLeadForUpdate(tx, actor.scope, leadId);
    if (!lead) throw new AppError('RS_NOT_FOUND');
    if (lead.status === 'converted') throw new AppError('RS_CONFLICT', 'This lead is already converted');
    const customs = await validatedCustoms(tx, lead, body, actor.region);
    const o: Ownership = { ownerId: lead.ownerId ?? actor.user.id, teamId: lead.teamId, createdBy: actor.user.id };
    const phones = (await phonesOfLeads(tx, [lead.id])).get(lead.id) ?? [];
    const audit = (action: string, entityType: string, entityId: string) =>
      writeAudit(tx, { actorUserId: actor.user.id, action, entityType, entityId, details: { fromLeadId: lead.id }, ip: actor.ip });

    let customerId: string;
    if (body.customerId) customerId = await visibleCustomerId(tx, actor.scope, body.customerId);
    else {
      customerId = await insertCustomer(tx, lead, customs.customer, o);
      await copyPhones(tx, phones, 'customer', customerId, customerId);
      await audit('customer.create', 'customer', customerId);
    }
    const contactId = await insertContact(tx, lead, customerId, !body.customerId, customs.contact, o);
    await copyPhones(tx, phones, 'contact', contactId, customerId);
    await audit('contact.create', 'contact', contactId);

    let opportunityId: string | null = null;
    if (body.createOpportunity) {
      const name = body.opportunityName ?? `${lead.company ?? lead.name}`;
      opportunityId = await insertOpportunity(tx, { name, amountCents: body.opportunityAmountCents ?? 0, customerId, contactId, leadId: lead.id, custom: customs.opportunity }, o);
      await audit('opportunity.create', 'opportunity', opportunityId);
    }
    await tx.update(activities).set({ customerId, contactId }).where(eq(activities.leadId, lead.id));
    const now = new Date();
    await tx
      .update(leads)
      .set({ status: 'converted', convertedCustomerId: customerId, convertedContactId: contactId, convertedOpportunityId: opportunityId, convertedAt: now, updatedAt: now })
      .where(eq(leads.id, lead.id));
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'lead.convert', entityType: 'lead', entityId: lead.id, details: { customerId, contactId, opportunityId }, ip: actor.ip });
    return { leadId: lead.id, customerId, contactId, opportunityId };
  });
}
