// A cross-process lock around start/stop: `npm start` and `npm test` may both bring Asterisk up at the
// same moment, and two launches (or a launch during a stop) would fight over the same run directory.
// An exclusive-create file holding the owner's pid; a lock whose owner died is taken over.
import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';

function ownerAlive(path: string): boolean {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function withLock<T>(path: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (!ownerAlive(path)) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() > until) {
        throw new Error(`Another process holds ${path} (start/stop in progress); gave up after ${timeoutMs} ms`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(path, { force: true });
  }
}
