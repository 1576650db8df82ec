// Spreads shifts over worker threads (the machines this runs on have two cores). Node 20 does not pass
// the tsx loader on to a worker's entry file, so each worker registers tsx itself before importing it.
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobResult } from './job.ts';
import type { ScenarioFile } from './scenarios.ts';

const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;

export async function runAll(jobs: Job[], scenariosPath: string, file: ScenarioFile, threads: number, onDone: (r: JobResult) => void): Promise<JobResult[]> {
  if (threads <= 1) {
    return jobs.map((j) => {
      const r = runJob(file.model, file.scenarios, j);
      onDone(r);
      return r;
    });
  }
  // Longest first (big teams, low answer rates) so the pool does not end waiting on one straggler.
  const queue = [...jobs];
  const results: JobResult[] = [];
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () =>
    new Worker(bootstrap, { eval: true, workerData: { scenariosPath } }),
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
