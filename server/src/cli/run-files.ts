// The runtime files of a supervised server (pids, state, log) and the checks that tell our processes
// from strangers: a pid file can outlive its process, and the kernel may hand that pid to another one.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * config/index.ts's repoRoot, computed here rather than imported: the supervisor loads only this
 * folder's small modules, so an application module that fails to load cannot take the supervisor with it.
 */
export const repoRoot = resolve(import.meta.dirname, '../../..');
/** Where `npm start` keeps them: outside git (.gitignore), one set per checkout. */
export const defaultRunDir = resolve(repoRoot, '.ringside');
export const supervisorScript = resolve(repoRoot, 'server/src/cli/supervisor.ts');
export const serverEntry = resolve(repoRoot, 'server/src/main.ts');

export interface RunFiles {
  dir: string;
  supervisorPid: string;
  serverPid: string;
  state: string;
  log: string;
}

export function runFiles(dir = defaultRunDir): RunFiles {
  return {
    dir,
    supervisorPid: resolve(dir, 'supervisor.pid'),
    serverPid: resolve(dir, 'server.pid'),
    state: resolve(dir, 'supervisor.json'),
    log: resolve(dir, 'server.log'),
  };
}

export interface ExitInfo {
  code: number | null;
  signal: string | null;
  at: string;
}

/** Written by the supervisor on every change; read by `npm start` and `npm run status`. */
export interface SupervisorState {
  supervisorPid: number;
  serverPid: number | null;
  status: 'starting' | 'running' | 'backoff' | 'stopping' | 'stopped' | 'failed';
  /** The current server run has reported that it listens. */
  listening: boolean;
  /** Some run of this supervisor has listened; a first run that never did is a failed start. */
  everListened: boolean;
  restarts: number;
  startedAt: string;
  lastExit: ExitInfo | null;
  /** Why the supervisor gave up (it only does for failures a restart cannot fix). */
  failure: 'port-in-use' | 'config' | null;
}

export function readState(files: RunFiles): SupervisorState | undefined {
  if (!existsSync(files.state)) return undefined;
  try {
    return JSON.parse(readFileSync(files.state, 'utf8')) as SupervisorState;
  } catch (err) {
    // Written by rename, so a torn file means someone edited it; treat it as absent.
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}

/** Write-then-rename: a reader never sees half a file. */
export function writeState(files: RunFiles, state: SupervisorState): void {
  mkdirSync(files.dir, { recursive: true });
  const tmp = `${files.state}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, files.state);
}

export function readPid(path: string): number | undefined {
  if (!existsSync(path)) return undefined;
  const pid = Number(readFileSync(path, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function writePid(path: string, pid: number): void {
  writeFileSync(path, `${pid}\n`);
}

export function removePid(path: string): void {
  rmSync(path, { force: true });
}

/** Exists and is not a zombie (an exited child its parent has not reaped yet still answers kill 0). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** The process's argv joined by spaces, or undefined where /proc cannot tell (not Linux, gone). */
export function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Alive and running `script` from this checkout. Without /proc the pid's liveness is all we can check.
 * The old `npm start` ran the server as `tsx <abs path>/main.ts`, which this also recognises.
 */
export function isOurProcess(pid: number, script: string): boolean {
  if (!isAlive(pid)) return false;
  const cmd = commandLine(pid);
  return cmd === undefined || cmd.includes(script);
}

/** The process group id, when /proc tells it. */
export function processGroup(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command: state ppid pgrp …
    const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    return Number.isInteger(pgrp) ? pgrp : undefined;
  } catch {
    return undefined;
  }
}
