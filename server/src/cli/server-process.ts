// `npm start`/`npm stop`'s side of the supervised server: start the supervisor detached and wait until
// OUR server is healthy; stop it (and whatever stale pid files still name) with nothing left behind.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { bindError, describeListeners, portListeners } from './port-check.ts';
import {
  isAlive,
  isOurProcess,
  processGroup,
  readPid,
  readState,
  removePid,
  repoRoot,
  runFiles,
  serverEntry,
  supervisorScript,
  type ExitInfo,
  type RunFiles,
} from './run-files.ts';

export const logFile = runFiles().log;

export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    holder: string,
  ) {
    super(
      `${host}:${port} is already in use by ${holder}, which is not a Ringside server started by npm start. ` +
        `Stop that process, or set PORT (in .env or the environment) to a free port.`,
    );
    this.name = 'PortInUseError';
  }
}

export class ServerStartError extends Error {
  constructor(message: string, logPath: string) {
    super(`${message}\n--- last lines of ${logPath} ---\n${logTail(logPath)}`);
    this.name = 'ServerStartError';
  }
}

function logTail(path: string, lines = 20): string {
  if (!existsSync(path)) return '(no log)';
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function describeExit(exit: ExitInfo | null): string {
  if (!exit) return 'no exit recorded';
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

/** The address a client on this machine reaches a server listening on `host` at. */
export function localUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

async function healthy(url: string, pbxExpected: boolean): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { db?: string; redis?: string; pbx?: string };
    return body.db === 'ok' && body.redis === 'ok' && (!pbxExpected || body.pbx === 'ok');
  } catch {
    // Not answering (yet), or answering something that is not our health JSON: not healthy.
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    // Exited between our check and the signal: that is what we wanted.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/**
 * SIGTERM, then SIGKILL after the grace period: to the whole process group when `pid` leads its own
 * (the detached supervisor, or the old `tsx` wrapper whose real server was its child).
 */
async function terminate(pid: number, graceMs: number): Promise<void> {
  const group = processGroup(pid) === pid ? -pid : pid;
  signal(pid, 'SIGTERM');
  if (await waitUntilGone(pid, graceMs)) return;
  signal(group, 'SIGKILL');
  if (!(await waitUntilGone(pid, 5000))) throw new Error(`pid ${pid} survived SIGKILL`);
}

export function supervisorPid(files: RunFiles = runFiles()): number | undefined {
  const pid = readPid(files.supervisorPid);
  return pid !== undefined && isOurProcess(pid, supervisorScript) ? pid : undefined;
}

export interface StartOptions {
  host: string;
  port: number;
  /** Health must also report the PBX as ok. */
  pbxExpected: boolean;
  files?: RunFiles;
  /** The supervisor's (and so the server's) environment; the server reads .env under it. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface SupervisedServer {
  supervisorPid: number;
  serverPid: number;
  url: string;
}

/**
 * Starts the supervisor and resolves once its server announced that it listens, /api/health answers,
 * and the socket on the port belongs to that server's pid. Throws PortInUseError when someone else
 * holds the port, ServerStartError (with the log's tail) when the server cannot get there.
 */
export async function startSupervised(opts: StartOptions): Promise<SupervisedServer> {
  const files = opts.files ?? runFiles();
  const busy = await bindError(opts.host, opts.port);
  if (busy === 'EADDRINUSE') {
    throw new PortInUseError(opts.host, opts.port, describeListeners(portListeners(opts.port)));
  }
  if (busy) throw new ServerStartError(`cannot listen on ${opts.host}:${opts.port} (${busy})`, files.log);

  mkdirSync(files.dir, { recursive: true });
  removePid(files.supervisorPid);
  const out = openSync(files.log, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', supervisorScript, '--run-dir', files.dir], {
    cwd: repoRoot,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new ServerStartError('could not start the supervisor', files.log);

  const url = localUrl(opts.host, opts.port);
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    const state = readState(files);
    const current = state?.supervisorPid === pid ? state : undefined;
    if (!isAlive(pid)) {
      if (current?.failure === 'port-in-use') {
        throw new PortInUseError(opts.host, opts.port, describeListeners(portListeners(opts.port)));
      }
      throw new ServerStartError(
        `the supervisor exited (${describeExit(current?.lastExit ?? null)})`,
        files.log,
      );
    }
    if (current && current.restarts > 0 && !current.everListened) {
      await stopSupervised(files);
      throw new ServerStartError(
        `the server exited (${describeExit(current.lastExit)}) before it listened`,
        files.log,
      );
    }
    const serverPid = current?.serverPid;
    if (current?.listening && serverPid && isAlive(serverPid) && (await healthy(url, opts.pbxExpected))) {
      const listeners = portListeners(opts.port);
      if (!listeners || listeners.some((l) => l.pid === serverPid))
        return { supervisorPid: pid, serverPid, url };
    }
    await sleep(250);
  }
  // Left running: it may only be waiting for a dependency (Asterisk, say), and it restarts on its own.
  throw new ServerStartError(
    `timed out waiting for ${url}/api/health; the supervisor (pid ${pid}) keeps running (npm run status, npm stop)`,
    files.log,
  );
}

export interface StopResult {
  supervisorPid?: number;
  /** A server pid left without its supervisor (stale files, or the old unsupervised `npm start`). */
  strayServerPid?: number;
}

/** Stops the supervisor (which stops its server), then anything the pid files still name; clears them. */
export async function stopSupervised(files: RunFiles = runFiles()): Promise<StopResult> {
  const result: StopResult = {};
  const sup = supervisorPid(files);
  if (sup !== undefined) {
    // Longer than the supervisor's own grace for the server, so it normally gets to clean up itself.
    await terminate(sup, 20_000);
    result.supervisorPid = sup;
  }
  const srv = readPid(files.serverPid);
  if (srv !== undefined && isOurProcess(srv, serverEntry)) {
    await terminate(srv, 15_000);
    result.strayServerPid = srv;
  }
  removePid(files.supervisorPid);
  removePid(files.serverPid);
  return result;
}

/**
 * Ringside servers from this checkout listening on `port` that no pid file names: orphans of a killed
 * wrapper or supervisor. Stopped, since they are ours and would hold the port against a new start.
 */
export async function stopOrphanServers(port: number): Promise<number[]> {
  const orphans = (portListeners(port) ?? [])
    .filter((l) => l.command.includes(serverEntry))
    .map((l) => l.pid);
  for (const pid of orphans) await terminate(pid, 15_000);
  return orphans;
}
