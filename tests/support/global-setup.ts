// Runs once per test run: migrates a template database that each test file clones in milliseconds.
// The template's name is unique per run so concurrent runs (two developers, CI and a dev) never collide.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { configFromEnvironment } from '../../server/src/config/index.ts';
import { dropDatabase, recreateDatabase, withDatabase } from '../../server/src/db/admin.ts';
import { createDb } from '../../server/src/db/client.ts';
import { runMigrations } from '../../server/src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = configFromEnvironment();
  const template = `ringside_tpl_${randomBytes(4).toString('hex')}`;
  await recreateDatabase(config.DATABASE_URL, template);
  const handle = createDb(withDatabase(config.DATABASE_URL, template), { max: 1 });
  try {
    await runMigrations(handle.db);
  } finally {
    await handle.close();
  }
  project.provide('templateDatabase', template);
  return () => dropDatabase(config.DATABASE_URL, template);
}
