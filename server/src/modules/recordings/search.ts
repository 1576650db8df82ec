// Recording search (supervisors' recordings page; agents get only what their scope shows): by date,
// agent, queue, campaign, customer, disposition and duration, newest first.
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RecordingListItem, RecordingSearchQuery } from '../../contracts/recordings.ts';
import type { DbOrTx } from '../../db/client.ts';
import { calls, recordings } from '../../db/schema/calls.ts';
import { campaignAttempts, campaigns } from '../../db/schema/campaigns.ts';
import { customers } from '../../db/schema/customers.ts';
import { recordingPauses } from '../../db/schema/recordings.ts';
import { acdQueues } from '../../db/schema/telephony.ts';
import { users } from '../../db/schema/users.ts';
import type { DataScope } from '../access/scope.ts';
import type { SessionUser } from '../auth/guard.ts';
import { recordingVisible } from './visible.ts';

const agent = alias(users, 'agent');

/** LIKE pattern for a user's text: their % and _ are literal. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filters(q: RecordingSearchQuery): SQL[] {
  const where: SQL[] = [];
  if (q.from) where.push(gte(recordings.startedAt, new Date(q.from)));
  if (q.to) where.push(lte(recordings.startedAt, new Date(q.to)));
  if (q.agentId) where.push(sql`(${calls.agentId} = ${q.agentId}::uuid or ${calls.agentPath} ? ${q.agentId})`);
  if (q.queueId) where.push(eq(calls.queueId, q.queueId));
  if (q.campaignId) where.push(sql`exists (select 1 from ${campaignAttempts} ca where ca.call_id = ${calls.id} and ca.campaign_id = ${q.campaignId}::uuid)`);
  if (q.customerId) where.push(eq(calls.customerId, q.customerId));
  if (q.customer) {
    const p = contains(q.customer);
    where.push(sql`(${customers.name} ilike ${p} or ${calls.callerNumber} like ${p} or ${calls.callerE164} like ${p} or ${calls.calledNumber} like ${p})`);
  }
  if (q.disposition) where.push(eq(calls.disposition, q.disposition));
  if (q.minDurationSec !== undefined) where.push(gte(recordings.durationSec, q.minDurationSec));
  if (q.maxDurationSec !== undefined) where.push(lte(recordings.durationSec, q.maxDurationSec));
  if (q.kind) where.push(eq(recordings.kind, q.kind));
  return where;
}

export async function searchRecordings(db: DbOrTx, user: SessionUser, scope: DataScope, q: RecordingSearchQuery): Promise<{ items: RecordingListItem[]; total: number }> {
  const where = and(recordingVisible(user, scope), ...filters(q));
  const campaignOf = sql`(select ca.campaign_id from ${campaignAttempts} ca where ca.call_id = ${calls.id} order by ca.started_at desc limit 1)`;
  const base = () =>
    db
      .select({
        id: recordings.id, callId: recordings.callId, kind: recordings.kind, startedAt: recordings.startedAt, durationSec: recordings.durationSec,
        direction: calls.direction, callerNumber: calls.callerNumber, calledNumber: calls.calledNumber,
        agentId: calls.agentId, agentName: agent.displayName, queueId: calls.queueId, queueName: acdQueues.name,
        campaignId: sql<string | null>`${campaignOf}`,
        campaignName: sql<string | null>`(select c.name from ${campaigns} c where c.id = ${campaignOf})`,
        customerId: calls.customerId, customerName: customers.name, disposition: calls.disposition, outcome: calls.outcome,
        pauses: sql<number>`(select count(*)::int from ${recordingPauses} p where p.recording_id = ${recordings.id})`,
      })
      .from(recordings)
      .innerJoin(calls, eq(calls.id, recordings.callId))
      .leftJoin(customers, eq(customers.id, calls.customerId))
      .leftJoin(acdQueues, eq(acdQueues.id, calls.queueId))
      .leftJoin(agent, eq(agent.id, calls.agentId));
  const [rows, [count]] = await Promise.all([
    base().where(where).orderBy(desc(recordings.startedAt), desc(recordings.id)).limit(q.limit).offset(q.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(recordings)
      .innerJoin(calls, eq(calls.id, recordings.callId))
      .leftJoin(customers, eq(customers.id, calls.customerId))
      .where(where),
  ]);
  return { items: rows.map((r) => ({ ...r, startedAt: r.startedAt.toISOString() })), total: count?.n ?? 0 };
}
