import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/index.ts';

export type CheckState = 'ok' | 'down' | 'disabled';

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkDb(app: FastifyInstance): Promise<CheckState> {
  try {
    await withTimeout(app.pg`select 1`, 1000);
    return 'ok';
  } catch {
    return 'down';
  }
}

export async function checkRedis(app: FastifyInstance): Promise<CheckState> {
  try {
    return (await withTimeout(app.redis.ping(), 1000)) === 'PONG' ? 'ok' : 'down';
  } catch {
    return 'down';
  }
}

/** Asks ARI itself, so the answer is right whichever process holds the telephony role. */
export async function checkPbx(config: Config): Promise<CheckState> {
  if (!config.PBX_ENABLED) return 'disabled';
  try {
    const auth = Buffer.from(`${config.ARI_USER}:${config.ARI_PASSWORD}`).toString('base64');
    const res = await fetch(`${config.ARI_URL}/ari/asterisk/ping`, {
      headers: { authorization: `Basic ${auth}` },
      signal: AbortSignal.timeout(1000),
    });
    return res.ok ? 'ok' : 'down';
  } catch {
    return 'down';
  }
}
