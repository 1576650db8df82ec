import { configFromEnvironment } from '../config/index.ts';
import { createDb } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';

export async function migrateDatabase(url: string): Promise<void> {
  const handle = createDb(url, { max: 1 });
  try {
    await runMigrations(handle.db);
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrateDatabase(configFromEnvironment().DATABASE_URL)
    .then(() => console.log('migrations applied'))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
