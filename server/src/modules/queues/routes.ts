// ACD queues (CC8) with their members: admins maintain them, supervisors read. Changes reach the
// running ACD at once (telephony runtime reload).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { asc, eq, inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { QueueCreateBody, QueueUpdateBody } from '../../contracts/telephony.ts';
import type { DbOrTx } from '../../db/client.ts';
import { acdQueueMembers, acdQueues } from '../../db/schema/telephony.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { access } from '../auth/guard.ts';

const tags = ['queues'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const admin = { access: access.roles('admin') };
const readers = { access: access.roles('admin', 'supervisor') };
type Members = { userId: string; penalty: number }[];

async function withMembers(db: DbOrTx, rows: (typeof acdQueues.$inferSelect)[]) {
  const ids = rows.map((r) => r.id);
  const members = ids.length ? await db.select().from(acdQueueMembers).where(inArray(acdQueueMembers.queueId, ids)) : [];
  return rows.map((r) => ({ ...r, members: members.filter((m) => m.queueId === r.id).map(({ userId, penalty }) => ({ userId, penalty })) }));
}

async function setMembers(tx: DbOrTx, queueId: string, members: Members): Promise<void> {
  const ids = [...new Set(members.map((m) => m.userId))];
  if (ids.length) {
    const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, ids));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new AppError('RS_VALIDATION', undefined, missing.map((id) => ({ path: `members/${members.findIndex((m) => m.userId === id)}/userId`, message: 'no such user' })));
  }
  await tx.delete(acdQueueMembers).where(eq(acdQueueMembers.queueId, queueId));
  if (members.length) await tx.insert(acdQueueMembers).values(members.map((m) => ({ queueId, userId: m.userId, penalty: m.penalty })));
}

function isUnique(e: unknown): boolean {
  const c = e as { code?: string; cause?: { code?: string } };
  return c?.code === '23505' || c?.cause?.code === '23505';
}
const nameTaken = () => new AppError('RS_VALIDATION', undefined, [{ path: 'name', message: 'is already used by another queue' }]);

export const queueRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get('/api/queues', { config: readers, schema: { tags } }, async () => ({ items: await withMembers(app.db, await app.db.select().from(acdQueues).orderBy(asc(acdQueues.name))) }));

  app.get('/api/queues/:id', { config: readers, schema: { tags, params: IdParams } }, async (req) => {
    const rows = await app.db.select().from(acdQueues).where(eq(acdQueues.id, req.params.id));
    if (!rows.length) throw new AppError('RS_NOT_FOUND');
    return (await withMembers(app.db, rows))[0];
  });

  app.post('/api/queues', { config: admin, schema: { tags, body: QueueCreateBody } }, async (req, reply) => {
    const { members, ...fields } = req.body;
    try {
      const row = await app.db.transaction(async (tx) => {
        const [q] = await tx.insert(acdQueues).values(fields as typeof acdQueues.$inferInsert).returning();
        await setMembers(tx, q!.id, members ?? []);
        await writeAudit(tx, { actorUserId: req.user!.id, action: 'queue.create', entityType: 'queue', entityId: q!.id, details: { name: q!.name }, ip: req.ip });
        return (await withMembers(tx, [q!]))[0];
      });
      await app.telephonyFacade?.reload();
      return reply.status(201).send(row);
    } catch (e) {
      throw isUnique(e) ? nameTaken() : e;
    }
  });

  app.patch('/api/queues/:id', { config: admin, schema: { tags, params: IdParams, body: QueueUpdateBody } }, async (req) => {
    const { members, ...fields } = req.body;
    try {
      const row = await app.db.transaction(async (tx) => {
        const [q] = Object.keys(fields).length
          ? await tx.update(acdQueues).set({ ...(fields as Partial<typeof acdQueues.$inferInsert>), updatedAt: new Date() }).where(eq(acdQueues.id, req.params.id)).returning()
          : await tx.select().from(acdQueues).where(eq(acdQueues.id, req.params.id));
        if (!q) throw new AppError('RS_NOT_FOUND');
        if (members) await setMembers(tx, q.id, members);
        await writeAudit(tx, { actorUserId: req.user!.id, action: 'queue.update', entityType: 'queue', entityId: q.id, details: { fields: Object.keys(req.body) }, ip: req.ip });
        return (await withMembers(tx, [q]))[0];
      });
      await app.telephonyFacade?.reload();
      return row;
    } catch (e) {
      throw isUnique(e) ? nameTaken() : e;
    }
  });

  app.delete('/api/queues/:id', { config: admin, schema: { tags, params: IdParams } }, async (req, reply) => {
    const [q] = await app.db.delete(acdQueues).where(eq(acdQueues.id, req.params.id)).returning();
    if (!q) throw new AppError('RS_NOT_FOUND');
    await app.telephonyFacade?.reload();
    return reply.status(204).send();
  });
};
