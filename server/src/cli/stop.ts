// `npm stop`: stops the background server and Asterisk. PostgreSQL and Redis are left running: they are
// shared system services that other software on the machine may use.
import { configFromEnvironment } from '../config/index.ts';
import { stopPbxFromConfig } from './pbx.ts';
import { stopServer } from './server-process.ts';
import { step } from './shell.ts';

async function main(): Promise<void> {
  step((await stopServer()) ? 'server stopped' : 'server was not running');
  const config = configFromEnvironment();
  if (config.PBX_ENABLED) {
    await stopPbxFromConfig(config);
    step('Asterisk stopped');
  }
}

main().catch((err: unknown) => {
  console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
