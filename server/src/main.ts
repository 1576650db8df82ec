// Boots the app for the roles in ROLES. The telephony role attaches the PBX once the inbound issue lands.
import { build } from './app.ts';
import { ConfigError, configFromEnvironment } from './config/index.ts';

async function main(): Promise<void> {
  const config = configFromEnvironment();
  const app = await build({ config });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.HOST, port: config.PORT });
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
