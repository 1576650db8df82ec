// `npm stop`: stops the supervisor, its server and Asterisk. PostgreSQL and Redis are left running: they
// are shared system services that other software on the machine may use.
import { configFromEnvironment } from '../config/index.ts';
import { stopPbxFromConfig } from './pbx.ts';
import { stopOrphanServers, stopSupervised } from './server-process.ts';
import { step } from './shell.ts';

async function main(): Promise<void> {
  const stopped = await stopSupervised();
  if (stopped.supervisorPid) step(`server stopped (supervisor pid ${stopped.supervisorPid})`);
  if (stopped.strayServerPid) step(`stopped a server without its supervisor (pid ${stopped.strayServerPid})`);
  if (!stopped.supervisorPid && !stopped.strayServerPid) step('server was not running');
  const config = configFromEnvironment();
  for (const pid of await stopOrphanServers(config.PORT)) {
    step(`stopped an orphaned Ringside server (pid ${pid}) on port ${config.PORT}`);
  }
  if (config.PBX_ENABLED) {
    await stopPbxFromConfig(config);
    step('Asterisk stopped');
  }
}

main().catch((err: unknown) => {
  console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
