// The namespace's private Redis (started by inside.ts), restarted the hard way for fault tests: the
// process that listens on the namespace's 127.0.0.1:6379 is found by asking it (INFO server: the host's
// own redis-server, in another network namespace, is never touched), SIGKILLed, and a new one is started
// exactly as inside.ts starts it: empty, no persistence. It is left running detached; run.ts kills every
// process left in the namespace at the end.
import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { liveKey } from '../../../server/src/modules/telephony/live-store.ts';

export const NAMESPACE_REDIS_ARGS = [
  '--bind',
  '127.0.0.1',
  '--port',
  '6379',
  '--save',
  '',
  '--appendonly',
  'no',
];
const URL = 'redis://127.0.0.1:6379';

async function pidOfNamespaceRedis(): Promise<number> {
  const r = new Redis(URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await r.connect();
    const info = await r.info('server');
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    if (!pid) throw new Error('INFO server named no process_id');
    return pid;
  } finally {
    r.disconnect();
  }
}

async function answers(): Promise<boolean> {
  const r = new Redis(URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 500,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

async function waitFor(cond: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGKILL of the namespace's redis-server, then a new empty one on the same port. */
export async function restartNamespaceRedis(): Promise<{ oldPid: number; newPid: number }> {
  const oldPid = await pidOfNamespaceRedis();
  process.kill(oldPid, 'SIGKILL');
  await waitFor(async () => !(await answers()), 'the old redis-server to die');
  const child = spawn('redis-server', NAMESPACE_REDIS_ARGS, { stdio: 'ignore', detached: true });
  child.unref();
  await waitFor(answers, 'the new redis-server to answer');
  return { oldPid, newPid: await pidOfNamespaceRedis() };
}

/** The live store's hash (server/src/modules/telephony/live-store.ts): call ids with a field now. */
export async function liveCallIds(app: string): Promise<string[]> {
  const r = new Redis(URL, { maxRetriesPerRequest: 1 });
  try {
    const fields = await r.hkeys(liveKey(app));
    return fields.filter((f) => f.startsWith('call:')).map((f) => f.slice(5));
  } finally {
    r.disconnect();
  }
}
