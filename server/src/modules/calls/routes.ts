// Calls: softphone controls on a live call (agent on it), wrap-up, click-to-dial, the call log and one
// call. Answer and mute are SIP-side in the console; hold is server-side so the caller hears music. The
// controls themselves are telephony's (telephony/call-controls.ts), through the facade's `calls`.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { CallLogFilterQuery } from '../../contracts/call-log.ts';
import { DialBody, TransferBody, WrapUpBody } from '../../contracts/telephony.ts';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import { access } from '../auth/guard.ts';
import { requireConnectedPbx, requireTelephony } from '../telephony/facade.ts';
import type { CallAction } from '../telephony/facade-calls.ts';
import { getCall, listCalls } from './log.ts';
import { saveWrapUp } from './wrap-up.ts';

const tags = ['calls'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
// Sales reps place and handle their own calls too (click-to-dial from CRM pages).
const onCall = { access: access.roles('agent', 'supervisor', 'sales') };

export const callRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const actions: [string, CallAction][] = [
    ['hold', 'hold'],
    ['retrieve', 'retrieve'],
    ['hangup', 'hangup'],
    ['transfer/complete', 'complete'],
    ['transfer/cancel', 'cancel'],
    ['conference', 'conference'],
  ];
  for (const [path, action] of actions) {
    app.post(
      `/api/calls/:id/${path}`,
      { config: onCall, schema: { tags, params: IdParams } },
      async (req, reply) => {
        await requireTelephony(app).calls.control(req.params.id, req.user!.id, action);
        return reply.status(204).send();
      },
    );
  }

  app.post(
    '/api/calls/:id/transfer',
    { config: onCall, schema: { tags, params: IdParams, body: TransferBody } },
    async (req, reply) => {
      await requireTelephony(app).calls.transfer(req.params.id, req.user!.id, req.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/calls/:id/wrap-up',
    { config: onCall, schema: { tags, params: IdParams, body: WrapUpBody } },
    async (req) => {
      const row = await saveWrapUp(
        app.db,
        await scopeOf(app, req),
        req.user!,
        req.params.id,
        req.body,
        req.ip,
      );
      // Wrap-up submitted: the agent is free again (or goes to the pause they booked during the call).
      await app.telephonyFacade?.calls.wrapUpDone(req.user!.id, req.params.id);
      return { id: row.id, disposition: row.disposition, note: row.note, wrappedUpAt: row.wrappedUpAt };
    },
  );

  app.post('/api/calls/dial', { config: onCall, schema: { tags, body: DialBody } }, async (req, reply) => {
    const tel = requireConnectedPbx(app);
    const number = req.body.number.replace(/[\s()-]/g, '');
    if (!/^\+?[0-9]{2,20}$/.test(number))
      throw new AppError('RS_VALIDATION', undefined, [{ path: 'number', message: 'not a phone number' }]);
    const callId = await tel.calls.dial(req.user!.id, number, req.body.partyId);
    return reply.status(202).send({ callId });
  });

  app.get(
    '/api/calls',
    { config: { access: access.anyUser }, schema: { tags, querystring: CallLogFilterQuery } },
    async (req) => listCalls(app.db, req.user!, await scopeOf(app, req), req.query),
  );

  app.get(
    '/api/calls/:id',
    { config: { access: access.anyUser }, schema: { tags, params: IdParams } },
    async (req) => {
      const row = await getCall(app.db, req.user!, await scopeOf(app, req), req.params.id);
      if (!row) throw new AppError('RS_NOT_FOUND');
      return row;
    },
  );
  void config;
};
