// Pause/resume of the recording on the caller's own live call (the agent on it), and its state for
// the console's button. The work is telephony's (telephony/recording-pause.ts, in the telephony actor),
// through the facade's `calls`.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RecordingPauseStatePayload } from '../../contracts/recordings.ts';
import { access } from '../auth/guard.ts';
import { requireConnectedPbx, requireTelephony } from '../telephony/facade.ts';

const tags = ['recordings'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
// Whoever may be on a call (calls/routes.ts onCall) may pause its recording.
const onCall = { access: access.roles('agent', 'supervisor', 'sales') };

export const recordingPauseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/calls/:id/recording',
    { config: onCall, schema: { tags, params: IdParams } },
    async (req): Promise<RecordingPauseStatePayload> =>
      requireTelephony(app).calls.recordingState(req.params.id, req.user!.id),
  );
  app.post(
    '/api/calls/:id/recording/pause',
    { config: onCall, schema: { tags, params: IdParams } },
    async (req): Promise<RecordingPauseStatePayload> =>
      requireConnectedPbx(app).calls.setRecordingPaused(req.params.id, req.user!.id, true, req.ip),
  );
  app.post(
    '/api/calls/:id/recording/resume',
    { config: onCall, schema: { tags, params: IdParams } },
    async (req): Promise<RecordingPauseStatePayload> =>
      requireConnectedPbx(app).calls.setRecordingPaused(req.params.id, req.user!.id, false, req.ip),
  );
};
