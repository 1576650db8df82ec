// The dialer role rides on the telephony role: same process, same PBX connection, and it needs the
// agents' live states. No telephony here → app.dialer is null and the preview routes answer 503.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { attemptsKey, RedisAttemptStore } from './attempt-store.ts';
import { DialerRuntime } from './runtime.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** null when this process does not run the telephony role. */
    dialer: DialerRuntime | null;
  }
}

export const dialerPlugin = fp(async (app: FastifyInstance) => {
  const telephony = app.telephonyFacade;
  if (!telephony) {
    app.decorate('dialer', null);
    return;
  }
  // Attempts in progress persist per Stasis app (tests run their own), so a restart can finish them.
  const store = new RedisAttemptStore(app.redis, attemptsKey(telephony.pbx.app));
  const dialer = new DialerRuntime({
    telephony,
    store,
    db: app.db,
    io: app.io,
    log: app.log,
  });
  app.decorate('dialer', dialer);
  // Registered after the telephony plugin, so its onReady (runtime started) has run before this one.
  app.addHook('onReady', async () => {
    await dialer.start();
  });
  app.addHook('onClose', async () => {
    await dialer.stop();
  });
});
