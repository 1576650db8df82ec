// `tsx tests/support/netns/run.ts <command…>` runs a command inside a fresh network namespace together with
// its own Redis and the e2e Asterisk (see README.md). Cleanup on every exit path: processes left in the
// namespace are killed, then the namespace (and its veth pair) is deleted. Needs root.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { withLock } from '../../../pbx/scripts/lock.ts';
import { configFromEnvironment } from '../../../server/src/config/index.ts';
import { createNamespace, deleteNamespace, pidsInNamespace } from './namespace.ts';
import { NETNS_ENV } from './env.ts';

const REPO = resolve(import.meta.dirname, '../../..');
const TSX = resolve(REPO, 'node_modules/.bin/tsx');

async function killAll(namespace: string): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    const pids = pidsInNamespace(namespace);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, signal);
      } catch {
        // exited meanwhile
      }
    }
    const until = Date.now() + 5_000;
    while (pidsInNamespace(namespace).length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  }
}

async function runInNamespace(command: string[]): Promise<number> {
  const namespace = `ringside-e2e-${process.pid}`;
  createNamespace(namespace);
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await killAll(namespace);
    deleteNamespace(namespace);
  };
  try {
    const child = spawn('ip', ['netns', 'exec', namespace, TSX, resolve(import.meta.dirname, 'inside.ts'), ...command], {
      stdio: 'inherit',
      cwd: REPO,
      env: { ...process.env, [NETNS_ENV]: namespace },
    });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    return await new Promise<number>((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));
  } finally {
    await cleanup();
  }
}

async function main(command: string[]): Promise<number> {
  if (process.getuid?.() !== 0) throw new Error('the network-namespace harness needs root (ip netns, chroot)');
  if (command.length === 0) throw new Error('usage: tsx tests/support/netns/run.ts <command> [args…]');
  const config = configFromEnvironment();
  // One e2e Asterisk per root at a time (its run/spool dirs are fixed): concurrent runs queue here.
  return withLock(`${config.PBX_ROOT.replace(/\/$/, '')}.e2e.lock`, 30 * 60_000, () => runInNamespace(command));
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
