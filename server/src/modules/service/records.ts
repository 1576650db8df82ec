import { eq, sql } from 'drizzle-orm';
import type { DispatchBody, FeedbackBody } from '../../contracts/service.ts';
import type { Db } from '../../db/client.ts';
import { serviceDispatches, serviceFeedback } from '../../db/schema/service.ts';
import { AppError } from '../../errors/catalog.ts';
import type { Actor } from '../activities/actor.ts';
import { resolveUser } from '../activities/links.ts';
import { writeAudit } from '../audit/service.ts';
import { findEditableRequestForUpdate } from './repository.ts';
import { touchLastService } from './service.ts';

/** Dispatch / repair record (SV2, SV3, SV13): technician, times, parts and labour hours. */
export async function addDispatch(db: Db, actor: Actor, id: string, b: DispatchBody): Promise<void> {
  await db.transaction(async (tx) => {
    const cur = await findEditableRequestForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    if (b.technicianId) await resolveUser(tx, b.technicianId, 'technicianId');
    const [d] = await tx
      .insert(serviceDispatches)
      .values({
        serviceRequestId: id, technicianId: b.technicianId ?? null, scheduledAt: b.scheduledAt ? new Date(b.scheduledAt) : null,
        completedAt: b.completedAt ? new Date(b.completedAt) : null, parts: b.parts ?? [], labourHours: (b.labourHours ?? 0).toFixed(2), notes: b.notes ?? null, createdBy: actor.user.id,
      })
      .returning();
    await touchLastService(tx, cur.customerId, d!.completedAt ?? d!.createdAt);
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'service_request.dispatch', entityType: 'service_request', entityId: id, details: { dispatchId: d!.id }, ip: actor.ip });
  });
}

/**
 * Satisfaction feedback (SV1, SV15), one per request. customers.satisfaction becomes the average of the
 * customer's last 10 scores, rounded half up to a whole point (the column is 1–5 integer).
 */
export async function addFeedback(db: Db, actor: Actor, id: string, b: FeedbackBody): Promise<void> {
  await db.transaction(async (tx) => {
    const cur = await findEditableRequestForUpdate(tx, actor.scope, id);
    if (!cur) throw new AppError('RS_NOT_FOUND');
    const [existing] = await tx.select({ id: serviceFeedback.id }).from(serviceFeedback).where(eq(serviceFeedback.serviceRequestId, id));
    if (existing) throw new AppError('RS_CONFLICT', 'Feedback for this request was already recorded');
    await tx.insert(serviceFeedback).values({ serviceRequestId: id, customerId: cur.customerId, score: b.score, comment: b.comment ?? null, createdBy: actor.user.id });
    await tx.execute(sql`update customers set satisfaction = (
      select round(avg(score)) from (select score from service_feedback where customer_id = ${cur.customerId}::uuid order by created_at desc, id desc limit ${SATISFACTION_WINDOW}) last
    ) where id = ${cur.customerId}::uuid`);
    await writeAudit(tx, { actorUserId: actor.user.id, action: 'service_request.feedback', entityType: 'service_request', entityId: id, details: { score: b.score }, ip: actor.ip });
  });
}

export const SATISFACTION_WINDOW = 10;
