// Spreads shifts over worker threads (the machines this runs on have two cores). Node 20 does not pass
// the tsx loader on to a worker's entry file, so each worker registers tsx itself before importing it.
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobResult, type PolicyOverrides } from './job.ts';
import type { ScenarioFile } from './scenarios.ts';

const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;

export interface RunOptions {
  readonly scenariosPath: string;
  readonly file: ScenarioFile;
  readonly threads: number;
  readonly overrides: PolicyOverrides;
}

export async function runAll(jobs: Job[], opts: RunOptions, onDone: (r: JobResult) => void): Promise<JobResult[]> {
  const { scenariosPath, file, threads, overrides } = opts;
  if (threads <= 1) {
    return jobs.map((j) => {
      const r = runJob(file.model, file.scenarios, j, overrides);
      onDone(r);
      return r;
    });
  }
  // Longest first (big teams, low answer rates) so the pool does not end waiting on one straggler.
  const queue = [...jobs];
  const results: JobResult[] = [];
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () =>
    new Worker(bootstrap, { eval: true, workerData: { scenariosPath, overrides } }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolveWorker, reject) => {
          const next = () => {
            const job = queue.shift();
            if (!job) {
              void w.terminate().then(() => resolveWorker());
              return;
            }
            w.postMessage(job);
          };
          w.on('message', (r: JobResult) => {
            results.push(r);
            onDone(r);
            next();
          });
          w.on('error', reject);
          next();
        }),
    ),
  );
  return results;
}
