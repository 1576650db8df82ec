// `npm run status`: is the supervised server up, which pids, and how often it has been restarted.
import { isAlive, readPid, readState, runFiles } from './run-files.ts';
import { supervisorPid } from './server-process.ts';

const files = runFiles();
const state = readState(files);
const sup = supervisorPid(files);
const server = readPid(files.serverPid);

if (sup === undefined) {
  console.log(`supervisor: not running${state ? ` (last status: ${state.status})` : ''}`);
} else {
  console.log(`supervisor: pid ${sup}, up since ${state?.startedAt ?? '?'}`);
}
console.log(
  server !== undefined && isAlive(server)
    ? `server:     pid ${server}, ${state?.listening ? 'listening' : 'starting'}`
    : `server:     not running${state?.status === 'backoff' ? ' (restart pending)' : ''}`,
);
if (state) {
  const last = state.lastExit;
  const exit = last ? `, last exit ${last.signal ?? `code ${last.code}`} at ${last.at}` : '';
  console.log(`restarts:   ${state.restarts}${exit}${state.failure ? `, gave up: ${state.failure}` : ''}`);
}
console.log(`log:        ${files.log}`);
