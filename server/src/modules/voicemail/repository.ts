// Voicemail rows with what the console shows, and who may see them: the owning user for a user
// mailbox, the queue's members for a queue mailbox; supervisors see every queue mailbox, admins all.
import { and, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { VoicemailItem } from '../../contracts/voicemail.ts';
import type { Db } from '../../db/client.ts';
import { calls, recordings, voicemails } from '../../db/schema/calls.ts';
import { acdQueueMembers, acdQueues } from '../../db/schema/telephony.ts';
import { users } from '../../db/schema/users.ts';
import type { SessionUser } from '../auth/guard.ts';

function visibleTo(user: SessionUser): SQL | undefined {
  if (user.roles.includes('admin')) return undefined;
  const own = and(eq(voicemails.mailboxKind, 'user'), eq(voicemails.mailboxId, user.id));
  if (user.roles.includes('supervisor')) return or(own, eq(voicemails.mailboxKind, 'queue'));
  const memberOf = sql`${voicemails.mailboxId} in (select ${acdQueueMembers.queueId}::text from ${acdQueueMembers} where ${acdQueueMembers.userId} = ${user.id})`;
  return or(own, and(eq(voicemails.mailboxKind, 'queue'), memberOf));
}

const columns = {
  id: voicemails.id,
  callId: voicemails.callId,
  mailboxKind: voicemails.mailboxKind,
  mailboxId: voicemails.mailboxId,
  queueName: acdQueues.name,
  userName: users.displayName,
  callerNumber: voicemails.callerNumber,
  partyType: calls.partyType,
  partyId: calls.partyId,
  customerId: calls.customerId,
  durationSec: recordings.durationSec,
  createdAt: voicemails.createdAt,
  heardAt: voicemails.heardAt,
};

type Row = { [K in keyof typeof columns]: unknown };

function toItem(r: Row): VoicemailItem {
  return {
    id: r.id as string, callId: r.callId as string, mailboxKind: r.mailboxKind as 'queue' | 'user', mailboxId: r.mailboxId as string,
    mailboxName: ((r.mailboxKind === 'queue' ? r.queueName : r.userName) as string | null) ?? '',
    callerNumber: r.callerNumber as string, partyType: r.partyType as string | null, partyId: r.partyId as string | null,
    customerId: r.customerId as string | null, durationSec: r.durationSec as number | null,
    createdAt: (r.createdAt as Date).toISOString(), heardAt: r.heardAt ? (r.heardAt as Date).toISOString() : null,
  };
}

function select(db: Db, where: (SQL | undefined)[]) {
  return db
    .select(columns)
    .from(voicemails)
    .innerJoin(calls, eq(calls.id, voicemails.callId))
    // Only delivered messages: the recording has ended (a message still being left is not shown).
    .innerJoin(recordings, and(eq(recordings.id, voicemails.recordingId), isNotNull(recordings.endedAt)))
    .leftJoin(acdQueues, and(eq(voicemails.mailboxKind, 'queue'), sql`${acdQueues.id}::text = ${voicemails.mailboxId}`))
    .leftJoin(users, and(eq(voicemails.mailboxKind, 'user'), sql`${users.id}::text = ${voicemails.mailboxId}`))
    .where(and(...where));
}

export async function listVoicemails(db: Db, user: SessionUser, q: { unheard?: boolean; limit: number; offset: number }): Promise<{ items: VoicemailItem[]; unheard: number }> {
  const scope = visibleTo(user);
  const rows = await select(db, [scope, q.unheard ? isNull(voicemails.heardAt) : undefined]).orderBy(desc(voicemails.createdAt)).limit(q.limit).offset(q.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(voicemails)
    .innerJoin(recordings, and(eq(recordings.id, voicemails.recordingId), isNotNull(recordings.endedAt)))
    .where(and(scope, isNull(voicemails.heardAt)));
  return { items: rows.map(toItem), unheard: count?.n ?? 0 };
}

export async function getVoicemail(db: Db, user: SessionUser, id: string): Promise<VoicemailItem | undefined> {
  const [row] = await select(db, [visibleTo(user), eq(voicemails.id, id)]);
  return row ? toItem(row) : undefined;
}

/** The file behind a visible, delivered message. */
export async function voicemailFile(db: Db, user: SessionUser, id: string): Promise<{ name: string; format: string } | undefined> {
  const [row] = await db
    .select({ name: recordings.name, format: recordings.format })
    .from(voicemails)
    .innerJoin(recordings, and(eq(recordings.id, voicemails.recordingId), isNotNull(recordings.endedAt)))
    .where(and(eq(voicemails.id, id), visibleTo(user)));
  return row;
}

export async function markHeard(db: Db, user: SessionUser, id: string): Promise<VoicemailItem | undefined> {
  const item = await getVoicemail(db, user, id);
  if (!item) return undefined;
  if (!item.heardAt) await db.update(voicemails).set({ heardAt: new Date() }).where(and(eq(voicemails.id, id), isNull(voicemails.heardAt)));
  return getVoicemail(db, user, id);
}

/** Who is told about a new message: the user, or the members of the queue. */
export async function recipientsOf(db: Db, item: Pick<VoicemailItem, 'mailboxKind' | 'mailboxId'>): Promise<string[]> {
  if (item.mailboxKind === 'user') return [item.mailboxId];
  if (!/^[0-9a-f-]{36}$/i.test(item.mailboxId)) return [];
  const rows = await db.select({ userId: acdQueueMembers.userId }).from(acdQueueMembers).where(inArray(acdQueueMembers.queueId, [item.mailboxId]));
  return rows.map((r) => r.userId);
}

/** The voicemail row for a recording name (vm-<callId>), without a scope: used by the delivery. */
export async function voicemailByRecording(db: Db, name: string): Promise<string | undefined> {
  const [row] = await db.select({ id: voicemails.id }).from(voicemails).innerJoin(recordings, eq(recordings.id, voicemails.recordingId)).where(eq(recordings.name, name));
  return row?.id;
}

/** A delivered message by id, without a scope (the delivery decides its audience itself). */
export async function deliveredItem(db: Db, id: string): Promise<VoicemailItem | undefined> {
  const [row] = await select(db, [eq(voicemails.id, id)]);
  return row ? toItem(row) : undefined;
}
