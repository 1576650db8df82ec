import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { RelationCreateBody, RelationDto } from '../../contracts/customers.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { customerRelations, customers } from '../../db/schema/customers.ts';
import { AppError } from '../../errors/catalog.ts';
import type { DataScope } from '../access/scope.ts';
import { writeAudit } from '../audit/service.ts';
import { CUSTOMER_ENTITY, findCustomer } from './repository.ts';
import type { Actor } from './service.ts';
import { scopedTo } from './fast-scope.ts';

/** Both directions of a customer's relations, limited to counterparts the scope may see. */
export async function listRelations(db: DbOrTx, scope: DataScope, customerId: string): Promise<RelationDto[]> {
  const other = sql`case when ${customerRelations.fromCustomerId} = ${customerId}::uuid then ${customerRelations.toCustomerId} else ${customerRelations.fromCustomerId} end`;
  const rows = await db
    .select({ r: customerRelations, otherName: customers.name })
    .from(customerRelations)
    .innerJoin(customers, eq(customers.id, other))
    .where(
      and(
        or(eq(customerRelations.fromCustomerId, customerId), eq(customerRelations.toCustomerId, customerId)),
        isNull(customers.deletedAt),
        scopedTo(scope, customers, CUSTOMER_ENTITY),
      ),
    )
    .orderBy(customerRelations.createdAt);
  return rows.map(({ r, otherName }) => ({
    id: r.id,
    fromCustomerId: r.fromCustomerId,
    toCustomerId: r.toCustomerId,
    otherName,
    kind: r.kind,
    direction: r.fromCustomerId === customerId ? 'out' : 'in',
    note: r.note,
  }));
}

export async function addRelation(db: Db, customerId: string, body: RelationCreateBody, a: Actor): Promise<RelationDto> {
  if (!(await findCustomer(db, a.scope, customerId, 'edit'))) throw new AppError('RS_NOT_FOUND');
  if (body.toCustomerId === customerId) throw new AppError('RS_VALIDATION', undefined, [{ path: 'toCustomerId', message: 'a customer cannot be related to itself' }]);
  if (!(await findCustomer(db, a.scope, body.toCustomerId))) throw new AppError('RS_VALIDATION', undefined, [{ path: 'toCustomerId', message: 'no such customer' }]);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(customerRelations)
      .values({ fromCustomerId: customerId, toCustomerId: body.toCustomerId, kind: body.kind, note: body.note ?? null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('RS_CONFLICT', 'This relation already exists');
    await writeAudit(tx, { actorUserId: a.user.id, action: 'customer.relation_add', entityType: CUSTOMER_ENTITY, entityId: customerId, details: { ...body, relationId: row.id }, ip: a.ip });
    return row.id;
  });
  return (await listRelations(db, a.scope, customerId)).find((r) => r.id === id)!;
}

export async function removeRelation(db: Db, customerId: string, relationId: string, a: Actor): Promise<void> {
  if (!(await findCustomer(db, a.scope, customerId, 'edit'))) throw new AppError('RS_NOT_FOUND');
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(customerRelations)
      .where(and(eq(customerRelations.id, relationId), or(eq(customerRelations.fromCustomerId, customerId), eq(customerRelations.toCustomerId, customerId))))
      .returning({ id: customerRelations.id });
    if (!gone.length) throw new AppError('RS_NOT_FOUND');
    await writeAudit(tx, { actorUserId: a.user.id, action: 'customer.relation_remove', entityType: CUSTOMER_ENTITY, entityId: customerId, details: { relationId }, ip: a.ip });
  });
}
