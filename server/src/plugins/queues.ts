import { Queue, Worker, type JobsOptions } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { allJobs } from '../jobs/handlers.ts';
import { JOB_NAMES, type JobName } from '../jobs/names.ts';
import { buildRegistry, queueOf } from '../jobs/registry.ts';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: {
      /** jobId makes enqueueing idempotent: the same id twice is one job. */
      enqueue(name: JobName, data: unknown, opts?: JobsOptions & { jobId?: string }): Promise<void>;
      queues: Map<string, Queue>;
    };
  }
}

export const queuesPlugin = fp(async (app: FastifyInstance, opts: { redisUrl: string; runWorkers: boolean; prefix: string }) => {
  const registry = buildRegistry(allJobs, JOB_NAMES);
  const connection = { url: opts.redisUrl, maxRetriesPerRequest: null };
  const prefix = opts.prefix;
  const queues = new Map<string, Queue>();
  for (const name of new Set([...registry.keys()].map(queueOf))) {
    queues.set(name, new Queue(name, { connection, prefix }));
  }
  const workers: Worker[] = [];
  if (opts.runWorkers) {
    for (const [queueName] of queues) {
      const worker = new Worker(
        queueName,
        async (job) => {
          const def = registry.get(job.name);
          if (!def) throw new Error(`No handler for job ${job.name}`);
          return def.handle(job.data as never, { db: app.db, log: app.log.child({ job: job.name, jobId: job.id }), now: () => new Date(), io: app.io });
        },
        { connection, prefix, concurrency: 4 },
      );
      worker.on('failed', (job, err) => app.log.warn({ job: job?.name, jobId: job?.id, err: err.message }, 'job failed'));
      workers.push(worker);
    }
    for (const def of registry.values()) {
      if (def.every) {
        await queues.get(queueOf(def.name))!.upsertJobScheduler(def.name, { every: def.every.ms }, { name: def.name, data: {} });
      }
    }
  }
  app.decorate('jobs', {
    queues,
    async enqueue(name, data, jobOpts) {
      await queues.get(queueOf(name))!.add(name, data, { removeOnComplete: 1000, removeOnFail: 5000, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, ...jobOpts });
    },
  });
  app.addHook('onClose', async () => {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all([...queues.values()].map((q) => q.close()));
  });
});
