// bench:recovery's setup app outside vitest (no template database to clone): a fresh database of its
// own with the real migrations, telephony off, in the TestServer shape crash-world.ts expects.
import { randomBytes } from 'node:crypto';
import { build } from '../../server/src/app.ts';
import { configFromEnvironment, loadConfig, readEnvFile } from '../../server/src/config/index.ts';
import { dropDatabase, recreateDatabase, withDatabase } from '../../server/src/db/admin.ts';
import { createDb } from '../../server/src/db/client.ts';
import { runMigrations } from '../../server/src/db/migrate.ts';
import type { RoleName } from '../../server/src/db/schema/users.ts';
import { ensureUser } from '../../server/src/modules/users/service.ts';
import type { TestServer } from '../../tests/support/test-server.ts';

const DB_NAME = 'ringside_bench_recovery';

export async function benchSetupServer(): Promise<TestServer> {
  const base = configFromEnvironment().DATABASE_URL;
  await recreateDatabase(base, DB_NAME);
  const url = withDatabase(base, DB_NAME);
  const h = createDb(url, { max: 1 });
  await runMigrations(h.db);
  await h.close();
  const config = loadConfig({
    ...readEnvFile(),
    ...process.env,
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    PBX_ENABLED: 'false',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  const app = await build({
    config,
    logger: false,
    redisNamespace: `rs-bench-rec-${randomBytes(3).toString('hex')}`,
  });
  await app.ready();
  return {
    app,
    config,
    url: '',
    async createUser(input) {
      return (await ensureUser(app.db, { ...input, roles: input.roles as RoleName[] })).id;
    },
    async close() {
      await app.close();
      await dropDatabase(base, DB_NAME);
    },
  };
}
