// Demo contact-centre configuration (npm start): pause codes, dispositions, one queue with the demo
// agents and DID 4000 routed to it. Idempotent: existing rows (maybe edited by a person) are kept.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { acdQueueMembers, acdQueues, dids, dispositions, pauseCodes } from '../../db/schema/telephony.ts';

const PAUSES = [
  ['lunch', '午餐', 'Lunch'],
  ['training', '培训', 'Training'],
  ['meeting', '会议', 'Meeting'],
  ['break', '小憩', 'Break'],
] as const;
const DISPOSITIONS = [
  ['resolved', '已解决', 'Resolved'],
  ['follow-up', '需跟进', 'Follow-up needed'],
  ['sales-lead', '销售机会', 'Sales lead'],
  ['complaint', '投诉', 'Complaint'],
  ['wrong-number', '打错电话', 'Wrong number'],
] as const;

export async function seedTelephonyDemo(db: Db, agentIds: string[]): Promise<void> {
  await db
    .insert(pauseCodes)
    .values(PAUSES.map(([code, label, labelEn], i) => ({ code, label, labelEn, sortOrder: i })))
    .onConflictDoNothing();
  await db
    .insert(dispositions)
    .values(DISPOSITIONS.map(([code, label, labelEn], i) => ({ code, label, labelEn, sortOrder: i })))
    .onConflictDoNothing();
  const name = '客服热线 Service';
  await db
    .insert(acdQueues)
    .values({
      name,
      strategy: 'longestIdle',
      ringTimeoutSec: 20,
      wrapUpSec: 30,
      maxWaitSec: 300,
      overflow: null,
      recordCalls: true,
      announcements: { firstAfterSec: 30, everySec: 60, position: true, estimatedWait: true },
    })
    .onConflictDoNothing();
  const [queue] = await db.select({ id: acdQueues.id }).from(acdQueues).where(eq(acdQueues.name, name));
  if (!queue) return;
  if (agentIds.length)
    await db
      .insert(acdQueueMembers)
      .values(agentIds.map((userId) => ({ queueId: queue.id, userId, penalty: 0 })))
      .onConflictDoNothing();
  await db
    .insert(dids)
    .values({ number: '4000', name: 'Service hotline', targetKind: 'queue', targetId: queue.id })
    .onConflictDoNothing();
}
