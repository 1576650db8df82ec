// Who may see (search, play, download) a recording: a user who may see its call (calls/log.ts
// callsVisible) AND its customer (the CRM's data scope). A call without a customer counts only the
// call rule. The query must join calls and left-join customers.
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { calls, recordings } from '../../db/schema/calls.ts';
import { customers } from '../../db/schema/customers.ts';
import type { DataScope } from '../access/scope.ts';
import { visibleTo } from '../access/visibility.ts';
import type { SessionUser } from '../auth/guard.ts';
import { callsVisible } from '../calls/log.ts';
import { CUSTOMER_ENTITY } from '../customers/repository.ts';

export function recordingVisible(user: SessionUser, scope: DataScope): SQL {
  return and(callsVisible(user, scope), or(isNull(calls.customerId), sql`(${customers.id} is not null and ${visibleTo(scope, customers, CUSTOMER_ENTITY)})`))!;
}

/** The recording if the user may see it; undefined otherwise (callers answer 404: existence is not leaked). */
export async function findVisibleRecording(db: DbOrTx, user: SessionUser, scope: DataScope, id: string) {
  const [rec] = await db
    .select({ id: recordings.id, name: recordings.name, format: recordings.format, callId: recordings.callId })
    .from(recordings)
    .innerJoin(calls, eq(calls.id, recordings.callId))
    .leftJoin(customers, eq(customers.id, calls.customerId))
    .where(and(eq(recordings.id, id), recordingVisible(user, scope)));
  return rec;
}
