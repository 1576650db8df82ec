// The dedicated Asterisk for WebRTC end-to-end tests: a second instance from the cached root
// (`asterisk -C /etc/asterisk-e2e/asterisk.conf`, its own run/spool/log/lib dirs), started INSIDE the test
// namespace, so its ARI (127.0.0.1:8088), SIP and RTP ports live on the namespace's loopback and never
// clash with the developer's main instance. Call this from inside the namespace (inside.ts).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FAKE_CARRIER_TRUNK } from '../../../pbx/scripts/carrier.ts';
import { run, runOrThrow } from '../../../pbx/scripts/exec.ts';
import { mountChrootFilesystems } from '../../../pbx/scripts/mounts.ts';
import { renderConfig } from '../../../pbx/scripts/render-config.ts';
import { waitForAri } from '../../../pbx/scripts/wait-for-ari.ts';
import { VETH_LOCAL } from './namespace.ts';

export const E2E_INSTANCE = 'e2e';
const CONF = `/etc/asterisk-${E2E_INSTANCE}/asterisk.conf`;

export interface E2eAsteriskOptions {
  root: string;
  ari: { user: string; password: string; app: string };
  /** Inside the namespace the main instance's port numbers are free. */
  httpPort?: number;
}

export function e2eRecordingsDir(root: string): string {
  return join(root, `var/spool/asterisk-${E2E_INSTANCE}/recording`);
}

export function e2eCli(root: string, command: string) {
  return run('chroot', [root, 'asterisk', '-C', CONF, '-rx', command], { timeoutMs: 10_000 });
}

function pidOf(root: string): number | undefined {
  const file = join(root, `run/asterisk-${E2E_INSTANCE}/asterisk.pid`);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Renders the e2e config (media on 127.0.0.1, ICE host candidate veth → loopback), starts, waits for ARI. */
export async function startE2eAsterisk(
  opts: E2eAsteriskOptions,
): Promise<{ pid: number | undefined; ms: number }> {
  const started = Date.now();
  const httpPort = opts.httpPort ?? 8088;
  if (pidOf(opts.root) !== undefined) await stopE2eAsterisk(opts.root); // a straggler from a killed run
  await renderConfig({
    root: opts.root,
    instance: E2E_INSTANCE,
    ari: opts.ari,
    httpBindAddress: '127.0.0.1',
    httpPort,
    mediaAddress: '127.0.0.1',
    iceHostCandidates: [{ local: VETH_LOCAL, advertised: '127.0.0.1' }],
    // Outbound campaigns dial the namespace's own fake carrier (carrier-e2e.ts).
    trunk: FAKE_CARRIER_TRUNK,
  });
  // A fresh AstDB each run: agent endpoints provisioned through ARI by an earlier run must not linger.
  rmSync(join(opts.root, `var/lib/asterisk-${E2E_INSTANCE}/astdb.sqlite3`), { force: true });
  await mountChrootFilesystems(opts.root);
  await runOrThrow('chroot', [opts.root, 'asterisk', '-C', CONF, '-U', 'asterisk', '-G', 'asterisk'], {
    timeoutMs: 30_000,
  });
  await waitForAri({
    url: `http://127.0.0.1:${httpPort}`,
    user: opts.ari.user,
    password: opts.ari.password,
    timeoutMs: 30_000,
  });
  return { pid: pidOf(opts.root), ms: Date.now() - started };
}

/** `core stop now`, then SIGKILL if it lingers. Leaves the chroot mounts to the main instance's lifecycle. */
export async function stopE2eAsterisk(root: string): Promise<void> {
  const pid = pidOf(root);
  if (pid === undefined) return;
  await e2eCli(root, 'core stop now');
  const until = Date.now() + 10_000;
  while (pidOf(root) !== undefined && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (pidOf(root) !== undefined) process.kill(pid, 'SIGKILL');
}

/**
 * A real restart of the running e2e instance, as an operator's `systemctl restart asterisk` would do:
 * `core stop now` (every channel hung up, BYEs to the carrier and the softphones, the ARI and SIP
 * WebSockets closed), then the same binary with the same config and the same AstDB (agent endpoints
 * provisioned through ARI survive, unlike startE2eAsterisk, which wipes them). The fake carrier is a
 * separate instance and stays up. Call from inside the namespace; resolves once ARI answers again.
 */
export async function restartE2eAsterisk(opts: {
  root: string;
  ari: { user: string; password: string };
  httpPort?: number;
}): Promise<{ stoppedAt: number; startedAt: number; pid: number | undefined }> {
  const before = pidOf(opts.root);
  if (before === undefined) throw new Error('the e2e Asterisk is not running');
  await stopE2eAsterisk(opts.root);
  const stoppedAt = Date.now();
  await mountChrootFilesystems(opts.root); // idempotent: still mounted in this mount namespace
  await runOrThrow('chroot', [opts.root, 'asterisk', '-C', CONF, '-U', 'asterisk', '-G', 'asterisk'], {
    timeoutMs: 30_000,
  });
  await waitForAri({
    url: `http://127.0.0.1:${opts.httpPort ?? 8088}`,
    user: opts.ari.user,
    password: opts.ari.password,
    timeoutMs: 30_000,
  });
  return { stoppedAt, startedAt: Date.now(), pid: pidOf(opts.root) };
}
