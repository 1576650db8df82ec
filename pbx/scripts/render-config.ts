// Renders Ringside's Asterisk configuration into ROOT/etc/asterisk: templates from pbx/asterisk/,
// contexts from dialplans/, prompts from sounds/. Idempotent; reports whether any config changed so
// a running Asterisk is reloaded only when needed.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DTLS_CERT_FILE, DTLS_KEY_FILE, ensureDtlsCertificate } from './dtls.ts';
import { asteriskIds, chownAsteriskDirs } from './ownership.ts';
import { DIALPLANS_DIR, SOUNDS_DIR, TEMPLATES_DIR } from './paths.ts';
import {
  agentSections,
  iceHostCandidateLines,
  mediaAddressLines,
  trunkSections,
  type IceHostCandidate,
  type StaticAgent,
  type TrunkOptions,
} from './pjsip-sections.ts';
import { renderPrompts } from './sounds.ts';
import { assertConfigSafe, renderTemplate } from './template.ts';

export interface AriCredentials {
  user: string;
  password: string;
  /** Stasis application name the server registers (dialplans route calls to it). */
  app: string;
}

export interface RenderConfigOptions {
  root: string;
  ari: AriCredentials;
  httpBindAddress?: string;
  httpPort?: number;
  sipBindAddress?: string;
  sipPort?: number;
  rtpStart?: number;
  rtpEnd?: number;
  entityId?: string;
  /** ARI CORS allow-list (comma-separated origins); empty = none. */
  ariAllowedOrigins?: string;
  /** WebRTC on a loopback-only host: the address RTP binds to and advertises (see pbx/README.md). */
  mediaAddress?: string;
  iceHostCandidates?: readonly IceHostCandidate[];
  /** host:port of a STUN server; none by default (never a public default). */
  stunServer?: string;
  /** Languages of dialplan announcements, in playing order. */
  promptLangs?: readonly string[];
  /** Spoken as {company} in prompts. */
  company?: string;
  agents?: readonly StaticAgent[];
  trunk?: TrunkOptions;
  /**
   * A second Asterisk from the same root (e.g. 'e2e'): configs go to etc/asterisk-<instance> and its
   * run/spool/log/lib/cache dirs get the same suffix; start it with `asterisk -C /etc/asterisk-<instance>/asterisk.conf`.
   * Unset = the main instance (unchanged paths).
   */
  instance?: string;
  /** Overrides for the repository folders (tests). */
  templatesDir?: string;
  dialplansDir?: string;
  soundsDir?: string;
}

export interface RenderConfigResult {
  /** True when a config file differs from what was there: a running Asterisk needs a reload. */
  changed: boolean;
  /** Names (relative to etc/asterisk) of the files whose content changed. */
  changedFiles: string[];
  files: string[];
  promptsRendered: number;
  ms: number;
}

const DIALPLAN_SUBDIR = 'ringside';

function templateValues(o: RenderConfigOptions): Record<string, string | number> {
  for (const [k, v] of Object.entries({ 'ARI user': o.ari.user, 'ARI password': o.ari.password, 'ARI app': o.ari.app })) {
    assertConfigSafe(k, v);
  }
  return {
    entityId: o.entityId ?? '02:00:00:00:00:01',
    httpBindAddress: o.httpBindAddress ?? '127.0.0.1',
    httpPort: o.httpPort ?? 8088,
    sipBindAddress: o.sipBindAddress ?? '127.0.0.1',
    sipPort: o.sipPort ?? 5060,
    rtpStart: o.rtpStart ?? 10000,
    rtpEnd: o.rtpEnd ?? 20000,
    ariUser: o.ari.user,
    ariPassword: o.ari.password,
    ariApp: o.ari.app,
    allowedOrigins: o.ariAllowedOrigins ?? '',
    dtlsCertFile: DTLS_CERT_FILE,
    dtlsKeyFile: DTLS_KEY_FILE,
    mediaAddressLines: mediaAddressLines(o.mediaAddress),
    iceHostCandidateLines: iceHostCandidateLines(o.iceHostCandidates ?? []),
    stunLine: o.stunServer ? `stunaddr = ${o.stunServer}` : '; stunaddr: none',
    agentSections: agentSections(o.agents ?? []),
    trunkSections: trunkSections(o.trunk),
    trunkEndpoint: o.trunk?.name ?? '',
    promptLangs: (o.promptLangs ?? ['zh', 'en']).join('&'),
    instanceSuffix: instanceSuffix(o.instance),
  };
}

