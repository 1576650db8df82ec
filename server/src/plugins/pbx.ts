// The telephony role: when 'telephony' is in ROLES and PBX_ENABLED, this process connects to the PBX
// (ARI adapter behind the PbxPort) and runs the TelephonyRuntime. The connection is made in the
// background: the API must boot while Asterisk is down; routes that need it answer 503 meanwhile.
import { createAsteriskAdapter, createAsteriskProvisioning } from '@ringside/pbx';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config/index.ts';
import { TelephonyFacade } from '../modules/telephony/facade.ts';
import { createTelephonyRuntime } from '../modules/telephony/role.ts';
import type { TelephonyRuntime } from '../modules/telephony/runtime.ts';
import { callInProgress, pendingOffer } from '../modules/telephony/offer-replay.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * What every other module uses (modules/telephony/facade.ts); null when this process does not run
     * the telephony role.
     */
    telephonyFacade: TelephonyFacade | null;
    /**
     * The runtime itself, for this plugin and for tests (its maps, trace, PBX port). Modules use
     * telephonyFacade instead (server/src/telephony-boundary.test.ts).
     */
    telephony: TelephonyRuntime | null;
  }
}

export const pbxPlugin = fp(async (app: FastifyInstance, { config }: { config: Config }) => {
  if (!config.roles.includes('telephony') || !config.PBX_ENABLED) {
    app.decorate('telephony', null);
    app.decorate('telephonyFacade', null);
    return;
  }
  const ari = { url: config.ARI_URL, user: config.ARI_USER, password: config.ARI_PASSWORD };
  const pbx = createAsteriskAdapter({
    ...ari,
    app: config.ARI_APP,
    numberAddress: config.OUTBOUND_DIAL || undefined,
    onListenerError: (err) => app.log.error({ err }, 'telephony: listener failed'),
  });
  const runtime = createTelephonyRuntime({
    pbx,
    provisioning: createAsteriskProvisioning(ari),
    db: app.db,
    io: app.io,
    config,
    log: app.log,
    redis: app.redis,
  });
  app.decorate('telephony', runtime);
  app.decorate('telephonyFacade', new TelephonyFacade(runtime));
  app.io.on('connection', (socket) => {
    const offer = pendingOffer(runtime, socket.data.user.id);
    if (offer) socket.emit('call:offer', offer);
    const talking = callInProgress(runtime, socket.data.user.id);
    if (talking) {
      socket.emit('call:offer', talking.offer);
      socket.emit('call:update', talking.update);
    }
  });
  // Started while the rest of the app is still registering, not at onReady: after a crash, the callers
  // waiting in the PBX are reconciled (recovery.ts) as soon as the event stream is up, in parallel with
  // the other plugins' loading, instead of a second later. Plugins registered after this one (dialer,
  // wallboard) still find the runtime started.
  await runtime.start();
  pbx.connect().then(
    () => app.log.info({ app: config.ARI_APP }, 'telephony: connected to the PBX'),
    (err: unknown) => app.log.warn({ err }, 'telephony: PBX connection not established'),
  );
  app.addHook('onClose', async () => {
    await runtime.stop();
    await pbx.close();
  });
});
