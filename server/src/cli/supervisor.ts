// The process `npm start` leaves running: it runs the server as `node --import tsx server/src/main.ts`
// (no wrapper, so the recorded pid is the one serving), restarts it when it exits on its own with a
// backoff, and takes it down with itself. Usage: node --import tsx server/src/cli/supervisor.ts [--run-dir DIR]
// stdout/stderr are the log file; its own lines are pino-shaped JSON like the server's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { nextConsecutiveCrashes, restartDelayMs } from './restart-policy.ts';
import {
  removePid,
  repoRoot,
  runFiles,
  serverEntry,
  writePid,
  writeState,
  type RunFiles,
  type SupervisorState,
} from './run-files.ts';
import { EXIT_CONFIG, EXIT_PORT_IN_USE, SUPERVISED_ENV, type ServerMessage } from './supervisor-protocol.ts';

/** How long a stopping server gets to close connections and workers before SIGKILL. */
const STOP_GRACE_MS = 15_000;

const levels = { info: 30, warn: 40, error: 50, fatal: 60 } as const;

function log(level: keyof typeof levels, msg: string, fields: Record<string, unknown> = {}): void {
  const line = {
    level: levels[level],
    time: Date.now(),
    pid: process.pid,
    name: 'supervisor',
    ...fields,
    msg,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

class Supervisor {
  private child: ChildProcess | undefined;
  private stopping = false;
  private consecutiveCrashes = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private state: SupervisorState;

  constructor(private readonly files: RunFiles) {
    this.state = {
      supervisorPid: process.pid,
      serverPid: null,
      status: 'starting',
      listening: false,
      everListened: false,
      restarts: 0,
      startedAt: new Date().toISOString(),
      lastExit: null,
      failure: null,
    };
  }

  start(): void {
    mkdirSync(this.files.dir, { recursive: true });
    writePid(this.files.supervisorPid, process.pid);
    this.update({});
    log('info', 'supervisor started', { runDir: this.files.dir });
    this.spawnServer();
  }

  private update(patch: Partial<SupervisorState>): void {
    this.state = { ...this.state, ...patch };
    writeState(this.files, this.state);
  }

  private spawnServer(): void {
    this.restartTimer = undefined;
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
      cwd: repoRoot,
      env: { ...process.env, [SUPERVISED_ENV]: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    if (child.pid !== undefined) writePid(this.files.serverPid, child.pid);
    this.update({ serverPid: child.pid ?? null, listening: false, status: 'starting' });
    log('info', 'server started', { serverPid: child.pid });

    child.on('message', (message: ServerMessage) => {
      if (message.type !== 'listening' || this.child !== child) return;
      this.update({ listening: true, everListened: true, status: 'running' });
      log('info', 'server listening', { serverPid: message.pid, host: message.host, port: message.port });
    });
    // 'error' without 'exit' only when the spawn itself failed (no pid); otherwise 'exit' follows.
    child.on('error', (err) => {
      log('error', 'server process error', { err: err.message });
      if (child.pid === undefined) this.onExit(child, null, null, Date.now() - startedAt);
    });
    child.on('exit', (code, signal) => this.onExit(child, code, signal, Date.now() - startedAt));
  }

  private onExit(
    child: ChildProcess,
    code: number | null,
    signal: NodeJS.Signals | null,
    ranMs: number,
  ): void {
    if (this.child !== child) return;
    this.child = undefined;
    removePid(this.files.serverPid);
    const lastExit = { code, signal, at: new Date().toISOString() };
    if (this.stopping) {
      this.update({ lastExit });
      this.finish(0);
      return;
    }
    // Restarting cannot fix these before the server has ever served; say why and stop trying.
    const failure = code === EXIT_PORT_IN_USE ? 'port-in-use' : code === EXIT_CONFIG ? 'config' : null;
    if (failure && !this.state.everListened) {
      this.update({ lastExit, failure, status: 'failed', serverPid: null, listening: false });
      log('fatal', 'server cannot start; not restarting', { code, failure });
      this.finish(code!);
      return;
    }
    this.consecutiveCrashes = nextConsecutiveCrashes(this.consecutiveCrashes, ranMs);
    const delayMs = restartDelayMs(this.consecutiveCrashes);
    const restarts = this.state.restarts + 1;
    this.update({ lastExit, restarts, status: 'backoff', serverPid: null, listening: false });
    log('warn', `server exited (${signal ?? `code ${code}`}); restart ${restarts} in ${delayMs} ms`, {
      code,
      signal,
      restarts,
      delayMs,
      ranMs,
    });
    this.restartTimer = setTimeout(() => this.spawnServer(), delayMs);
  }

  /** SIGTERM/SIGINT: pass it on, wait for the server to close, then leave. */
  stop(signal: NodeJS.Signals): void {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.update({ status: 'stopping' });
    log('info', 'stopping', { signal, serverPid: this.child?.pid });
    const child = this.child;
    if (!child) {
      this.finish(0);
      return;
    }
    child.kill('SIGTERM');
    setTimeout(() => {
      log('warn', `server still running after ${STOP_GRACE_MS} ms; SIGKILL`, { serverPid: child.pid });
      child.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
  }

  /** Our own bug must not leave the server behind (it would also exit on the closed IPC channel). */
  crash(err: unknown): void {
    log('fatal', 'supervisor crashed', { err: err instanceof Error ? err.stack : String(err) });
    this.child?.kill('SIGTERM');
    process.exit(1);
  }

  private finish(code: number): void {
    removePid(this.files.serverPid);
    removePid(this.files.supervisorPid);
    if (this.state.status !== 'failed') this.update({ status: 'stopped', serverPid: null, listening: false });
    log('info', 'supervisor exiting', { code });
    process.exit(code);
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const supervisor = new Supervisor(runFiles(argValue('--run-dir')));
process.on('SIGTERM', () => supervisor.stop('SIGTERM'));
process.on('SIGINT', () => supervisor.stop('SIGINT'));
process.on('uncaughtException', (err) => supervisor.crash(err));
supervisor.start();
