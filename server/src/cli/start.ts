// `npm start`: installs what is missing, starts PostgreSQL, Redis, Asterisk and the server (under its
// supervisor, in the background), seeds demo data, waits until OUR server's /api/health is all "ok",
// then prints the URL and demo logins.
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
import { prepare } from './prepare.ts';
import { readState, runFiles } from './run-files.ts';
import { seedDatabase } from './seed.ts';
import { logFile, startSupervised, stopOrphanServers, stopSupervised } from './server-process.ts';
import { step } from './shell.ts';

async function main(): Promise<void> {
  const config = await prepare({ forTests: false });
  step('seeding demo data');
  const created = await seedDatabase(config.DATABASE_URL);
  if (created.length) step(`created demo users: ${created.join(', ')}`);

  const files = runFiles();
  const previous = readState(files);
  const stopped = await stopSupervised(files);
  if (stopped.supervisorPid || stopped.strayServerPid) step('stopped the running server, to restart it');
  if (previous?.restarts)
    step(
      `the previous server had been restarted ${previous.restarts} time${previous.restarts === 1 ? '' : 's'} (see the log)`,
    );
  for (const pid of await stopOrphanServers(config.PORT)) {
    step(`stopped an orphaned Ringside server (pid ${pid}) that held port ${config.PORT}`);
  }

  step(`starting the server under its supervisor on ${config.HOST}:${config.PORT}`);
  const server = await startSupervised({
    host: config.HOST,
    port: config.PORT,
    pbxExpected: config.PBX_ENABLED,
    files,
  });
  const { url } = server;

  const width = Math.max(...DEMO_USERS.map((u) => u.username.length));
  console.log(`
Ringside is running.

  Console:  ${url}/
  API docs: ${url}/api/docs
  Health:   ${url}/api/health
  Log:      ${logFile}
  Server:   pid ${server.serverPid}, under supervisor pid ${server.supervisorPid} (restarts it if it crashes)

Demo logins (password for all: ${DEMO_PASSWORD}):
${DEMO_USERS.map((u) => `  ${u.username.padEnd(width)}  ${u.roles.join(',').padEnd(10)}  ${u.displayName}`).join('\n')}

Status with: npm run status    Stop everything with: npm stop
`);
}

main().catch((err: unknown) => {
  console.error(`\n✗ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
