// Runs once per test run: migrates a template database that each test file clones in milliseconds.
import { configFromEnvironment } from '../../server/src/config/index.ts';
import { recreateDatabase, withDatabase } from '../../server/src/db/admin.ts';
import { createDb } from '../../server/src/db/client.ts';
import { runMigrations } from '../../server/src/db/migrate.ts';

export const TEMPLATE_DB = 'ringside_test_template';

export default async function setup(): Promise<void> {
  const config = configFromEnvironment();
  await recreateDatabase(config.DATABASE_URL, TEMPLATE_DB);
  const handle = createDb(withDatabase(config.DATABASE_URL, TEMPLATE_DB), { max: 1 });
  try {
    await runMigrations(handle.db);
  } finally {
    await handle.close();
  }
}
