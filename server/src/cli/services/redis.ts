import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { configFromEnvironment, isExplicitlyConfigured } from '../../config/index.ts';
import { aptInstall, hasCommand, must, portOpen, step, waitFor } from '../shell.ts';

async function ping(url: string): Promise<true | string> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  try {
    await r.connect();
    return (await r.ping()) === 'PONG' ? true : 'no PONG';
  } catch (err) {
    return (err as Error).message;
  } finally {
    r.disconnect();
  }
}

/** Makes REDIS_URL reachable; without REDIS_URL, installs and starts a local redis-server when none listens. */
export async function ensureRedis(): Promise<void> {
  const config = configFromEnvironment();
  if (!isExplicitlyConfigured('REDIS_URL') && !(await portOpen('127.0.0.1', 6379))) {
    if (!hasCommand('redis-server')) aptInstall(['redis-server'], 'no Redis on 127.0.0.1:6379');
    step('starting Redis');
    mkdirSync('/var/lib/redis', { recursive: true });
    must('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--dir', '/var/lib/redis', '--appendonly', 'yes'], 'starting redis-server');
    await waitFor('Redis on 127.0.0.1:6379', () => portOpen('127.0.0.1', 6379), 15_000);
  }
  const ok = await ping(config.REDIS_URL);
  if (ok !== true) throw new Error(`Redis at ${config.REDIS_URL} does not answer: ${ok}`);
}
