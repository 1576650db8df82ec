import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { contacts, customers, phoneNumbers } from '../../../db/schema/customers.ts';
import { opportunities, opportunityStageHistory, pipelines, pipelineStages } from '../../../db/schema/opportunities.ts';
import { AppError } from '../../../errors/catalog.ts';
import type { DataScope } from '../../access/scope.ts';
import { visibleTo } from '../../access/visibility.ts';
import type { LeadPhone, LeadRow } from '../repository.ts';

export interface Ownership {
  ownerId: string | null;
  teamId: string | null;
  createdBy: string;
}

/** System fields map by fixed rules (M11): company → customer name, person → contact, address, notes. */
export async function insertCustomer(tx: DbOrTx, lead: LeadRow, custom: Record<string, unknown>, o: Ownership): Promise<string> {
  const [row] = await tx
    .insert(customers)
    .values({
      kind: lead.company ? 'company' : 'individual', name: lead.company ?? lead.name, industry: lead.industry, source: lead.source,
      emails: lead.email && !lead.company ? [lead.email] : [], addresses: lead.address ? [{ street: lead.address }] : [], notes: lead.notes, custom, ...o,
    })
    .returning({ id: customers.id });
  return row!.id;
}

export async function insertContact(tx: DbOrTx, lead: LeadRow, customerId: string, isPrimary: boolean, custom: Record<string, unknown>, o: Ownership): Promise<string> {
  const [row] = await tx
    .insert(contacts)
    .values({ customerId, name: lead.name, title: lead.title, emails: lead.email ? [lead.email] : [], isPrimary, notes: lead.notes, custom, ...o })
    .returning({ id: contacts.id });
  return row!.id;
}

export async function visibleCustomerId(tx: DbOrTx, scope: DataScope, id: string): Promise<string> {
  const [row] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.id, id), isNull(customers.deletedAt), visibleTo(scope, customers, 'customer')));
  if (!row) throw new AppError('RS_NOT_FOUND', 'No such customer');
  return row.id;
}

/** The lead's numbers enter the E.164 index for the new party, so the next call pops the customer. */
export async function copyPhones(tx: DbOrTx, phones: readonly LeadPhone[], partyType: 'customer' | 'contact', partyId: string, customerId: string): Promise<void> {
  if (!phones.length) return;
  await tx
    .insert(phoneNumbers)
    .values(phones.map((p, i) => ({ e164: p.e164, raw: p.raw, kind: p.kind as 'work', partyType, partyId, customerId, isPrimary: i === 0 })))
    .onConflictDoNothing();
}

export interface OpportunityInput {
  name: string;
  amountCents: number;
  customerId: string;
  contactId: string;
  leadId: string;
  custom: Record<string, unknown>;
}

/** A new opportunity in the default pipeline's first open stage (M10), with its first stage-history row. */
export async function insertOpportunity(tx: DbOrTx, input: OpportunityInput, o: Ownership): Promise<string> {
  const [stage] = await tx
    .select({ pipelineId: pipelines.id, stageId: pipelineStages.id, winRate: pipelineStages.winRate })
    .from(pipelines)
    .innerJoin(pipelineStages, eq(pipelineStages.pipelineId, pipelines.id))
    .where(and(eq(pipelines.isDefault, true), eq(pipelines.active, true), eq(pipelineStages.kind, 'open')))
    .orderBy(asc(pipelineStages.position))
    .limit(1);
  if (!stage) throw new AppError('RS_VALIDATION', undefined, [{ path: 'createOpportunity', message: 'no default sales pipeline is set up' }]);
  const [row] = await tx
    .insert(opportunities)
    .values({
      name: input.name, customerId: input.customerId, contactId: input.contactId, pipelineId: stage.pipelineId, stageId: stage.stageId,
      amountCents: input.amountCents, sourceLeadId: input.leadId, custom: input.custom, ...o,
    })
    .returning({ id: opportunities.id });
  await tx.insert(opportunityStageHistory).values({ opportunityId: row!.id, toStageId: stage.stageId, amountCents: input.amountCents, winRate: stage.winRate, changedBy: o.createdBy });
  return row!.id;
}
