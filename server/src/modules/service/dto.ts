import type { ServiceDetailDto, ServiceRequestDto } from '../../contracts/service.ts';
import { iso } from '../activities/actor.ts';
import type { requestParts, ServiceView } from './repository.ts';

export function toServiceDto(r: ServiceView): ServiceRequestDto {
  return {
    id: r.id, number: r.number, title: r.title, description: r.description, customerId: r.customerId, customerName: r.customerName, contactId: r.contactId,
    category: r.category, priority: r.priority, status: r.status, isOpen: r.isOpen, dueAt: iso(r.dueAt), remindAt: iso(r.remindAt), resolvedAt: iso(r.resolvedAt),
    closedAt: iso(r.closedAt), custom: r.custom, ownerId: r.ownerId, teamId: r.teamId, version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export function toDetailDto(r: ServiceView, p: Awaited<ReturnType<typeof requestParts>>): ServiceDetailDto {
  return {
    request: toServiceDto(r),
    history: p.history.map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, fromOwnerId: h.fromOwnerId, toOwnerId: h.toOwnerId, note: h.note, changedBy: h.changedBy, changedAt: h.changedAt.toISOString() })),
    dispatches: p.dispatches.map((d) => ({ id: d.id, technicianId: d.technicianId, scheduledAt: iso(d.scheduledAt), completedAt: iso(d.completedAt), parts: d.parts, labourHours: d.labourHours, notes: d.notes, createdAt: d.createdAt.toISOString() })),
    feedback: p.feedback ? { score: p.feedback.score, comment: p.feedback.comment, createdAt: p.feedback.createdAt.toISOString() } : null,
  };
}
