// `npm start`: installs what is missing, starts PostgreSQL, Redis, Asterisk and the server (in the
// background), seeds demo data, waits until /api/health is all "ok", then prints the URL and demo logins.
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
import { prepare } from './prepare.ts';
import { seedDatabase } from './seed.ts';
import { logFile, runningServerPid, startServerInBackground, stopServer } from './server-process.ts';
import { step, waitFor } from './shell.ts';

async function healthy(url: string, pbxExpected: boolean): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { db?: string; redis?: string; pbx?: string };
    return body.db === 'ok' && body.redis === 'ok' && (!pbxExpected || body.pbx === 'ok');
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const config = await prepare({ forTests: false });
  step('seeding demo data');
  const created = await seedDatabase(config.DATABASE_URL);
  if (created.length) step(`created demo users: ${created.join(', ')}`);
  if (runningServerPid()) {
    step('restarting the running server');
    await stopServer();
  }
  startServerInBackground();
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${config.PORT}`;
  step(`waiting for ${url}/api/health`);
  await waitFor(`the server (log: ${logFile})`, () => healthy(url, config.PBX_ENABLED), 60_000);

  const width = Math.max(...DEMO_USERS.map((u) => u.username.length));
  console.log(`
Ringside is running.

  Console:  ${url}/
  API docs: ${url}/api/docs
  Health:   ${url}/api/health
  Log:      ${logFile}

Demo logins (password for all: ${DEMO_PASSWORD}):
${DEMO_USERS.map((u) => `  ${u.username.padEnd(width)}  ${u.roles.join(',').padEnd(10)}  ${u.displayName}`).join('\n')}

Stop everything with: npm stop
`);
}

main().catch((err: unknown) => {
  console.error(`\n✗ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
