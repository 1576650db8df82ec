// Small process helpers for the provisioning CLIs (start, prepare, stop). Not used by the server itself.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createConnection } from 'node:net';

export function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

export function must(cmd: string, args: string[], what: string, opts: SpawnSyncOptions = {}): string {
  const r = run(cmd, args, opts);
  if (!r.ok) throw new Error(`${what} failed: ${cmd} ${args.join(' ')}\n${r.out.split('\n').slice(-15).join('\n')}`);
  return r.out;
}

export function hasCommand(name: string): boolean {
  return run('sh', ['-c', `command -v ${name}`]).ok;
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

let aptUpdated = false;
/** apt-get install as root, with one `apt-get update` per process; explains what to do when not root. */
export function aptInstall(packages: string[], why: string): void {
  if (!isRoot()) {
    throw new Error(`${why}: install ${packages.join(' ')} (apt-get install -y ${packages.join(' ')}) or run this as root`);
  }
  step(`installing ${packages.join(' ')} (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    must('apt-get', ['update', '-qq'], 'apt-get update (is the Debian mirror reachable?)', { env });
    aptUpdated = true;
  }
  must('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], `apt-get install ${packages.join(' ')}`, { env });
}

export function portOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host, port });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

export function step(msg: string): void {
  console.log(`▸ ${msg}`);
}
