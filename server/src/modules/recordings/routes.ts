// GET /api/recordings/:id — a call (or voicemail) recording as audio/wav with HTTP Range support, only
// for users who may see the call AND its customer. Anything else is 404 (existence is not leaked).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { calls, recordings } from '../../db/schema/calls.ts';
import { customers } from '../../db/schema/customers.ts';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import { visibleTo } from '../access/visibility.ts';
import { access } from '../auth/guard.ts';
import { callsVisible } from '../calls/log.ts';
import { CUSTOMER_ENTITY } from '../customers/repository.ts';
import { parseRange } from './range.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const recordingRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get('/api/recordings/:id', { config: { access: access.anyUser }, schema: { tags: ['recordings'], params: IdParams } }, async (req, reply) => {
    const scope = await scopeOf(app, req);
    const [rec] = await app.db
      .select({ name: recordings.name, format: recordings.format })
      .from(recordings)
      .innerJoin(calls, eq(calls.id, recordings.callId))
      .leftJoin(customers, eq(customers.id, calls.customerId))
      .where(and(eq(recordings.id, req.params.id), callsVisible(req.user!, scope), or(isNull(calls.customerId), sql`(${customers.id} is not null and ${visibleTo(scope, customers, CUSTOMER_ENTITY)})`)));
    if (!rec) throw new AppError('RS_NOT_FOUND');
    const file = join(config.RECORDINGS_DIR, `${rec.name}.${rec.format}`);
    if (!existsSync(file)) throw new AppError('RS_NOT_FOUND', 'The recording file is not available (yet)');
    const size = statSync(file).size;
    const range = parseRange(req.headers.range, size);
    void reply.header('accept-ranges', 'bytes').header('content-type', 'audio/wav').header('cache-control', 'private, no-store');
    if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${size}`).send();
    if (!range) return reply.header('content-length', size).send(createReadStream(file));
    return reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
      .header('content-length', range.end - range.start + 1)
      .send(createReadStream(file, { start: range.start, end: range.end }));
  });
};
