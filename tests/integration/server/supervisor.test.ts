// The supervised server `npm start` runs, with the real server (PBX off, api role only so it runs no
// workers on the shared Redis) on its own port, database and run directory. Waits on conditions only.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bindError, portListeners } from '../../../server/src/cli/port-check.ts';
import {
  isAlive,
  processGroup,
  readPid,
  readState,
  repoRoot,
  runFiles,
  serverEntry,
  supervisorScript,
  type RunFiles,
} from '../../../server/src/cli/run-files.ts';
import {
  PortInUseError,
  startSupervised,
  stopOrphanServers,
  stopSupervised,
} from '../../../server/src/cli/server-process.ts';
import { EXIT_CONFIG, EXIT_PORT_IN_USE } from '../../../server/src/cli/supervisor-protocol.ts';
import { createTestDatabase } from '../../support/db.ts';

const HOST = '127.0.0.1';
const WAIT = { timeout: 45_000, interval: 200 };

let database: { url: string; drop(): Promise<void> };
let files: RunFiles;
let port: number;
let env: NodeJS.ProcessEnv;
const blockers: Server[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen({ host: HOST, port: 0 }, () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
    });
  });
}

function occupyPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen({ host: HOST, port }, () => {
      blockers.push(s);
      resolve(s);
    });
  });
}

async function healthOk(): Promise<boolean> {
  try {
    const res = await fetch(`http://${HOST}:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Every process still in the supervisor's group: the server, and anything either of them spawned. */
function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => processGroup(pid) === pgid && isAlive(pid));
}

function start() {
  return startSupervised({ host: HOST, port, pbxExpected: false, files, env, timeoutMs: 90_000 });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

beforeAll(async () => {
  database = await createTestDatabase();
  files = runFiles(mkdtempSync(join(tmpdir(), 'rs-supervisor-')));
  port = await freePort();
  env = {
    ...process.env,
    NODE_ENV: 'test',
    HOST,
    PORT: String(port),
    DATABASE_URL: database.url,
    PBX_ENABLED: 'false',
    ROLES: 'api',
    LOG_LEVEL: 'warn',
  };
});

afterEach(async () => {
  for (const s of blockers.splice(0)) await new Promise((r) => s.close(r));
});

afterAll(async () => {
  await stopSupervised(files);
  await stopOrphanServers(port);
  await database.drop();
  rmSync(files.dir, { recursive: true, force: true });
});

// In order: the first case leaves its supervisor running for the second to stop.
describe('supervised server', () => {
  it('serves from the pid it records, and replaces a SIGKILLed server', { timeout: 180_000 }, async () => {
    const first = await start();
    expect(readPid(files.supervisorPid)).toBe(first.supervisorPid);
    expect(readPid(files.serverPid)).toBe(first.serverPid);
    // No wrapper between: the recorded pid is the one holding the socket.
    expect(portListeners(port)?.map((l) => l.pid)).toEqual([first.serverPid]);

    process.kill(first.serverPid, 'SIGKILL');
    const replaced = await vi.waitFor(async () => {
      const state = readState(files);
      expect(state?.listening).toBe(true);
      expect(state?.serverPid).not.toBe(first.serverPid);
      expect(await healthOk()).toBe(true);
      return state!;
    }, WAIT);
    expect(replaced.restarts).toBe(1);
    expect(replaced.lastExit?.signal).toBe('SIGKILL');
    expect(replaced.supervisorPid).toBe(first.supervisorPid);
    expect(readPid(files.serverPid)).toBe(replaced.serverPid);
    expect(portListeners(port)?.map((l) => l.pid)).toEqual([replaced.serverPid]);
    expect(readFileSync(files.log, 'utf8')).toMatch(/"restarts":1.*server exited \(SIGKILL\); restart 1 in/);
  });

  it(
    'stops the server with the supervisor on SIGTERM, leaving no process and a free port',
    { timeout: 60_000 },
    async () => {
      const supervisor = readPid(files.supervisorPid)!;
      const server = readPid(files.serverPid)!;
      expect(isAlive(server)).toBe(true);

      process.kill(supervisor, 'SIGTERM');
      await vi.waitFor(() => {
        expect(isAlive(supervisor)).toBe(false);
        expect(isAlive(server)).toBe(false);
        expect(groupMembers(supervisor)).toEqual([]);
      }, WAIT);
      expect(await bindError(HOST, port)).toBeNull();
      expect(existsSync(files.supervisorPid)).toBe(false);
      expect(existsSync(files.serverPid)).toBe(false);
      // The server closed gracefully rather than being killed.
      expect(readState(files)).toMatchObject({ status: 'stopped', lastExit: { code: 0, signal: null } });
    },
  );

  it(
    'takes the server down when the supervisor is SIGKILLed, and npm stop copes with the stale pid files',
    { timeout: 180_000 },
    async () => {
      const { supervisorPid, serverPid } = await start();
      process.kill(supervisorPid, 'SIGKILL');
      await vi.waitFor(() => {
        expect(isAlive(serverPid)).toBe(false);
        expect(groupMembers(supervisorPid)).toEqual([]);
      }, WAIT);
      expect(await bindError(HOST, port)).toBeNull();

      expect(readPid(files.supervisorPid)).toBe(supervisorPid);
      expect(await stopSupervised(files)).toEqual({});
      expect(existsSync(files.supervisorPid)).toBe(false);
      expect(existsSync(files.serverPid)).toBe(false);
    },
  );

  it('refuses to start on a port held by another process, naming it', { timeout: 30_000 }, async () => {
    await occupyPort();
    const attempt = start();
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`${HOST}:${port} is already in use by pid ${process.pid} .*not a Ringside server`),
    );
    expect(existsSync(files.supervisorPid)).toBe(false);
  });

  it(
    'gives up, with the reason in its state, when the first server run finds the port taken',
    { timeout: 90_000 },
    async () => {
      await occupyPort();
      // Straight to the supervisor, past npm start's own check: the race where the port goes between the two.
      const supervisor = spawn(
        process.execPath,
        ['--import', 'tsx', supervisorScript, '--run-dir', files.dir],
        {
          cwd: repoRoot,
          env,
          stdio: 'ignore',
        },
      );
      expect(await exitOf(supervisor)).toEqual({ code: EXIT_PORT_IN_USE, signal: null });
      expect(readState(files)).toMatchObject({ status: 'failed', failure: 'port-in-use', restarts: 0 });
      expect(existsSync(files.supervisorPid)).toBe(false);
    },
  );

  it('exits the server with EX_CONFIG on invalid settings', { timeout: 30_000 }, async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
      cwd: repoRoot,
      env: { ...env, PORT: 'not-a-port' },
      stdio: 'ignore',
    });
    expect(await exitOf(server)).toEqual({ code: EXIT_CONFIG, signal: null });
  });

  it('stops an orphaned server of this checkout that holds the port', { timeout: 90_000 }, async () => {
    const orphan = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
      cwd: repoRoot,
      env,
      stdio: 'ignore',
    });
    const exited = exitOf(orphan);
    await vi.waitFor(async () => expect(await healthOk()).toBe(true), WAIT);

    expect(await stopOrphanServers(port)).toEqual([orphan.pid]);
    // Not a supervised run, so SIGTERM is its graceful shutdown.
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(await bindError(HOST, port)).toBeNull();
  });
});
