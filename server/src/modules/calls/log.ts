// The call log (CC5) and one call, scoped: admins and supervisors see every call (queues are shared
// work), others the calls they own (handled) or that are shared with them.
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CallLogFilterQuery } from '../../contracts/call-log.ts';
import type { DbOrTx } from '../../db/client.ts';
import { calls, recordings } from '../../db/schema/calls.ts';
import { customers } from '../../db/schema/customers.ts';
import { acdQueues } from '../../db/schema/telephony.ts';
import { users } from '../../db/schema/users.ts';
import type { SessionUser } from '../auth/guard.ts';
import type { DataScope } from '../access/scope.ts';
import { visibleTo } from '../access/visibility.ts';

export const CALL_ENTITY = 'call';

export function callsVisible(user: SessionUser, scope: DataScope): SQL {
  if (user.roles.includes('admin') || user.roles.includes('supervisor')) return sql`true`;
  // An agent who handed the call on by transfer no longer owns it but handled part of it.
  return sql`(${visibleTo(scope, calls, CALL_ENTITY)} or ${calls.agentPath} ? ${user.id})`;
}

const agent = alias(users, 'agent');

function select(db: DbOrTx) {
  return db
    .select({
      id: calls.id, direction: calls.direction, callerNumber: calls.callerNumber, callerE164: calls.callerE164, calledNumber: calls.calledNumber, did: calls.did,
      queueId: calls.queueId, queueName: acdQueues.name, agentId: calls.agentId, agentName: agent.displayName,
      customerId: calls.customerId, customerName: customers.name, partyType: calls.partyType, partyId: calls.partyId,
      outcome: calls.outcome, hangupSide: calls.hangupSide, cause: calls.cause, abandonedIn: calls.abandonedIn,
      enteredAt: calls.enteredAt, queuedAt: calls.queuedAt, offeredAt: calls.offeredAt, answeredAt: calls.answeredAt, endedAt: calls.endedAt,
      waitSec: sql<number | null>`round(${calls.waitMs} / 1000.0)::int`, talkSec: sql<number | null>`round(${calls.talkMs} / 1000.0)::int`,
      holdSec: sql<number | null>`round(${calls.holdMs} / 1000.0)::int`, transfers: calls.transfers, queuePath: calls.queuePath, ivrPath: calls.ivrPath,
      agentPath: calls.agentPath, disposition: calls.disposition, note: calls.note, activityId: calls.activityId,
      recordingId: sql<string | null>`(select r.id from ${recordings} r where r.call_id = ${calls.id} and r.kind = 'call' order by r.started_at limit 1)`,
    })
    .from(calls)
    .leftJoin(acdQueues, eq(acdQueues.id, calls.queueId))
    .leftJoin(agent, eq(agent.id, calls.agentId))
    .leftJoin(customers, eq(customers.id, calls.customerId));
}

export async function listCalls(db: DbOrTx, user: SessionUser, scope: DataScope, q: CallLogFilterQuery) {
  const where: SQL[] = [callsVisible(user, scope)];
  if (q.from) where.push(gte(calls.enteredAt, new Date(q.from)));
  if (q.to) where.push(lte(calls.enteredAt, new Date(q.to)));
  if (q.agentId) where.push(sql`(${calls.agentId} = ${q.agentId}::uuid or ${calls.agentPath} ? ${q.agentId})`);
  if (q.queueId) where.push(eq(calls.queueId, q.queueId));
  if (q.customerId) where.push(eq(calls.customerId, q.customerId));
  if (q.outcome) where.push(eq(calls.outcome, q.outcome));
  if (q.direction) where.push(eq(calls.direction, q.direction));
  if (q.disposition) where.push(sql`(${calls.disposition} = ${q.disposition} or exists (select 1 from call_wrap_ups w where w.call_id = ${calls.id} and w.disposition = ${q.disposition}))`);
  if (q.campaignId) where.push(sql`exists (select 1 from campaign_attempts a where a.call_id = ${calls.id} and a.campaign_id = ${q.campaignId}::uuid)`);
  if (q.minTalkSec !== undefined) where.push(sql`coalesce(${calls.talkMs}, 0) >= ${q.minTalkSec * 1000}`);
  if (q.maxTalkSec !== undefined) where.push(sql`coalesce(${calls.talkMs}, 0) <= ${q.maxTalkSec * 1000}`);
  if (q.number) {
    const digits = `%${q.number.replace(/^\+/, '')}%`;
    where.push(sql`(${calls.callerNumber} like ${digits} or ${calls.callerE164} like ${digits} or ${calls.calledNumber} like ${digits})`);
  }
  const [items, [count]] = await Promise.all([
    select(db).where(and(...where)).orderBy(desc(calls.enteredAt)).limit(q.limit).offset(q.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(calls).where(and(...where)),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function getCall(db: DbOrTx, user: SessionUser, scope: DataScope, id: string) {
  const [row] = await select(db).where(and(eq(calls.id, id), callsVisible(user, scope)));
  return row;
}
