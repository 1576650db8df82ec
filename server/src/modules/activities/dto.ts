import type { ActivityItemDto } from '../../contracts/activities.ts';
import { iso } from './actor.ts';
import type { ActivityRow } from './service.ts';

export function toActivityDto(r: ActivityRow): ActivityItemDto {
  return {
    id: r.id, kind: r.kind, subject: r.subject, body: r.body, occurredAt: r.occurredAt.toISOString(), dueAt: iso(r.dueAt), remindAt: iso(r.remindAt),
    doneAt: iso(r.doneAt), customerId: r.customerId, contactId: r.contactId, leadId: r.leadId, opportunityId: r.opportunityId,
    serviceRequestId: r.serviceRequestId, callId: r.callId, details: r.details, ownerId: r.ownerId, teamId: r.teamId, createdAt: r.createdAt.toISOString(),
  };
}