/** '' for the main instance, '-<name>' for a second one (a name safe in paths and configs). */
export function instanceSuffix(instance: string | undefined): string {
  if (instance === undefined) return '';
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(instance)) throw new Error(`instance must match [a-z][a-z0-9-]{0,15} (got "${instance}")`);
  return `-${instance}`;
}

/** Writes `content` only when it differs; returns whether it did. */
function writeIfChanged(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  writeFileSync(path, content, { mode: 0o640 });
  return true;
}

function renderDialplans(etc: string, dialplansDir: string): { includes: string; changed: string[]; files: string[] } {
  const target = join(etc, DIALPLAN_SUBDIR);
  mkdirSync(target, { recursive: true });
  const names = readdirSync(dialplansDir).filter((f) => f.endsWith('.conf')).sort();
  const changed: string[] = [];
  for (const stale of readdirSync(target).filter((f) => !names.includes(f))) {
    rmSync(join(target, stale));
    changed.push(`${DIALPLAN_SUBDIR}/${stale}`);
  }
  for (const name of names) {
    if (writeIfChanged(join(target, name), readFileSync(join(dialplansDir, name), 'utf8'))) {
      changed.push(`${DIALPLAN_SUBDIR}/${name}`);
    }
  }
  const includes = names.map((n) => `#include "${DIALPLAN_SUBDIR}/${n}"`).join('\n');
  return { includes, changed, files: names.map((n) => join(target, n)) };
}

export async function renderConfig(opts: RenderConfigOptions): Promise<RenderConfigResult> {
  const started = Date.now();
  const suffix = instanceSuffix(opts.instance);
  const etc = join(opts.root, `etc/asterisk${suffix}`);
  if (suffix && existsSync(join(opts.root, 'etc/asterisk'))) mkdirSync(etc, { recursive: true });
  if (!existsSync(etc)) throw new Error(`${etc} does not exist: provision the root first (npm run pbx:provision)`);
  const templatesDir = opts.templatesDir ?? TEMPLATES_DIR;
  const dialplans = renderDialplans(etc, opts.dialplansDir ?? DIALPLANS_DIR);
  const values = { ...templateValues(opts), dialplanIncludes: dialplans.includes };

  const changedFiles = [...dialplans.changed];
  const files = [...dialplans.files];
  for (const name of readdirSync(templatesDir).filter((f) => f.endsWith('.conf')).sort()) {
    const content = renderTemplate(readFileSync(join(templatesDir, name), 'utf8'), values);
    if (writeIfChanged(join(etc, name), content)) changedFiles.push(name);
    files.push(join(etc, name));
  }
  if (await ensureDtlsCertificate(opts.root)) changedFiles.push('keys/ringside-dtls.crt');
  const prompts = await renderPrompts({
    soundsDir: opts.soundsDir ?? SOUNDS_DIR,
    outDir: join(opts.root, 'usr/share/asterisk/sounds/ringside'),
    vars: { company: opts.company ?? 'Ringside' },
  });
  const ids = asteriskIds(opts.root);
  await chownAsteriskDirs(opts.root, ids, suffix);
  // A second instance reads the shared DTLS key from the main etc/asterisk/keys.
  if (suffix) await chownAsteriskDirs(opts.root, ids);
  return { changed: changedFiles.length > 0, changedFiles, files, promptsRendered: prompts.rendered, ms: Date.now() - started };
}
