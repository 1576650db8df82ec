// Worker thread: runs the jobs it is sent, one at a time, and posts each result back.
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type Job, type PolicyOverrides } from './job.ts';
import { loadScenarios } from './scenarios.ts';

const data = workerData as { scenariosPath: string; overrides: PolicyOverrides };
const file = loadScenarios(data.scenariosPath);
parentPort!.on('message', (job: Job) => {
  parentPort!.postMessage(runJob(file.model, file.scenarios, job, data.overrides));
});
