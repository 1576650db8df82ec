// renderConfig against a throw-away root (no Asterisk needed): files, secrets, ownership, idempotence.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConfig } from './render-config.ts';

const isRoot = process.getuid?.() === 0;
let root: string;
let sounds: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ringside-root-'));
  mkdirSync(join(root, 'etc/asterisk'), { recursive: true });
  // A uid that is not 101 on purpose: renderConfig must read it from the root, not assume it.
  writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0::/root:/bin/sh\nasterisk:x:4242:4343::/var/lib/asterisk:/usr/sbin/nologin\n');
  writeFileSync(join(root, 'etc/group'), 'root:x:0:\nasterisk:x:4343:\n');
  sounds = mkdtempSync(join(tmpdir(), 'ringside-sounds-'));
  writeFileSync(join(sounds, 'manifest.json'), JSON.stringify({ 'num-1': { zh: '1', en: '1' } }));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(sounds, { recursive: true, force: true });
});

const opts = () => ({
  root,
  soundsDir: sounds,
  ari: { user: 'ringside', password: 'S3cret-pw', app: 'ringside' },
  httpPort: 18088,
  mediaAddress: '127.0.0.1',
  iceHostCandidates: [{ local: '10.99.0.1', advertised: '127.0.0.1' }],
  agents: [{ id: 'agent-7', password: 'pw7' }],
});

describe.skipIf(!isRoot)('renderConfig', () => {
  it('renders configs, dialplans, prompts and a DTLS cert owned by the root asterisk user', async () => {
    const res = await renderConfig(opts());
    expect(res.changed).toBe(true);
    const etc = join(root, 'etc/asterisk');
    expect(readFileSync(join(etc, 'ari.conf'), 'utf8')).toMatch(/\[ringside\]\ntype = user\nread_only = no\npassword = S3cret-pw/);
    expect(readFileSync(join(etc, 'http.conf'), 'utf8')).toContain('bindport = 18088');
    expect(readFileSync(join(etc, 'asterisk.conf'), 'utf8')).toMatch(/^\[directories\]$/m);
    const pjsip = readFileSync(join(etc, 'pjsip.conf'), 'utf8');
    expect(pjsip).toContain('media_address = 127.0.0.1');
    expect(pjsip).toContain('[agent-7](ringside-webrtc-endpoint)');
    expect(readFileSync(join(etc, 'rtp.conf'), 'utf8')).toContain('10.99.0.1 => 127.0.0.1');
    const ext = readFileSync(join(etc, 'extensions.conf'), 'utf8');
    expect(ext).toContain('#include "ringside/inbound.conf"');
    expect(ext).toContain('RINGSIDE_LANGS = zh&en');
    expect(readFileSync(join(etc, 'ringside/inbound.conf'), 'utf8')).toContain('[ringside-inbound]');
    expect(statSync(join(etc, 'ari.conf')).uid).toBe(4242);
    expect(statSync(join(etc, 'ari.conf')).gid).toBe(4343);
    expect(statSync(join(root, 'var/spool/asterisk/recording')).uid).toBe(4242);
    expect(statSync(join(root, 'etc/asterisk/keys/ringside-dtls.crt')).size).toBeGreaterThan(0);
    expect(statSync(join(root, 'usr/share/asterisk/sounds/ringside/zh/num-1.wav')).size).toBeGreaterThan(1000);
    expect(res.promptsRendered).toBe(2);
  });

  it('changes nothing on a second run with the same options', async () => {
    const res = await renderConfig(opts());
    expect(res).toMatchObject({ changed: false, changedFiles: [], promptsRendered: 0 });
  });

  it('reports the changed file when an option changes', async () => {
    const res = await renderConfig({ ...opts(), ari: { user: 'ringside', password: 'Other-pw', app: 'ringside' } });
    expect(res.changedFiles).toEqual(['ari.conf']);
  });

  it('renders a second instance into its own etc dir with suffixed directories, leaving the main one alone', async () => {
    const before = readFileSync(join(root, 'etc/asterisk/asterisk.conf'), 'utf8');
    const res = await renderConfig({ ...opts(), instance: 'e2e' });
    expect(res.changed).toBe(true);
    const conf = readFileSync(join(root, 'etc/asterisk-e2e/asterisk.conf'), 'utf8');
    expect(conf).toContain('astrundir => /var/run/asterisk-e2e');
    expect(conf).toContain('astspooldir => /var/spool/asterisk-e2e');
    expect(conf).toContain('astetcdir => /etc/asterisk-e2e');
    expect(conf).toContain('astdatadir => /usr/share/asterisk\n');
    expect(readFileSync(join(root, 'etc/asterisk-e2e/ringside/inbound.conf'), 'utf8')).toContain('[ringside-inbound]');
    expect(statSync(join(root, 'var/spool/asterisk-e2e/recording')).uid).toBe(4242);
    expect(readFileSync(join(root, 'etc/asterisk/asterisk.conf'), 'utf8')).toBe(before);
    expect(before).toContain('astrundir => /var/run/asterisk\n');
    await expect(renderConfig({ ...opts(), instance: '../x' })).rejects.toThrow(/instance/);
  });

  it('refuses a password that would break the config syntax', async () => {
    await expect(renderConfig({ ...opts(), ari: { user: 'ringside', password: 'a;b', app: 'ringside' } })).rejects.toThrow(
      /ARI password/,
    );
  });
});
