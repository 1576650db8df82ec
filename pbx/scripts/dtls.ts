// WebRTC endpoints need a DTLS certificate. Browsers check it against the fingerprint in the SDP, not a
// CA, so a self-signed one generated once per root is enough.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runOrThrow } from './exec.ts';

/** Paths as Asterisk sees them (inside the chroot). */
export const DTLS_CERT_FILE = '/etc/asterisk/keys/ringside-dtls.crt';
export const DTLS_KEY_FILE = '/etc/asterisk/keys/ringside-dtls.key';

export async function ensureDtlsCertificate(root: string): Promise<boolean> {
  const cert = join(root, DTLS_CERT_FILE);
  const key = join(root, DTLS_KEY_FILE);
  if (existsSync(cert) && existsSync(key)) return false;
  await runOrThrow('mkdir', ['-p', join(root, '/etc/asterisk/keys')]);
  await runOrThrow('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650',
    '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', key, '-out', cert,
  ]);
  return true;
}
