import { configFromEnvironment } from '../config/index.ts';
import { createDb } from '../db/client.ts';
import { seedDemoData } from './demo-data.ts';

export async function seedDatabase(url: string): Promise<string[]> {
  const handle = createDb(url, { max: 2 });
  try {
    return (await seedDemoData(handle.db)).created;
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedDatabase(configFromEnvironment().DATABASE_URL)
    .then((created) => console.log(created.length ? `demo users created: ${created.join(', ')}` : 'demo data already present'))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
