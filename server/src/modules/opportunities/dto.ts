import type { OpportunityDto, StageHistoryDto } from '../../contracts/opportunities.ts';
import { iso } from '../activities/actor.ts';
import type { OpportunityView, stageHistory } from './repository.ts';

/** Weighted amount of one opportunity: amount × rate / 100, rounded half up to a cent. */
export const weighted = (amountCents: number, winRate: number) => Math.round((amountCents * winRate) / 100);

export function toOpportunityDto(o: OpportunityView): OpportunityDto {
  return {
    id: o.id, name: o.name, customerId: o.customerId, customerName: o.customerName, contactId: o.contactId, pipelineId: o.pipelineId,
    stageId: o.stageId, stageName: o.stageName, winRate: o.winRate, status: o.status, amountCents: o.amountCents,
    weightedCents: weighted(o.amountCents, o.winRate), currency: o.currency, expectedCloseDate: o.expectedCloseDate, closedAt: iso(o.closedAt),
    sourceLeadId: o.sourceLeadId, description: o.description, custom: o.custom, ownerId: o.ownerId, ownerName: o.ownerName, teamId: o.teamId,
    version: o.version, createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString(),
  };
}

export function toHistoryDto(r: Awaited<ReturnType<typeof stageHistory>>[number]): StageHistoryDto {
  return {
    id: r.h.id, fromStageId: r.h.fromStageId, fromStageName: r.fromStageName, toStageId: r.h.toStageId, toStageName: r.toStageName,
    amountCents: r.h.amountCents, winRate: r.h.winRate, changedBy: r.h.changedBy, changedByName: r.changedByName, changedAt: r.h.changedAt.toISOString(),
  };
}
