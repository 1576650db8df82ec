import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { configFromEnvironment } from '../../server/src/config/index.ts';
import { dropDatabase, recreateDatabase, withDatabase } from '../../server/src/db/admin.ts';

/** A fresh database with the real migrations applied, cloned from this run's template. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = configFromEnvironment().DATABASE_URL;
  const name = `ringside_test_${randomBytes(5).toString('hex')}`;
  await recreateDatabase(base, name, inject('templateDatabase'));
  return { url: withDatabase(base, name), drop: () => dropDatabase(base, name) };
}
