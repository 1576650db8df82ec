// Shared helpers for the PBX integration tests: config read the way the server reads it, Asterisk
// started through the same ensurePbxRunning the orchestrator uses, and condition waits (no sleeps).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createAsteriskAdapter, type AsteriskAdapter, type PbxEvent } from '@ringside/pbx';
import { configFromEnvironment, type Config } from '../../../server/src/config/index.ts';
import { ensurePbxRunning } from '../../../server/src/cli/pbx.ts';

export async function pbxReady(): Promise<Config> {
  const config = configFromEnvironment();
  await ensurePbxRunning(config);
  return config;
}

/** A unique Stasis app per test, so tests never steal calls (or the app) from a running dev server. */
export function uniqueApp(prefix = 'ringside-it'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A DID nobody else uses in this run (digits only, as the dialplan pattern expects). */
export function uniqueDid(): string {
  return `9${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

export interface Recorder {
  adapter: AsteriskAdapter;
  events: PbxEvent[];
  /** Resolves with the first event (already seen or future) matching `pred`. */
  next<T extends PbxEvent>(pred: (e: PbxEvent) => e is T, timeoutMs?: number): Promise<T>;
  next(pred: (e: PbxEvent) => boolean, timeoutMs?: number): Promise<PbxEvent>;
}

export async function connectAdapter(config: Config, app: string): Promise<Recorder> {
  const adapter = createAsteriskAdapter({
    url: config.ARI_URL,
    user: config.ARI_USER,
    password: config.ARI_PASSWORD,
    app,
    backoff: { initialMs: 100, maxMs: 1000 },
  });
  const events: PbxEvent[] = [];
  adapter.on((e) => events.push(e));
  await adapter.connect();
  const next = (pred: (e: PbxEvent) => boolean, timeoutMs = 10_000) =>
    until(() => events.find(pred), timeoutMs, 'a matching PBX event');
  return { adapter, events, next } as Recorder;
}

/** Polls `probe` until it returns a value other than undefined/false. */
export async function until<T>(probe: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Kills this process's TCP connections to Asterisk's HTTP port from the kernel (ss -K), exactly what a
 * network failure does to the ARI websocket; other processes' connections (a dev server) are left alone.
 */
export function killOwnAriConnections(ariUrl: string): number {
  const port = new URL(ariUrl).port || '80';
  const out = execFileSync('ss', ['-tnpH', 'state', 'established', 'dport', '=', `:${port}`]).toString();
  const ports = out
    .split('\n')
    .filter((l) => l.includes(`pid=${process.pid},`))
    .map((l) => /:(\d+)\s+\S+:\d+\s/.exec(l)?.[1])
    .filter((p): p is string => p !== undefined);
  for (const sport of ports) {
    // stderr: ss -K prints a harmless "RTNETLINK answers: Invalid argument" for sockets it cannot filter.
    execFileSync('ss', ['-K', 'dport', '=', `:${port}`, 'sport', '=', `:${sport}`], { stdio: 'ignore' });
  }
  return ports.length;
}
