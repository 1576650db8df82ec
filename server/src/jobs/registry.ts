import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import type { RealtimeServer } from '../plugins/realtime.ts';

/** What a job handler may touch. Handlers must be idempotent: BullMQ delivers at least once. */
export interface JobContext {
  db: Db;
  log: FastifyBaseLogger;
  now(): Date;
  /** socket.io (via its Redis adapter) for handlers that notify people, e.g. reminders; absent in unit tests. */
  io?: RealtimeServer;
}

export interface JobDefinition<T = unknown> {
  /** `<queue>.<action>`; the queue part groups jobs that share a worker and its concurrency. */
  name: string;
  handle(data: T, ctx: JobContext): Promise<unknown>;
  /** Cron-like repeat for maintenance jobs, registered with a fixed scheduler id (idempotent). */
  every?: { ms: number };
}

export function queueOf(jobName: string): string {
  const queue = jobName.split('.')[0];
  if (!queue || queue === jobName) throw new Error(`Job name "${jobName}" must look like <queue>.<action>`);
  return queue;
}

/** Fails fast when a job name is enqueued somewhere but has no handler, or is registered twice. */
export function buildRegistry(defs: readonly JobDefinition<never>[], expected: readonly string[]) {
  const byName = new Map<string, JobDefinition<never>>();
  for (const d of defs) {
    if (byName.has(d.name)) throw new Error(`Job ${d.name} registered twice`);
    queueOf(d.name);
    byName.set(d.name, d);
  }
  const missing = expected.filter((n) => !byName.has(n));
  if (missing.length) throw new Error(`Jobs without a handler: ${missing.join(', ')}`);
  return byName;
}
