// Builds (once) the Debian sid root that Asterisk 22 runs in. Debian bookworm has no asterisk
// package, so we debootstrap sid into a directory cached outside the repository and chroot into it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { rm, rename } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { assertRoot, runOrThrow } from './exec.ts';
import { ensureHostCommands } from './host-packages.ts';
import { withLock } from './lock.ts';
import { mountedUnder } from './mounts.ts';

export const DEFAULT_MIRROR = 'http://deb.debian.org/debian';
export const ROOT_SUITE = 'sid';
/** The packages the root must hold; changing this list makes the next provision rebuild the root. */
export const ROOT_PACKAGES = Object.freeze([
  'asterisk',
  'asterisk-modules',
  'asterisk-core-sounds-en-wav',
  'asterisk-moh-opsound-wav',
]);
/** Written last, so its presence means the root is complete. */
export const MARKER_FILE = '.ringside-root.json';

export interface ProvisionRootOptions {
  root: string;
  mirror?: string;
  /** Progress lines (default: console.log). */
  log?: (line: string) => void;
}

export interface ProvisionRootResult {
  root: string;
  /** false when a complete root with the same package list was already there. */
  built: boolean;
  ms: number;
}

interface Marker {
  suite: string;
  packages: string[];
  builtAt: string;
}

function markerMatches(root: string): boolean {
  const path = join(root, MARKER_FILE);
  if (!existsSync(path)) return false;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Marker;
    return m.suite === ROOT_SUITE && JSON.stringify(m.packages) === JSON.stringify([...ROOT_PACKAGES]);
  } catch {
    return false;
  }
}

/** True when `root` is a complete root for the current package list. */
export function rootIsReady(root: string): boolean {
  return markerMatches(root) && existsSync(join(root, 'usr/sbin/asterisk'));
}

async function ensureDebootstrap(log: (l: string) => void): Promise<void> {
  await ensureHostCommands({ debootstrap: 'debootstrap' }, log);
}

async function assertMirrorReachable(mirror: string): Promise<void> {
  const url = `${mirror.replace(/\/$/, '')}/dists/${ROOT_SUITE}/Release`;
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
    if (res.ok) return;
    throw new Error(`HTTP ${res.status}`);
  } catch (err) {
    // fetch hides the socket error (ECONNREFUSED, ENOTFOUND…) in `cause`: that is the useful part.
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const detail = [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ');
    throw new Error(
      `Debian mirror unreachable: ${url} (${detail}). ` +
        'Check that this machine can reach the mirror (DNS, proxy settings, firewall), ' +
        'or pass another mirror that carries the sid suite.',
      { cause: err },
    );
  }
}

/**
 * Builds the root once. The build goes to a temporary directory next to `root` and is renamed into
 * place only when complete, so an interrupted run never leaves a half root that looks usable.
 */
export async function provisionRoot(opts: ProvisionRootOptions): Promise<ProvisionRootResult> {
  const started = Date.now();
  const { root } = opts;
  const log = opts.log ?? ((l: string) => console.log(l));
  if (rootIsReady(root)) return { root, built: false, ms: Date.now() - started };

  assertRoot('Provisioning the Asterisk root');
  mkdirSync(dirname(root), { recursive: true });
  // Two first runs at once (npm start and npm test on a fresh machine) must not both debootstrap.
  return withLock(`${root.replace(/\/$/, '')}.lock`, 30 * 60_000, async () => {
    if (rootIsReady(root)) return { root, built: false, ms: Date.now() - started };
    await buildRoot(root, opts.mirror ?? DEFAULT_MIRROR, log);
    return { root, built: true, ms: Date.now() - started };
  });
}

async function buildRoot(root: string, mirror: string, log: (l: string) => void): Promise<void> {
  await ensureDebootstrap(log);
  await assertMirrorReachable(mirror);

  const tmp = join(dirname(root), `.${basename(root)}.tmp-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  log(`Building the Asterisk root (Debian ${ROOT_SUITE}) in ${tmp}; this takes about a minute…`);
  try {
    await runOrThrow(
      'debootstrap',
      ['--variant=minbase', `--include=${ROOT_PACKAGES.join(',')}`, ROOT_SUITE, tmp, mirror],
      { timeoutMs: 30 * 60_000 },
    );
    const marker: Marker = { suite: ROOT_SUITE, packages: [...ROOT_PACKAGES], builtAt: new Date().toISOString() };
    writeFileSync(join(tmp, MARKER_FILE), JSON.stringify(marker, null, 2) + '\n');
    await replaceRoot(root, tmp);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
  log(`Asterisk root ready at ${root}`);
}

/** Swaps a freshly built root into place; refuses while the old one is in use (mounted). */
async function replaceRoot(root: string, fresh: string): Promise<void> {
  if (existsSync(root)) {
    if (mountedUnder(root).length > 0) {
      throw new Error(`${root} is in use (mounts under it): stop the PBX (npm run pbx:stop) before rebuilding.`);
    }
    const old = `${fresh}.old`;
    await rename(root, old);
    await rename(fresh, root);
    await rm(old, { recursive: true, force: true });
  } else {
    await rename(fresh, root);
  }
}
