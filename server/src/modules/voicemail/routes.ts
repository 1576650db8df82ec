// Voicemail in the console: the messages of the caller's own mailbox and of the queues they belong to,
// playback with HTTP Range, and "heard". Anything outside the user's mailboxes is 404.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { VoicemailListQuery } from '../../contracts/voicemail.ts';
import { AppError } from '../../errors/catalog.ts';
import { access } from '../auth/guard.ts';
import { parseRange } from '../recordings/range.ts';
import { getVoicemail, listVoicemails, markHeard, voicemailFile } from './repository.ts';

const tags = ['voicemail'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const anyUser = { access: access.anyUser };

export const voicemailRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get('/api/voicemails', { config: anyUser, schema: { tags, querystring: VoicemailListQuery } }, async (req) => listVoicemails(app.db, req.user!, req.query));

  app.get('/api/voicemails/:id', { config: anyUser, schema: { tags, params: IdParams } }, async (req) => {
    const item = await getVoicemail(app.db, req.user!, req.params.id);
    if (!item) throw new AppError('RS_NOT_FOUND');
    return item;
  });

  app.post('/api/voicemails/:id/heard', { config: anyUser, schema: { tags, params: IdParams } }, async (req) => {
    const item = await markHeard(app.db, req.user!, req.params.id);
    if (!item) throw new AppError('RS_NOT_FOUND');
    return item;
  });

  app.get('/api/voicemails/:id/audio', { config: anyUser, schema: { tags, params: IdParams } }, async (req, reply) => {
    const rec = await voicemailFile(app.db, req.user!, req.params.id);
    if (!rec) throw new AppError('RS_NOT_FOUND');
    const file = join(config.RECORDINGS_DIR, `${rec.name}.${rec.format}`);
    if (!existsSync(file)) throw new AppError('RS_NOT_FOUND', 'The message file is not available');
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
