import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Pass the transaction when the audited change is in one, so both commit or neither does. */
export async function writeAudit(db: Pick<Db, 'insert'>, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: e.actorUserId,
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    details: e.details ?? {},
    ip: e.ip ?? null,
  });
}
