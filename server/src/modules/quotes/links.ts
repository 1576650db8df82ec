import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors/catalog.ts';
import type { Actor } from '../activities/actor.ts';
import { requireVisible } from '../activities/links.ts';

/** A sales document's customer must be visible; its contact and opportunity must belong to that customer. */
export async function checkDocumentLinks(tx: DbOrTx, actor: Actor, b: { customerId: string; contactId?: string | null; opportunityId?: string | null }): Promise<void> {
  await requireVisible(tx, actor.scope, 'customer', b.customerId, 'customerId');
  for (const [type, id, path] of [['contact', b.contactId, 'contactId'], ['opportunity', b.opportunityId, 'opportunityId']] as const) {
    if (!id) continue;
    const r = await requireVisible(tx, actor.scope, type, id, path);
    if (r.customerId !== b.customerId) throw new AppError('RS_VALIDATION', undefined, [{ path, message: 'belongs to another customer' }]);
  }
}
