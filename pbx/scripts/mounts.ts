// proc and dev must be mounted inside the chroot for Asterisk (it reads /proc, opens /dev/urandom).
// We read /proc/mounts instead of remembering state, so start/stop stay idempotent across processes.
import { readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runOrThrow } from './exec.ts';

/** Mount points currently under `root` (deepest first, the order to unmount them in). */
export function mountedUnder(root: string): string[] {
  const prefix = resolve(root) + '/';
  const points = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    // /proc/mounts escapes spaces as \040.
    .map((p) => p.replace(/\\040/g, ' '))
    .filter((p) => p.startsWith(prefix));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

export function isMounted(path: string): boolean {
  const target = resolve(path);
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .some((line) => (line.split(' ')[1] ?? '').replace(/\\040/g, ' ') === target);
}

export async function mountChrootFilesystems(root: string): Promise<void> {
  const proc = join(root, 'proc');
  const dev = join(root, 'dev');
  mkdirSync(proc, { recursive: true });
  mkdirSync(dev, { recursive: true });
  if (!isMounted(proc)) await runOrThrow('mount', ['-t', 'proc', 'proc', proc]);
  if (!isMounted(dev)) await runOrThrow('mount', ['--bind', '/dev', dev]);
}

export async function unmountChrootFilesystems(root: string): Promise<void> {
  for (const point of mountedUnder(root)) {
    // Lazy unmount: a straggling process holding /dev/null must not fail the stop.
    await runOrThrow('umount', ['-l', point]);
  }
}
