// The call's one row in `calls`: inserted (outcome 'live') when the call enters, completed exactly once
// when the call machine reaches `ended` (the update only matches a live row), together with the call
// activity on the matched customer / contact / lead. Wrap-ups update the same row later.
import { and, eq } from 'drizzle-orm';
import type { CallRecord } from '../../core/call/call-types.ts';
import { recordHandleTime, emptyHandleTimes } from '../../core/acd/announcements.ts';
import { calls } from '../../db/schema/calls.ts';
import { users } from '../../db/schema/users.ts';
import { logActivity } from '../activities/service.ts';
import { emitCallEnded } from './call-events.ts';
import type { TelephonyRuntime } from './runtime.ts';
import type { LiveCall } from './types.ts';

const ts = (ms: number | null) => (ms === null ? null : new Date(ms));

export type NewCallRow = Pick<LiveCall, 'id' | 'direction' | 'callerNumber' | 'pop' | 'did' | 'state'>;

/**
 * Enqueued behind the call path (call-writer.ts). `written` settles once the row is there, for an API
 * that answers with the call's id (click-to-dial); the call path itself never waits for it.
 */
export function insertLiveCall(
  rt: TelephonyRuntime,
  call: NewCallRow,
  extra: { calledNumber?: string; agentId?: string } = {},
): { written: Promise<void> } {
  const party = call.pop.party;
  const row = {
    id: call.id,
    direction: call.direction,
    callerNumber: call.callerNumber,
    callerE164: call.pop.callerE164,
    calledNumber: extra.calledNumber ?? null,
    did: call.did || null,
    agentId: extra.agentId ?? null,
    customerId: party?.customerId ?? (party?.type === 'customer' ? party.id : null),
    partyType: party?.type ?? null,
    partyId: party?.id ?? null,
    enteredAt: new Date(call.state.enteredAt),
    ownerId: extra.agentId ?? null,
  };
  // Idempotent: recovery may adopt a caller whose row the previous process wrote already.
  const written = rt.writes.enqueueSettled(`insert call ${call.id}`, () =>
    rt.deps.db.insert(calls).values(row).onConflictDoNothing(),
  );
  return { written };
}

/** The caller's party, once the pop lookup found it (the row was inserted before, without it). */
export function recordParty(rt: TelephonyRuntime, call: LiveCall): void {
  const party = partyColumns(call);
  rt.writes.enqueue(`party of call ${call.id}`, () =>
    rt.deps.db
      .update(calls)
      .set(party)
      .where(and(eq(calls.id, call.id), eq(calls.outcome, 'live'))),
  );
}

function partyColumns(call: Pick<LiveCall, 'pop'>) {
  const party = call.pop.party;
  return {
    callerE164: call.pop.callerE164,
    customerId: party?.customerId ?? (party?.type === 'customer' ? party.id : null),
    partyType: party?.type ?? null,
    partyId: party?.id ?? null,
  };
}

export async function teamOf(rt: TelephonyRuntime, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [u] = await rt.deps.db.select({ teamId: users.teamId }).from(users).where(eq(users.id, userId));
  return u?.teamId ?? null;
}

export function finishCallRecord(rt: TelephonyRuntime, call: LiveCall, r: CallRecord): void {
  if (call.recordWritten) return;
  call.recordWritten = true;
  const queueId = r.queuePath[r.queuePath.length - 1] ?? null;
  rt.writes.enqueue(`finish call ${call.id}`, () =>
    writeCallRecord(rt, snapshotForRecord(call), r, queueId && rt.queues.has(queueId) ? queueId : null),
  );
  if (queueId && r.answeredAt !== null) {
    const wrapMs = (rt.queues.get(queueId)?.wrapUpSec ?? 0) * 1000;
    rt.handleTimes.set(
      queueId,
      recordHandleTime(rt.handleTimes.get(queueId) ?? emptyHandleTimes(), r.talkMs + wrapMs),
    );
  }
  rt.traceEvent('callEnded', call.id, r.agentId ?? undefined);
  emitCallEnded(rt, call, r);
}

/** What the record needs of the call, taken now: the write may run later, when the call object changed. */
function snapshotForRecord(call: LiveCall) {
  return {
    id: call.id,
    direction: call.direction,
    callerNumber: call.callerNumber,
    pop: call.pop,
    ivrPath: [...call.ivrPath],
    agentPath: [...call.agentPath],
    transfers: call.transfers,
    recordingId: call.recording?.id ?? null,
  };
}

async function writeCallRecord(
  rt: TelephonyRuntime,
  call: ReturnType<typeof snapshotForRecord>,
  r: CallRecord,
  queueId: string | null,
): Promise<void> {
  const teamId = await teamOf(rt, r.agentId);
  await rt.deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(calls)
      .set({
        ...partyColumns(call),
        outcome: r.outcome,
        hangupSide: r.hangupSide,
        cause: r.cause,
        abandonedIn: r.abandonedIn,
        overflowTarget: r.overflowTarget,
        queuePath: r.queuePath,
        ivrPath: call.ivrPath,
        agentPath: call.agentPath,
        attempts: r.attempts,
        transfers: call.transfers,
        queueId,
        agentId: r.agentId,
        queuedAt: ts(r.queuedAt),
        offeredAt: ts(r.offeredAt),
        answeredAt: ts(r.answeredAt),
        endedAt: new Date(r.endedAt),
        waitMs: r.waitMs,
        talkMs: r.talkMs,
        holdMs: r.holdMs,
        ownerId: r.agentId,
        teamId,
        updatedAt: new Date(),
      })
      .where(and(eq(calls.id, call.id), eq(calls.outcome, 'live')))
      .returning();
    if (!row || !row.partyId) return;
    const activity = await logActivity(tx, {
      kind: 'call',
      subject: activitySubject(call, r),
      // An agent who left by transfer may have wrapped up already (their disposition is on the row).
      body: row.note,
      occurredAt: new Date(r.enteredAt),
      customerId: row.customerId,
      contactId: row.partyType === 'contact' ? row.partyId : null,
      leadId: row.partyType === 'lead' ? row.partyId : null,
      callId: call.id,
      details: {
        direction: call.direction,
        outcome: r.outcome,
        durationSec: Math.round(r.talkMs / 1000),
        waitSec: Math.round(r.waitMs / 1000),
        recordingId: call.recordingId,
        disposition: row.disposition,
      },
      ownerId: r.agentId,
      teamId,
      actorUserId: null,
    });
    await tx.update(calls).set({ activityId: activity.id }).where(eq(calls.id, call.id));
  });
}

function activitySubject(call: Pick<LiveCall, 'callerNumber' | 'direction'>, r: CallRecord): string {
  const who = call.callerNumber || 'unknown';
  if (call.direction === 'outbound') return `Outbound call to ${who}`;
  if (r.outcome === 'abandoned') return `Abandoned inbound call from ${who}`;
  return `Inbound call from ${who}`;
}
