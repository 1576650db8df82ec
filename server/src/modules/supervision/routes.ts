// Supervisor call actions (CC13) and the live calls a supervisor may act on. Supervisors and admins
// only (roles on onRequest); a supervisor only on calls of agents in teams they manage or of their
// subordinates, decided before any PBX command. Every action and mode switch goes to the audit log,
// denials by scope too.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { MonitorBody, SupervisionSettingsBody, type LiveCallView } from '../../contracts/supervision.ts';
import { maySupervise } from '../../core/supervision/supervise-policy.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors/catalog.ts';
import { scopeOf } from '../access/request-scope.ts';
import { writeAudit } from '../audit/service.ts';
import { access } from '../auth/guard.ts';
import { requireConnectedPbx, requireTelephony } from '../telephony/require.ts';
import type { TelephonyRuntime } from '../telephony/runtime.ts';
import { forceHangup, modeOf, monitor, stopMonitor, takeOverCallFor } from './actions.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { authorizeTarget, liveTalks, type Target } from './target.ts';

const tags = ['supervision'];
const supervisors = { access: access.roles('supervisor', 'admin') };
const CallParams = Type.Object({ callId: Type.String({ format: 'uuid' }) });

export const supervisionRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  const audit = (req: FastifyRequest, action: string, t: Target, details: Record<string, unknown> = {}) =>
    writeAudit(app.db, {
      actorUserId: req.user!.id,
      action,
      entityType: 'call',
      entityId: t.callId,
      details: { agentId: t.agentId, ...details },
      ip: req.ip,
    });

  /** The target, or 404 (audited) when the supervisor may not act on it. */
  async function permitted(
    req: FastifyRequest,
    rt: TelephonyRuntime,
    callId: string,
    action: string,
  ): Promise<Target> {
    const t = await authorizeTarget(rt, req.user!, await scopeOf(app, req), callId);
    if (t.denied) {
      await audit(req, 'supervision.denied', t, { attempted: action, reason: t.denied });
      throw new AppError('RS_NOT_FOUND');
    }
    return { callId: t.callId, agentId: t.agentId };
  }

  app.post(
    '/api/supervision/calls/:callId/monitor',
    { config: supervisors, schema: { tags, params: CallParams, body: MonitorBody } },
    async (req) => {
      const rt = requireConnectedPbx(app);
      const t = await permitted(req, rt, req.params.callId, req.body.mode);
      const session = await monitor(rt, t, req.user!.id, req.body.mode);
      await audit(req, `supervision.${req.body.mode}`, t, { from: session.from });
      return {
        callId: session.callId,
        agentId: session.agentId,
        supervisorId: session.supervisorId,
        mode: session.mode,
      };
    },
  );

  app.delete(
    '/api/supervision/calls/:callId/monitor',
    { config: supervisors, schema: { tags, params: CallParams } },
    async (req, reply) => {
      const rt = requireTelephony(app);
      const stopped = await stopMonitor(rt, req.params.callId, req.user!.id);
      await audit(
        req,
        'supervision.stop',
        { callId: req.params.callId, agentId: stopped.agentId },
        { from: stopped.mode },
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/supervision/calls/:callId/hangup',
    { config: supervisors, schema: { tags, params: CallParams } },
    async (req, reply) => {
      const rt = requireConnectedPbx(app);
      const t = await permitted(req, rt, req.params.callId, 'hangup');
      await forceHangup(rt, t);
      await audit(req, 'supervision.hangup', t);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/supervision/calls/:callId/takeover',
    { config: supervisors, schema: { tags, params: CallParams } },
    async (req) => {
      const rt = requireConnectedPbx(app);
      const t = await permitted(req, rt, req.params.callId, 'takeover');
      await takeOverCallFor(rt, t, req.user!.id);
      await audit(req, 'supervision.takeover', t);
      return { callId: t.callId, agentId: t.agentId, supervisorId: req.user!.id, mode: null };
    },
  );

  app.get('/api/supervision/calls', { config: supervisors, schema: { tags } }, async (req) => {
    const rt = requireTelephony(app);
    const scope = await scopeOf(app, req);
    const live = liveTalks(rt);
    const agentIds = [...new Set(live.map((t) => t.agentId))];
    const rows = agentIds.length
      ? await app.db
          .select({ id: users.id, teamId: users.teamId, name: users.displayName })
          .from(users)
          .where(inArray(users.id, agentIds))
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items: LiveCallView[] = [];
    for (const t of live) {
      const agent = byId.get(t.agentId);
      if (!maySupervise(req.user!, scope, { id: t.agentId, teamId: agent?.teamId ?? null }).ok) continue;
      const call = t.kind === 'call' ? rt.calls.get(t.id) : undefined;
      const s = call?.state.status;
      const answeredAt = call ? call.state.answeredAt : (rt.dials.get(t.id)?.answeredAt ?? null);
      items.push({
        callId: t.id,
        agentId: t.agentId,
        agentName: agent?.name ?? null,
        callerNumber: t.callerNumber,
        queueId: !s || call?.campaign || !('queueId' in s) ? null : s.queueId,
        campaign: call?.campaign ? { id: call.campaign.id, name: call.campaign.name } : null,
        status: s?.kind ?? 'answered',
        answeredAt: answeredAt ? new Date(answeredAt).toISOString() : null,
        myMode: modeOf(rt, t.id, req.user!.id),
      });
    }
    return { items };
  });

  app.get('/api/supervision/settings', { config: supervisors, schema: { tags } }, async () =>
    loadSettings(app.db),
  );

  app.put(
    '/api/supervision/settings',
    { config: { access: access.roles('admin') }, schema: { tags, body: SupervisionSettingsBody } },
    async (req) => {
      const saved = await saveSettings(app.db, req.body, req.user!.id);
      await writeAudit(app.db, {
        actorUserId: req.user!.id,
        action: 'supervision.settings',
        entityType: 'supervision_settings',
        details: { ...saved },
        ip: req.ip,
      });
      return saved;
    },
  );
};
