// Asterisk runs as the root's own "asterisk" user. Its uid/gid come from ROOT/etc/passwd and
// ROOT/etc/group (101 in a fresh root today, but that is an accident of package install order).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOrThrow } from './exec.ts';

export interface UnixIds {
  uid: number;
  gid: number;
}

function lookup(file: string, name: string, field: number): number {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const parts = line.split(':');
    if (parts[0] === name && parts[field] !== undefined) return Number(parts[field]);
  }
  throw new Error(`No "${name}" entry in ${file}: is the Asterisk root complete? (npm run pbx:provision)`);
}

export function asteriskIds(root: string): UnixIds {
  return { uid: lookup(join(root, 'etc/passwd'), 'asterisk', 2), gid: lookup(join(root, 'etc/group'), 'asterisk', 2) };
}

/** The directories Asterisk writes to or reads secrets from; it fails with "Permission denied" otherwise. */
export const ASTERISK_OWNED_DIRS = Object.freeze([
  'etc/asterisk',
  'var/lib/asterisk',
  // res_crypto logs an error at every start when its key directory is missing.
  'var/lib/asterisk/keys',
  'var/spool/asterisk',
  // ARI stores recordings here but does not create it: recording fails with "No such file".
  'var/spool/asterisk/recording',
  'var/log/asterisk',
  'var/cache/asterisk',
  'run/asterisk',
]);

/** `suffix` ('-e2e') names a second instance's dirs: etc/asterisk-e2e, run/asterisk-e2e, … */
export async function chownAsteriskDirs(root: string, ids: UnixIds, suffix = ''): Promise<void> {
  const paths = ASTERISK_OWNED_DIRS.map((d) => join(root, d.replace(/asterisk(?=\/|$)/, `asterisk${suffix}`)));
  await runOrThrow('mkdir', ['-p', ...paths]);
  await runOrThrow('chown', ['-R', `${ids.uid}:${ids.gid}`, ...paths]);
}
