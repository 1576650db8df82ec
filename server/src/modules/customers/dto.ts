import type { CustomerDto } from '../../contracts/customers.ts';
import type { CustomerWithOwner } from './repository.ts';
import type { PhoneView } from './phones.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCustomerDto(c: CustomerWithOwner, phones: PhoneView[]): CustomerDto {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    industry: c.industry,
    size: c.size,
    source: c.source,
    level: c.level,
    relationship: c.relationship,
    firstCooperationDate: c.firstCooperationDate,
    firstCooperationType: c.firstCooperationType,
    valueGrade: c.valueGrade,
    satisfaction: c.satisfaction,
    emails: c.emails,
    addresses: c.addresses,
    website: c.website,
    notes: c.notes,
    custom: c.custom,
    phones,
    lastContactAt: iso(c.lastContactAt),
    nextContactAt: iso(c.nextContactAt),
    lastTransactionAt: iso(c.lastTransactionAt),
    lastServiceAt: iso(c.lastServiceAt),
    ownerId: c.ownerId,
    ownerName: c.ownerName,
    teamId: c.teamId,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
