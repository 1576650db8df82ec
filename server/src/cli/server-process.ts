import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../config/index.ts';

/** Runtime files of the background server started by `npm start`: pid and log, outside git. */
export const runDir = resolve(repoRoot, '.ringside');
const pidFile = resolve(runDir, 'server.pid');
export const logFile = resolve(runDir, 'server.log');

export function runningServerPid(): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    rmSync(pidFile, { force: true });
    return undefined;
  }
}

export function startServerInBackground(): number {
  mkdirSync(runDir, { recursive: true });
  const out = openSync(logFile, 'a');
  const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
  const child = spawn(tsx, [resolve(repoRoot, 'server/src/main.ts')], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  writeFileSync(pidFile, String(child.pid));
  return child.pid!;
}

export async function stopServer(): Promise<boolean> {
  const pid = runningServerPid();
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(pidFile, { force: true });
      return true;
    }
  }
  process.kill(pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
  return true;
}
