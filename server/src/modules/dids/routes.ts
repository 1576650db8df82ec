// Inbound numbers (DIDs) → a queue, an IVR menu, a user or a voicemail box. Admins maintain them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { DidBody } from '../../contracts/telephony.ts';
import { dids } from '../../db/schema/telephony.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { access } from '../auth/guard.ts';

const tags = ['dids'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const admin = { access: access.roles('admin') };
const taken = () =>
  new AppError('RS_VALIDATION', undefined, [{ path: 'number', message: 'is already configured' }]);
const isUnique = (e: unknown) =>
  (e as { code?: string })?.code === '23505' || (e as { cause?: { code?: string } })?.cause?.code === '23505';

export const didRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get(
    '/api/dids',
    { config: { access: access.roles('admin', 'supervisor') }, schema: { tags } },
    async () => ({
      items: await app.db.select().from(dids).orderBy(asc(dids.number)),
    }),
  );

  app.post('/api/dids', { config: admin, schema: { tags, body: DidBody } }, async (req, reply) => {
    try {
      const row = await app.db.transaction(async (tx) => {
        const [d] = await tx
          .insert(dids)
          .values({ ...req.body, name: req.body.name ?? '' })
          .returning();
        await writeAudit(tx, {
          actorUserId: req.user!.id,
          action: 'did.create',
          entityType: 'did',
          entityId: d!.id,
          details: { number: d!.number },
          ip: req.ip,
        });
        return d!;
      });
      await app.telephonyFacade?.reload();
      return reply.status(201).send(row);
    } catch (e) {
      throw isUnique(e) ? taken() : e;
    }
  });

  app.put(
    '/api/dids/:id',
    { config: admin, schema: { tags, params: IdParams, body: DidBody } },
    async (req) => {
      try {
        const [d] = await app.db
          .update(dids)
          .set({ ...req.body, name: req.body.name ?? '', updatedAt: new Date() })
          .where(eq(dids.id, req.params.id))
          .returning();
        if (!d) throw new AppError('RS_NOT_FOUND');
        await app.telephonyFacade?.reload();
        return d;
      } catch (e) {
        throw isUnique(e) ? taken() : e;
      }
    },
  );

  app.delete('/api/dids/:id', { config: admin, schema: { tags, params: IdParams } }, async (req, reply) => {
    const [d] = await app.db.delete(dids).where(eq(dids.id, req.params.id)).returning();
    if (!d) throw new AppError('RS_NOT_FOUND');
    await app.telephonyFacade?.reload();
    return reply.status(204).send();
  });
};
