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
import { requireConnectedPbx, requireTelephony } from '../telephony/facade.ts';
import { createSupervision, forceHangup, modeOf, monitor, stopMonitor, takeOverCallFor } from './actions.ts';
import type { Supervision } from './registry.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { authorizeTarget, type Target } from './target.ts';

const tags = ['supervision'];
const supervisors = { access: access.roles('supervisor', 'admin') };
const CallParams = Type.Object({ callId: Type.String({ format: 'uuid' }) });

export const supervisionRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  // One supervision per telephony role: it receives its legs' PBX events from now on.
  const tel = app.telephonyFacade;
  const sv = tel ? createSupervision({ tel, io: app.io, db: app.db, log: app.log }) : null;
  if (sv) {
    app.addHook('onClose', async () => sv.stop());
    // A console (re)connecting is told the sessions this process holds for its user. Pushes sent while
    // it was away are lost, and after a restart its sessions are gone (the new process hung up their
    // legs): the console forgets what it knew on reconnect (web-agent supervision store) and learns
    // here what still holds.
    app.io.on('connection', (socket) => {
      const userId = socket.data.user.id;
      const held = [...sv.sessions.values()].filter((s) => s.mode);
      for (const s of held)
        if (s.supervisorId === userId)
          socket.emit('supervision:monitor', { callId: s.callId, mode: s.mode, audience: 'supervisor' });
      const watched = held.filter((s) => s.agentId === userId);
      if (watched.length)
        loadSettings(app.db).then(
          (p) => {
            if (p.agentsSeeMonitoring)
              for (const s of watched)
                socket.emit('supervision:monitor', { callId: s.callId, mode: s.mode, audience: 'agent' });
          },
          (err: unknown) => app.log.warn({ err }, 'supervision: monitored indicator not replayed'),
        );
    });
  }
  /** The supervision of this process, or 503 like every telephony route. */
  const supervision = (connected: boolean): Supervision => {
    if (connected) requireConnectedPbx(app);
    else requireTelephony(app);
    return sv!;
  };

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
    s: Supervision,
    callId: string,
    action: string,
  ): Promise<Target> {
    const t = await authorizeTarget(s.tel, app.db, req.user!, await scopeOf(app, req), callId);
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
      const s = supervision(true);
      const t = await permitted(req, s, req.params.callId, req.body.mode);
      const session = await monitor(s, t, req.user!.id, req.body.mode);
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
      const stopped = await stopMonitor(supervision(false), req.params.callId, req.user!.id);
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
      const s = supervision(true);
      const t = await permitted(req, s, req.params.callId, 'hangup');
      await forceHangup(s, t);
      await audit(req, 'supervision.hangup', t);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/supervision/calls/:callId/takeover',
    { config: supervisors, schema: { tags, params: CallParams } },
    async (req) => {
      const s = supervision(true);
      const t = await permitted(req, s, req.params.callId, 'takeover');
      await takeOverCallFor(s, t, req.user!.id);
      await audit(req, 'supervision.takeover', t);
      return { callId: t.callId, agentId: t.agentId, supervisorId: req.user!.id, mode: null };
    },
  );

  app.get('/api/supervision/calls', { config: supervisors, schema: { tags } }, async (req) => {
    const s = supervision(false);
    const scope = await scopeOf(app, req);
    const live = s.tel.supervision.liveTalks();
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
      items.push({
        callId: t.id,
        agentId: t.agentId,
        agentName: agent?.name ?? null,
        callerNumber: t.callerNumber,
        queueId: t.queueId,
        campaign: t.campaign,
        status: t.status,
        answeredAt: t.answeredAt ? new Date(t.answeredAt).toISOString() : null,
        myMode: modeOf(s, t.id, req.user!.id),
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
