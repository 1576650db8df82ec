// The call row and the timeline activity of an attempt the telephony runtime never saw (not answered,
// an answering machine, a called party who hung up before an agent was offered): every attempt leaves a
// `calls` row (direction outbound) and, when the record links to a lead/customer/contact, a 'call'
// activity on it. Answered calls handed to an agent get theirs from the telephony call record instead.
import { eq } from 'drizzle-orm';
import { calls } from '../../db/schema/calls.ts';
import type { Db } from '../../db/client.ts';
import { logActivity } from '../activities/service.ts';
import type { PopData } from '../telephony/facade.ts';
import type { AttemptOutcome } from '../../core/dialer/attempt-classify.ts';

export interface UnconnectedAttempt {
  callId: string;
  campaignName: string;
  callerId: string;
  number: string;
  pop: PopData | null;
  outcome: AttemptOutcome;
  cause: number | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date;
  amdResult: string | null;
}

export async function writeUnconnectedAttempt(db: Db, a: UnconnectedAttempt): Promise<void> {
  const party = a.pop?.party ?? null;
  const customerId = party?.customerId ?? (party?.type === 'customer' ? party.id : null);
  await db.transaction(async (tx) => {
    await tx
      .insert(calls)
      .values({
        id: a.callId,
        direction: 'outbound',
        callerNumber: a.callerId,
        callerE164: a.number,
        calledNumber: a.number,
        customerId,
        partyType: party?.type ?? null,
        partyId: party?.id ?? null,
        outcome: a.outcome,
        cause: a.cause === null ? null : String(a.cause),
        enteredAt: a.startedAt,
        answeredAt: a.answeredAt,
        endedAt: a.endedAt,
        talkMs: a.answeredAt ? a.endedAt.getTime() - a.answeredAt.getTime() : 0,
        waitMs: 0,
      })
      .onConflictDoNothing();
    if (!party) return;
    const activity = await logActivity(tx, {
      kind: 'call',
      subject: `Outbound call to ${a.number} (${a.campaignName}): ${a.outcome}`,
      occurredAt: a.startedAt,
      customerId,
      contactId: party.type === 'contact' ? party.id : null,
      leadId: party.type === 'lead' ? party.id : null,
      callId: a.callId,
      details: {
        direction: 'outbound',
        outcome: a.outcome,
        durationSec: 0,
        campaign: a.campaignName,
        amdResult: a.amdResult,
      },
      ownerId: null,
      teamId: null,
      actorUserId: null,
    });
    await tx.update(calls).set({ activityId: activity.id }).where(eq(calls.id, a.callId));
  });
}
