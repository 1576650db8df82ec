import type { LeadDto } from '../../contracts/leads.ts';
import type { LeadPhone, LeadRow } from './repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toLeadDto(r: LeadRow, phones: LeadPhone[]): LeadDto {
  return {
    id: r.id, name: r.name, company: r.company, title: r.title, email: r.email, source: r.source, status: r.status,
    industry: r.industry, address: r.address, notes: r.notes, phones, custom: r.custom, ownerId: r.ownerId, teamId: r.teamId,
    convertedCustomerId: r.convertedCustomerId, convertedContactId: r.convertedContactId, convertedOpportunityId: r.convertedOpportunityId,
    convertedAt: iso(r.convertedAt), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}
