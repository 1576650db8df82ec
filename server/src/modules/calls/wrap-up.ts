// Wrap-up (CC5): the agent's disposition, note and optional follow-up task for a call they handled.
// Each agent on the call wraps up once (call_wrap_ups); the call row carries the latest, and the call
// activity on the customer (or the lead created from the pop) gets the disposition and the note.
import { and, eq, sql } from 'drizzle-orm';
import type { WrapUpBody } from '../../contracts/telephony.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { activities } from '../../db/schema/activities.ts';
import { callWrapUps, calls } from '../../db/schema/calls.ts';
import { dispositions } from '../../db/schema/telephony.ts';
import type { SessionUser } from '../auth/guard.ts';
import { AppError } from '../../errors/catalog.ts';
import { logActivity } from '../activities/service.ts';
import { requireVisible } from '../activities/links.ts';
import type { DataScope } from '../access/scope.ts';

type CallRow = typeof calls.$inferSelect;

async function attachParty(tx: DbOrTx, scope: DataScope, row: CallRow, body: WrapUpBody): Promise<CallRow> {
  if (!body.partyId || !body.partyType || row.partyId) return row;
  const { customerId } = await requireVisible(tx, scope, body.partyType, body.partyId, 'partyId');
  const [updated] = await tx
    .update(calls)
    .set({ partyType: body.partyType, partyId: body.partyId, customerId: body.partyType === 'customer' ? body.partyId : customerId })
    .where(eq(calls.id, row.id))
    .returning();
  return updated!;
}

async function noteOnActivity(tx: DbOrTx, row: CallRow, user: SessionUser, body: WrapUpBody): Promise<void> {
  if (row.activityId) {
    await tx
      .update(activities)
      .set({ body: body.note ?? null, details: sql`${activities.details} || ${JSON.stringify({ disposition: body.disposition })}::jsonb`, updatedAt: new Date() })
      .where(eq(activities.id, row.activityId));
    return;
  }
  // The call ended before a party was known (a lead created from the pop): log it now.
  if (row.outcome === 'live' || !row.partyId) return;
  const a = await logActivity(tx, {
    kind: 'call', subject: `${row.direction === 'inbound' ? 'Inbound call from' : 'Outbound call to'} ${row.callerNumber}`, body: body.note ?? null,
    occurredAt: row.enteredAt, customerId: row.customerId, contactId: row.partyType === 'contact' ? row.partyId : null, leadId: row.partyType === 'lead' ? row.partyId : null,
    callId: row.id, details: { direction: row.direction, outcome: row.outcome, durationSec: Math.round((row.talkMs ?? 0) / 1000), disposition: body.disposition },
    ownerId: user.id, teamId: user.teamId, actorUserId: user.id,
  });
  await tx.update(calls).set({ activityId: a.id }).where(eq(calls.id, row.id));
}

export async function saveWrapUp(db: Db, scope: DataScope, user: SessionUser, callId: string, body: WrapUpBody, ip: string): Promise<CallRow> {
  return db.transaction(async (tx) => {
    const [row0] = await tx.select().from(calls).where(eq(calls.id, callId)).for('update');
    if (!row0 || !(row0.agentId === user.id || row0.agentPath.includes(user.id))) throw new AppError('RS_NOT_FOUND');
    const [d] = await tx.select().from(dispositions).where(and(eq(dispositions.code, body.disposition), eq(dispositions.active, true)));
    if (!d) throw new AppError('RS_VALIDATION', undefined, [{ path: 'disposition', message: 'no such disposition' }]);
    const row = await attachParty(tx, scope, row0, body);
    let followUpActivityId: string | null = null;
    if (body.followUp) {
      const task = await logActivity(tx, {
        kind: 'task', subject: body.followUp.subject, dueAt: new Date(body.followUp.dueAt), customerId: row.customerId,
        contactId: row.partyType === 'contact' ? row.partyId : null, leadId: row.partyType === 'lead' ? row.partyId : null,
        callId, ownerId: user.id, teamId: user.teamId, actorUserId: user.id, ip,
      });
      followUpActivityId = task.id;
    }
    const wrap = { disposition: body.disposition, note: body.note ?? null, followUpActivityId, createdAt: new Date() };
    await tx.insert(callWrapUps).values({ callId, agentId: user.id, ...wrap }).onConflictDoUpdate({ target: [callWrapUps.callId, callWrapUps.agentId], set: wrap });
    const [updated] = await tx.update(calls).set({ disposition: body.disposition, note: body.note ?? null, wrappedUpAt: new Date(), updatedAt: new Date() }).where(eq(calls.id, callId)).returning();
    await noteOnActivity(tx, updated!, user, body);
    return updated!;
  });
}
