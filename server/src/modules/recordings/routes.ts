// Recordings: search (GET /api/recordings), playback and download with HTTP Range (GET
// /api/recordings/:id), the waveform as peaks (GET /api/recordings/:id/waveform), the retention
// setting (admin), and pause/resume of the recording on the agent's own live call (pause-routes.ts).
// A recording is visible only to users who may see its call AND its customer (visible.ts); anything
// else is 404 (existence is not leaked). Downloads and each start of a playback are audited.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { PlaybackQuery, RecordingSearchQuery, RetentionBody, WaveformQuery, type RecordingWaveform } from '../../contracts/recordings.ts';
import { recordingPauses } from '../../db/schema/recordings.ts';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import { writeAudit } from '../audit/service.ts';
import { access } from '../auth/guard.ts';
import { recordingPauseRoutes } from './pause-routes.ts';
import { parseRange } from './range.ts';
import { getRetention, setRetention } from './retention.ts';
import { searchRecordings } from './search.ts';
import { findVisibleRecording } from './visible.ts';
import { waveformOf } from './waveform.ts';

const tags = ['recordings'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const recordingRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const fileOf = (rec: { name: string; format: string }) => join(config.RECORDINGS_DIR, `${rec.name}.${rec.format}`);

  app.get('/api/recordings', { config: { access: access.anyUser }, schema: { tags, querystring: RecordingSearchQuery } }, async (req) =>
    searchRecordings(app.db, req.user!, await scopeOf(app, req), req.query),
  );

  app.get('/api/recordings/retention', { config: { access: access.roles('admin') }, schema: { tags } }, async () => {
    const r = await getRetention(app.db);
    return { retentionDays: r.retentionDays, updatedAt: r.updatedAt?.toISOString() ?? null };
  });

  app.put('/api/recordings/retention', { config: { access: access.roles('admin') }, schema: { tags, body: RetentionBody } }, async (req) => {
    const r = await setRetention(app.db, req.user!.id, req.body.retentionDays || null, req.ip);
    return { retentionDays: r.retentionDays, updatedAt: r.updatedAt.toISOString() };
  });

  app.get('/api/recordings/:id', { config: { access: access.anyUser }, schema: { tags, params: IdParams, querystring: PlaybackQuery } }, async (req, reply) => {
    const rec = await findVisibleRecording(app.db, req.user!, await scopeOf(app, req), req.params.id);
    if (!rec) throw new AppError('RS_NOT_FOUND');
    const file = fileOf(rec);
    if (!existsSync(file)) throw new AppError('RS_NOT_FOUND', 'The recording file is not available (yet)');
    const size = statSync(file).size;
    const range = parseRange(req.headers.range, size);
    const download = req.query.download === true;
    // One entry per download or per playback start (the player's later seeks ask for ranges past 0).
    if (download || !range || (range !== 'unsatisfiable' && range.start === 0)) {
      await writeAudit(app.db, { actorUserId: req.user!.id, action: download ? 'recording.download' : 'recording.play', entityType: 'recording', entityId: rec.id, details: { callId: rec.callId }, ip: req.ip });
    }
    void reply.header('accept-ranges', 'bytes').header('content-type', 'audio/wav').header('cache-control', 'private, no-store');
    if (download) void reply.header('content-disposition', `attachment; filename="${rec.name}.${rec.format}"`);
    if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${size}`).send();
    if (!range) return reply.header('content-length', size).send(createReadStream(file));
    return reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
      .header('content-length', range.end - range.start + 1)
      .send(createReadStream(file, { start: range.start, end: range.end }));
  });

  app.get('/api/recordings/:id/waveform', { config: { access: access.anyUser }, schema: { tags, params: IdParams, querystring: WaveformQuery } }, async (req): Promise<RecordingWaveform> => {
    const rec = await findVisibleRecording(app.db, req.user!, await scopeOf(app, req), req.params.id);
    if (!rec) throw new AppError('RS_NOT_FOUND');
    const file = fileOf(rec);
    if (!existsSync(file)) throw new AppError('RS_NOT_FOUND', 'The recording file is not available (yet)');
    const wave = await waveformOf(file, req.query.buckets);
    const pauses = await app.db.select().from(recordingPauses).where(eq(recordingPauses.recordingId, rec.id)).orderBy(asc(recordingPauses.pausedAt));
    return {
      ...wave,
      pauses: pauses.map((p) => ({
        pausedAt: p.pausedAt.toISOString(), pauseOffsetMs: p.pauseOffsetMs, pausedBy: p.pausedBy,
        resumedAt: p.resumedAt?.toISOString() ?? null, resumeOffsetMs: p.resumeOffsetMs, resumedBy: p.resumedBy,
      })),
    };
  });

  await app.register(recordingPauseRoutes);
};
