import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { build } from '../../server/src/app.ts';
import { configFromEnvironment, loadConfig, readEnvFile, type Config } from '../../server/src/config/index.ts';
import type { RoleName } from '../../server/src/db/schema/users.ts';
import { ensureUser, type NewUser } from '../../server/src/modules/users/service.ts';
import { createTestDatabase } from './db.ts';

export interface TestServer {
  app: FastifyInstance;
  config: Config;
  /** Base URL when started with listen: true, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
  createUser(input: { username: string; password: string; roles: string[]; displayName?: string } & Partial<NewUser>): Promise<string>;
}

/**
 * A real server on a fresh database (real migrations), real Redis under a unique key namespace.
 * overrides are config keys as they appear in the environment.
 */
export async function startTestServer(opts: { listen?: boolean; overrides?: Record<string, string> } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const base = configFromEnvironment();
  const config = loadConfig({
    ...readEnvFile(),
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    PBX_ENABLED: String(base.PBX_ENABLED),
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...opts.overrides,
  });
  const app = await build({ config, logger: false, redisNamespace: `rs-test-${randomBytes(4).toString('hex')}` });
  let url = '';
  if (opts.listen !== false) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.address();
    url = typeof addr === 'object' && addr ? `http://127.0.0.1:${addr.port}` : '';
  } else {
    await app.ready();
  }
  return {
    app,
    config,
    url,
    async close() {
      await app.close();
      await database.drop();
    },
    async createUser(input) {
      const { id } = await ensureUser(app.db, { ...input, roles: input.roles as RoleName[] });
      return id;
    },
  };
}
