// A real server as its own process (not app.inject): what fault tests kill with SIGKILL and start again.
// It runs exactly as production does (node --import tsx server/src/main.ts) with the test's environment.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  port: number;
  proc: ChildProcess;
  /** Resolves once /api/health answers with every part ok. */
  healthy(timeoutMs?: number): Promise<void>;
  exited(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

/**
 * The server alone (`supervised: false`) or under the supervisor `npm start` uses (its run files in
 * `runDir`): then `proc` is the supervisor and `serverPid()` names the process that serves.
 */
export function startChildServer(
  env: Record<string, string>,
  port: number,
  logFile: string,
  supervisor?: { runDir: string },
): ChildServer {
  const log = createWriteStream(logFile, { flags: 'a' });
  const entry = supervisor
    ? ['server/src/cli/supervisor.ts', '--run-dir', supervisor.runDir]
    : ['server/src/main.ts'];
  const proc = spawn(process.execPath, ['--import', 'tsx', ...entry], {
    cwd: REPO,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.pipe(log);
  proc.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const exit = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    url,
    port,
    proc,
    exited: () => exit,
    async healthy(timeoutMs = 60_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        if (proc.exitCode !== null)
          throw new Error(`the server exited with ${proc.exitCode} (log: ${logFile})`);
        try {
          const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
          const b = (await r.json()) as Record<string, string>;
          if (b.db === 'ok' && b.redis === 'ok' && b.pbx === 'ok') return;
        } catch {
          // not listening yet
        }
        if (Date.now() > end)
          throw new Error(`the server was not healthy within ${timeoutMs} ms (log: ${logFile})`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}

/** A signed-in REST client over real HTTP (cookie session), for a child server. */
export async function httpLogin(url: string, username: string, password: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  return {
    cookie,
    get: <T>(p: string) => call<T>('GET', p),
    post: <T>(p: string, b: unknown = {}) => call<T>('POST', p, b),
  };
}
