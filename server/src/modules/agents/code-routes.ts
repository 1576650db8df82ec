// Admin lists of codes: pause codes (agents pick one when pausing) and dispositions (agents pick one
// at wrap-up). Admins maintain them; supervisors read; agents read dispositions for the wrap-up form.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { CodeBody } from '../../contracts/telephony.ts';
import { dispositions, pauseCodes } from '../../db/schema/telephony.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { access, type Access } from '../auth/guard.ts';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) });
const Patch = Type.Partial(Type.Omit(CodeBody, ['code']), { additionalProperties: false });

function codeList(
  path: string,
  table: typeof pauseCodes | typeof dispositions,
  entity: string,
  readers: Access,
): FastifyPluginAsyncTypebox<{ config: Config }> {
  const admin = { access: access.roles('admin') };
  return async (app) => {
    app.get(path, { config: { access: readers }, schema: { tags: ['telephony-admin'] } }, async (req) => {
      // Admins manage inactive codes too; everyone else sees only what they may pick.
      const where = req.user!.roles.includes('admin') ? undefined : eq(table.active, true);
      const rows = await app.db
        .select()
        .from(table)
        .where(where)
        .orderBy(asc(table.sortOrder), asc(table.code));
      return { items: rows };
    });
    app.post(
      path,
      { config: admin, schema: { tags: ['telephony-admin'], body: CodeBody } },
      async (req, reply) => {
        const row = await app.db.transaction(async (tx) => {
          const [r] = await tx.insert(table).values(req.body).onConflictDoNothing().returning();
          if (!r)
            throw new AppError('RS_VALIDATION', undefined, [{ path: 'code', message: 'already exists' }]);
          await writeAudit(tx, {
            actorUserId: req.user!.id,
            action: `${entity}.create`,
            entityType: entity,
            details: { code: r.code },
            ip: req.ip,
          });
          return r;
        });
        await app.telephonyFacade?.reload();
        return reply.status(201).send(row);
      },
    );
    app.patch(
      `${path}/:code`,
      { config: admin, schema: { tags: ['telephony-admin'], params: CodeParams, body: Patch } },
      async (req) => {
        const [r] = await app.db
          .update(table)
          .set(req.body)
          .where(eq(table.code, req.params.code))
          .returning();
        if (!r) throw new AppError('RS_NOT_FOUND');
        await app.telephonyFacade?.reload();
        return r;
      },
    );
    app.delete(
      `${path}/:code`,
      { config: admin, schema: { tags: ['telephony-admin'], params: CodeParams } },
      async (req, reply) => {
        const [r] = await app.db.delete(table).where(eq(table.code, req.params.code)).returning();
        if (!r) throw new AppError('RS_NOT_FOUND');
        await app.telephonyFacade?.reload();
        return reply.status(204).send();
      },
    );
  };
}

export const pauseCodeRoutes = codeList(
  '/api/pause-codes',
  pauseCodes,
  'pause_code',
  access.roles('admin', 'supervisor'),
);
export const dispositionRoutes = codeList(
  '/api/dispositions',
  dispositions,
  'disposition',
  access.roles('admin', 'supervisor', 'agent'),
);
