// The fake PSTN carrier: a second Asterisk from the same root, with its own etc/run/spool/log dirs
// (instance suffix), SIP on 127.0.0.1:5070 and the number-encoded behaviours of dialplans/carrier.conf.
// The main instance reaches it through the trunk endpoint FAKE_CARRIER_TRUNK. Start it after the main
// instance (which mounts proc/dev in the root) and stop it before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run, runOrThrow } from './exec.ts';
import { withLock } from './lock.ts';
import { mountChrootFilesystems } from './mounts.ts';
import { asteriskIds, chownAsteriskDirs } from './ownership.ts';
import { DIALPLANS_DIR, REPO_DIR } from './paths.ts';
import type { TrunkOptions } from './pjsip-sections.ts';
import { instanceSuffix } from './render-config.ts';
import { renderTemplate } from './template.ts';

export const CARRIER_TEMPLATES_DIR = resolve(REPO_DIR, 'pbx/carrier');
export const CARRIER_INSTANCE = 'carrier';
export const CARRIER_SIP_PORT = 5070;

/** The trunk on the main instance that points at the carrier (ip AND port in its identify). */
export const FAKE_CARRIER_TRUNK: TrunkOptions = { name: 'carrier', host: '127.0.0.1', port: CARRIER_SIP_PORT, context: 'ringside-inbound', codecs: ['ulaw', 'alaw'] };

export interface CarrierOptions {
  root: string;
  /** 'carrier' next to the main instance; the e2e harness uses another name so both can coexist. */
  instance?: string;
  sipPort?: number;
  /** Where the Ringside PBX sends SIP from (the main instance's UDP transport). */
  pbxHost?: string;
  pbxPort?: number;
  rtpStart?: number;
  rtpEnd?: number;
}

function paths(o: CarrierOptions) {
  const suffix = instanceSuffix(o.instance ?? CARRIER_INSTANCE);
  return {
    suffix,
    etc: join(o.root, `etc/asterisk${suffix}`),
    conf: `/etc/asterisk${suffix}/asterisk.conf`,
    pidFile: join(o.root, `run/asterisk${suffix}/asterisk.pid`),
    hashFile: join(o.root, `run/asterisk${suffix}/ringside-carrier.hash`),
  };
}

/** Renders the carrier's configs; returns a hash of everything written (restart when it changes). */
export async function renderCarrierConfig(o: CarrierOptions): Promise<string> {
  const p = paths(o);
  mkdirSync(join(p.etc, 'ringside'), { recursive: true });
  const values = {
    instanceSuffix: p.suffix,
    entityId: '02:00:00:00:00:02',
    sipBindAddress: '127.0.0.1',
    sipPort: o.sipPort ?? CARRIER_SIP_PORT,
    pbxHost: o.pbxHost ?? '127.0.0.1',
    pbxPort: o.pbxPort ?? 5060,
    rtpStart: o.rtpStart ?? 20002,
    rtpEnd: o.rtpEnd ?? 30000,
  };
  const h = createHash('sha256');
  for (const name of readdirSync(CARRIER_TEMPLATES_DIR).filter((f) => f.endsWith('.conf')).sort()) {
    const content = renderTemplate(readFileSync(join(CARRIER_TEMPLATES_DIR, name), 'utf8'), values);
    writeFileSync(join(p.etc, name), content, { mode: 0o640 });
    h.update(name).update(content);
  }
  const dialplan = readFileSync(join(DIALPLANS_DIR, 'carrier.conf'), 'utf8');
  writeFileSync(join(p.etc, 'ringside/carrier.conf'), dialplan, { mode: 0o640 });
  h.update(dialplan);
  await chownAsteriskDirs(o.root, asteriskIds(o.root), p.suffix);
  return h.digest('hex');
}

function carrierPid(o: CarrierOptions): number | undefined {
  const file = paths(o).pidFile;
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export function carrierCli(o: CarrierOptions, command: string) {
  return run('chroot', [o.root, 'asterisk', '-C', paths(o).conf, '-rx', command], { timeoutMs: 10_000 });
}

async function waitUntil(cond: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Idempotent: running with the same config → unchanged; changed config → restart (it is tiny, ~1 s). */
export async function startCarrier(o: CarrierOptions): Promise<{ action: 'started' | 'restarted' | 'unchanged'; ms: number }> {
  const started = Date.now();
  const lock = `${o.root.replace(/\/$/, '')}${paths(o).suffix}.lock`;
  return withLock(lock, 60_000, async () => {
    const p = paths(o);
    const hash = await renderCarrierConfig(o);
    let action: 'started' | 'restarted' = 'started';
    if (carrierPid(o) !== undefined) {
      if (existsSync(p.hashFile) && readFileSync(p.hashFile, 'utf8').trim() === hash) return { action: 'unchanged' as const, ms: Date.now() - started };
      await stopCarrierUnlocked(o);
      action = 'restarted';
    }
    await mountChrootFilesystems(o.root);
    await runOrThrow('chroot', [o.root, 'asterisk', '-C', p.conf, '-U', 'asterisk', '-G', 'asterisk'], { timeoutMs: 30_000 });
    await waitUntil(async () => (await carrierCli(o, 'core waitfullybooted')).code === 0, 30_000, 'the carrier Asterisk to boot');
    writeFileSync(p.hashFile, hash + '\n');
    return { action, ms: Date.now() - started };
  });
}

async function stopCarrierUnlocked(o: CarrierOptions): Promise<boolean> {
  const pid = carrierPid(o);
  if (pid === undefined) return false;
  await carrierCli(o, 'core stop now');
  const until = Date.now() + 10_000;
  while (carrierPid(o) !== undefined && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (carrierPid(o) !== undefined) process.kill(pid, 'SIGKILL');
  rmSync(paths(o).hashFile, { force: true });
  return true;
}

/** `core stop now`, SIGKILL if it lingers. Leaves the root's mounts to the main instance. */
export async function stopCarrier(o: CarrierOptions): Promise<{ wasRunning: boolean }> {
  const lock = `${o.root.replace(/\/$/, '')}${paths(o).suffix}.lock`;
  return withLock(lock, 60_000, async () => ({ wasRunning: await stopCarrierUnlocked(o) }));
}
