// The bench's own server on its own database (fresh each run, real migrations), listening inside the
// namespace like the e2e tests' server; the same TestServer shape so the inbound setup helper serves both.
import { randomBytes } from 'node:crypto';
import type { RoleName } from '../../server/src/db/schema/users.ts';
import { build } from '../../server/src/app.ts';
import { configFromEnvironment, loadConfig, readEnvFile, type Config } from '../../server/src/config/index.ts';
import { dropDatabase, recreateDatabase, withDatabase } from '../../server/src/db/admin.ts';
import { createDb } from '../../server/src/db/client.ts';
import { runMigrations } from '../../server/src/db/migrate.ts';
import { ensureUser } from '../../server/src/modules/users/service.ts';
import type { TestServer } from '../../tests/support/test-server.ts';

const DB_NAME = 'ringside_bench_screenpop';

export interface BenchStack {
  server: TestServer;
  config: Config;
  url: string;
  admin: { username: string; password: string };
  agentNames: string[];
  password: string;
  close(): Promise<void>;
}

export async function startBenchStack(agents: number): Promise<BenchStack> {
  const base = configFromEnvironment().DATABASE_URL;
  await recreateDatabase(base, DB_NAME);
  const url = withDatabase(base, DB_NAME);
  const h = createDb(url, { max: 1 });
  await runMigrations(h.db);
  await h.close();
  const config = loadConfig({ ...readEnvFile(), ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'test', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  const app = await build({ config, logger: false, redisNamespace: `rs-bench-pop-${randomBytes(3).toString('hex')}` });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const baseUrl = typeof addr === 'object' && addr ? `http://127.0.0.1:${addr.port}` : '';
  const createUser: TestServer['createUser'] = async (input) => (await ensureUser(app.db, { ...input, roles: input.roles as RoleName[] })).id;
  const server: TestServer = {
    app,
    config,
    url: baseUrl,
    createUser,
    async close() {
      await app.close();
    },
  };
  const password = 'bench-agent-pw-1';
  const admin = { username: 'bench.admin', password };
  await createUser({ ...admin, roles: ['admin'], displayName: 'Bench admin' });
  const agentNames = Array.from({ length: agents }, (_, i) => `bench.agent${i + 1}`);
  for (const [i, username] of agentNames.entries()) await createUser({ username, password, roles: ['agent'], displayName: `坐席 ${i + 1}` });
  return {
    server,
    config,
    url: baseUrl,
    admin,
    agentNames,
    password,
    async close() {
      await app.close();
      await dropDatabase(base, DB_NAME);
    },
  };
}
