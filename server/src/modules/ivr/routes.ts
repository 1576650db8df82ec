// IVR menus (prompt, DTMF options to a queue / sub-menu / voicemail / user, timeout and retries).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { IvrMenuBody } from '../../contracts/telephony.ts';
import { ivrMenus } from '../../db/schema/telephony.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { access } from '../auth/guard.ts';

const tags = ['ivr'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const admin = { access: access.roles('admin') };
const isUnique = (e: unknown) => (e as { code?: string })?.code === '23505' || (e as { cause?: { code?: string } })?.cause?.code === '23505';
const taken = () => new AppError('RS_VALIDATION', undefined, [{ path: 'name', message: 'is already used by another menu' }]);

function duplicateDigits(body: IvrMenuBody): void {
  const seen = new Set<string>();
  const details = body.options.flatMap((o, i) => (seen.has(o.digit) ? [{ path: `options/${i}/digit`, message: 'is used twice' }] : (seen.add(o.digit), [])));
  if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
}

export const ivrRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get('/api/ivr-menus', { config: { access: access.roles('admin', 'supervisor') }, schema: { tags } }, async () => ({
    items: await app.db.select().from(ivrMenus).orderBy(asc(ivrMenus.name)),
  }));

  app.post('/api/ivr-menus', { config: admin, schema: { tags, body: IvrMenuBody } }, async (req, reply) => {
    duplicateDigits(req.body);
    try {
      const row = await app.db.transaction(async (tx) => {
        const [m] = await tx.insert(ivrMenus).values(req.body).returning();
        await writeAudit(tx, { actorUserId: req.user!.id, action: 'ivr.create', entityType: 'ivr_menu', entityId: m!.id, details: { name: m!.name }, ip: req.ip });
        return m!;
      });
      return reply.status(201).send(row);
    } catch (e) {
      throw isUnique(e) ? taken() : e;
    }
  });

  app.put('/api/ivr-menus/:id', { config: admin, schema: { tags, params: IdParams, body: IvrMenuBody } }, async (req) => {
    duplicateDigits(req.body);
    try {
      const [m] = await app.db.update(ivrMenus).set({ ...req.body, updatedAt: new Date() }).where(eq(ivrMenus.id, req.params.id)).returning();
      if (!m) throw new AppError('RS_NOT_FOUND');
      return m;
    } catch (e) {
      throw isUnique(e) ? taken() : e;
    }
  });

  app.delete('/api/ivr-menus/:id', { config: admin, schema: { tags, params: IdParams } }, async (req, reply) => {
    const [m] = await app.db.delete(ivrMenus).where(eq(ivrMenus.id, req.params.id)).returning();
    if (!m) throw new AppError('RS_NOT_FOUND');
    return reply.status(204).send();
  });
};
