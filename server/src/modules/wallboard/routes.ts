// The live wallboard: GET /api/wallboard for the first paint (and after a reconnect), then socket.io
// pushes after `wallboard:subscribe`. Supervisors see their teams' agents and the queues they serve;
// admins everything; anyone else is refused on both paths.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import type { Config } from '../../config/index.ts';
import type { WallboardCampaignTile } from '../../contracts/wallboard.ts';
import { access, type SessionUser } from '../auth/guard.ts';
import { WallboardHub, viewerRoom } from './hub.ts';
import { scopeOf } from '../access/request-scope.ts';
import { findVisibleCampaign } from '../campaigns/repository.ts';
import { viewerScope, viewerScopeOf } from './viewer-scope.ts';

declare module 'fastify' {
  interface FastifyInstance {
    wallboard: WallboardHub;
  }
}

const tags = ['wallboard'];
const viewers = access.roles('supervisor', 'admin');
const mayView = (u: SessionUser) => u.roles.includes('supervisor') || u.roles.includes('admin');

const plugin: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const hub = new WallboardHub({ db: app.db, io: app.io, log: app.log, timeZone: config.TIMEZONE });
  app.decorate('wallboard', hub);
  // The dialer (registered before the modules, when this process runs it) is the source of campaign
  // tiles; without it the console shows an empty state for campaigns.
  const dialer = app.dialer;
  if (dialer) hub.campaignSource = (): WallboardCampaignTile[] => dialer.snapshot();
  // After the telephony role's onReady (registered earlier), so its agents are restored.
  app.addHook('onReady', async () => hub.start(app.telephonyFacade));
  app.addHook('onClose', async () => hub.stop());

  app.io.on('connection', (socket) => {
    const user = socket.data.user;
    let subscribed = false;
    socket.on('wallboard:subscribe', (maybeAck) => {
      // A client may send anything in place of the ack; calling a non-function would throw in a listener.
      const ack = typeof maybeAck === 'function' ? maybeAck : () => undefined;
      if (!mayView(user)) return ack({ ok: false, code: 'RS_FORBIDDEN' });
      viewerScope(app.db, user).then(
        async (scope) => {
          if (socket.disconnected) return; // gone while its scope was read: nothing to count down later
          if (!subscribed) hub.addViewer(user.id, scope);
          subscribed = true;
          await socket.join(viewerRoom(user.id));
          ack({ ok: true });
        },
        (err: unknown) => {
          app.log.warn({ err }, 'wallboard: subscribe failed');
          ack({ ok: false, code: 'RS_INTERNAL' });
        },
      );
    });
    socket.on('disconnect', () => {
      if (subscribed) hub.removeViewer(user.id);
    });
  });

  app.get('/api/wallboard', { config: { access: viewers }, schema: { tags } }, async (req) => {
    const scope = await scopeOf(app, req);
    const snap = hub.snapshot(viewerScopeOf(scope));
    if (scope.kind === 'all') return snap;
    // Campaigns as the campaign pages scope them: a supervisor sees their teams' campaigns.
    const visible = await Promise.all(
      snap.campaigns.map(async (c) => ((await findVisibleCampaign(app.db, scope, c.campaignId)) ? c : null)),
    );
    return { ...snap, campaigns: visible.filter((c) => c !== null) };
  });
};

// Not encapsulated: app.wallboard is read by the benchmark and tests (and by other modules later).
export const wallboardRoutes = fp(plugin, { name: 'wallboard' });
