// Start / stop / status of the chrooted Asterisk. State is read from the system each time (pid file,
// /proc/mounts, the control socket), never remembered, so every command is idempotent and safe to
// run from several processes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertRoot, run, runOrThrow } from './exec.ts';
import { withLock } from './lock.ts';
import { mountChrootFilesystems, mountedUnder, unmountChrootFilesystems } from './mounts.ts';
import { rootIsReady } from './provision-root.ts';
import { renderConfig, type RenderConfigOptions } from './render-config.ts';

export interface PbxStatus {
  root: string;
  provisioned: boolean;
  running: boolean;
  pid?: number;
  version?: string;
  uptime?: string;
  mounts: string[];
}

export interface StartPbxResult {
  /**
   * 'started': a new Asterisk; 'restarted': modules.conf/asterisk.conf changed (a reload cannot load
   * new modules); 'reloaded': other config changed, `core reload` sent; 'unchanged': nothing to do.
   */
  action: 'started' | 'restarted' | 'reloaded' | 'unchanged';
  ms: number;
}

/** asterisk -rx inside the root (talks to the control socket in ROOT/run/asterisk). */
export function asteriskCli(root: string, command: string, timeoutMs = 10_000) {
  return run('chroot', [root, 'asterisk', '-rx', command], { timeoutMs });
}

function readPid(root: string): number | undefined {
  // In the root /var/run links to /run: from outside the pid file is under ROOT/run/asterisk.
  const file = join(root, 'run/asterisk/asterisk.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export async function pbxStatus(opts: { root: string }): Promise<PbxStatus> {
  const { root } = opts;
  const status: PbxStatus = { root, provisioned: rootIsReady(root), running: false, mounts: mountedUnder(root) };
  const pid = readPid(root);
  if (pid === undefined || !status.provisioned) return status;
  const version = await asteriskCli(root, 'core show version', 5_000);
  if (version.code !== 0) return { ...status, pid };
  const uptime = await asteriskCli(root, 'core show uptime', 5_000);
  return {
    ...status,
    running: true,
    pid,
    version: version.stdout.trim(),
    uptime: uptime.stdout.trim().split('\n')[0] ?? '',
  };
}

async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

export type StartPbxOptions = RenderConfigOptions;

/**
 * Renders the config, then: not running → mount proc/dev and start; running with changed config →
 * `core reload`; running and unchanged → return at once. Readiness of ARI is waitForAri's job.
 */
export async function startPbx(opts: StartPbxOptions): Promise<StartPbxResult> {
  assertRoot('Starting Asterisk');
  if (!rootIsReady(opts.root)) throw new Error(`No complete Asterisk root at ${opts.root}: run npm run pbx:provision first`);
  return withLock(lockPath(opts.root), 120_000, () => startLocked(opts));
}

/** Next to the root (not inside it) so a rebuilt root does not lose a held lock. */
function lockPath(root: string): string {
  return `${root.replace(/\/$/, '')}.lock`;
}

async function startLocked(opts: StartPbxOptions): Promise<StartPbxResult> {
  const started = Date.now();
  const { root } = opts;
  const rendered = await renderConfig(opts);
  let action: StartPbxResult['action'] = 'started';
  if ((await pbxStatus({ root })).running) {
    const needsRestart = restartHash(root) !== readStartedHash(root);
    if (!rendered.changed && !needsRestart) return { action: 'unchanged', ms: Date.now() - started };
    if (!needsRestart) {
      await runOrThrow('chroot', [root, 'asterisk', '-rx', 'core reload']);
      return { action: 'reloaded', ms: Date.now() - started };
    }
    await stopLocked(root, 15_000);
    action = 'restarted';
  }
  await launch(root);
  return { action, ms: Date.now() - started };
}

/** Config files a `core reload` does not apply: the module list, the directories, sorcery wizards. */
const RESTART_FILES: readonly string[] = ['modules.conf', 'asterisk.conf', 'sorcery.conf'];
/** Hash of RESTART_FILES as the running Asterisk was started with; rewritten at every launch. */
const STARTED_HASH_FILE = 'run/asterisk/ringside-started.hash';

function restartHash(root: string): string {
  const h = createHash('sha256');
  for (const f of RESTART_FILES) h.update(readFileSync(join(root, 'etc/asterisk', f)));
  return h.digest('hex');
}

function readStartedHash(root: string): string | undefined {
  const file = join(root, STARTED_HASH_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

async function launch(root: string): Promise<void> {
  await mountChrootFilesystems(root);
  // -U/-G: drop to the root's asterisk user; Asterisk daemonises and the command returns.
  await runOrThrow('chroot', [root, 'asterisk', '-U', 'asterisk', '-G', 'asterisk'], { timeoutMs: 30_000 });
  await waitFor(
    async () => (await asteriskCli(root, 'core waitfullybooted', 5_000)).code === 0,
    30_000,
    'Asterisk to finish booting (see ROOT/var/log/asterisk/messages.log)',
  );
  writeFileSync(join(root, STARTED_HASH_FILE), restartHash(root) + '\n');
}

/** `core stop now`, wait for the process to exit (SIGKILL as a last resort), unmount proc/dev. */
export async function stopPbx(opts: { root: string; timeoutMs?: number }): Promise<{ wasRunning: boolean; ms: number }> {
  assertRoot('Stopping Asterisk');
  return withLock(lockPath(opts.root), 120_000, () => stopLocked(opts.root, opts.timeoutMs ?? 15_000));
}

async function stopLocked(root: string, timeoutMs: number): Promise<{ wasRunning: boolean; ms: number }> {
  const started = Date.now();
  const pid = readPid(root);
  if (pid !== undefined) {
    await asteriskCli(root, 'core stop now', 5_000);
    try {
      await waitFor(() => readPid(root) === undefined, timeoutMs, `Asterisk (pid ${pid}) to exit`);
    } catch {
      process.kill(pid, 'SIGKILL');
      await waitFor(() => readPid(root) === undefined, 5_000, `Asterisk (pid ${pid}) to die`);
    }
  }
  await unmountChrootFilesystems(root);
  return { wasRunning: pid !== undefined, ms: Date.now() - started };
}
