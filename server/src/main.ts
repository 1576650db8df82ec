// Boots the app for the roles in ROLES. The telephony role attaches the PBX once the inbound issue lands.
// Exits non-zero on anything fatal so a supervisor (ours, systemd, docker) sees a crash and restarts it;
// the exit codes in cli/supervisor-protocol.ts tell it when a restart cannot help.
import type { FastifyInstance } from 'fastify';
import { build } from './app.ts';
import {
  EXIT_CONFIG,
  EXIT_FATAL,
  EXIT_PORT_IN_USE,
  notifyListening,
  onSupervisorGone,
} from './cli/supervisor-protocol.ts';
import { ConfigError, configFromEnvironment } from './config/index.ts';

/** A close that hangs (a stuck connection or worker) must not keep a stopping server alive forever. */
const CLOSE_TIMEOUT_MS = 10_000;

let app: FastifyInstance | undefined;
let shuttingDown = false;

async function shutdown(reason: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  // Still booting: nothing is served yet, so there is nothing to close gracefully.
  if (!app) process.exit(0);
  app.log.info({ reason }, 'shutting down');
  setTimeout(() => {
    app?.log.error({ reason }, `close took longer than ${CLOSE_TIMEOUT_MS} ms; exiting`);
    process.exit(EXIT_FATAL);
  }, CLOSE_TIMEOUT_MS).unref();
  try {
    await app.close();
  } catch (err) {
    app.log.error({ err }, 'error while closing');
    process.exit(EXIT_FATAL);
  }
  process.exit(0);
}

function fatal(err: unknown, what: string): never {
  if (app) app.log.fatal({ err }, what);
  else console.error(what, err);
  process.exit(EXIT_FATAL);
}

async function main(): Promise<void> {
  // Registered before build: a signal (or a vanished supervisor) during boot must not leave a server
  // that goes on to listen after everyone has stopped waiting for it.
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  onSupervisorGone(() => void shutdown('supervisor gone'));
  process.on('uncaughtException', (err) => fatal(err, 'uncaught exception'));

  const config = configFromEnvironment();
  app = await build({ config });
  try {
    await app.listen({ host: config.HOST, port: config.PORT });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      app.log.fatal(
        `${config.HOST}:${config.PORT} is already in use by another process; set PORT or stop it`,
      );
      process.exit(EXIT_PORT_IN_USE);
    }
    throw err;
  }
  notifyListening(config.HOST, config.PORT);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(EXIT_CONFIG);
  }
  fatal(err, 'server failed to start');
});
