// The only module that reads process.env. Everything else receives a frozen, typed Config.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { isNumberAddressTemplate } from '@ringside/pbx';
import { Value } from 'typebox/value';
import { ConfigSchema, type RawConfig } from './schema.ts';

export type Role = 'api' | 'worker' | 'telephony';

export interface Config extends Readonly<Omit<RawConfig, 'ROLES' | 'ICE_SERVERS'>> {
  readonly roles: readonly Role[];
  readonly iceServers: readonly { urls: string | string[]; username?: string; credential?: string }[];
  readonly cookieSecure: boolean;
  readonly repoRoot: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** The repository root: config paths (WEB_DIST, .env) are relative to it. */
export const repoRoot = resolve(import.meta.dirname, '../../..');

const booleanWords: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};

function coerce(key: string, value: string): unknown {
  const schema = (ConfigSchema.properties as Record<string, { type?: string; anyOf?: unknown }>)[key];
  if (!schema) return value;
  if (schema.type === 'integer') return /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (schema.type === 'boolean') return booleanWords[value.trim().toLowerCase()] ?? value;
  return value;
}

/** Reads `.env` at the repository root (written by `npm start`), without overriding the real environment. */
export function readEnvFile(path = resolve(repoRoot, '.env')): Record<string, string> {
  if (!existsSync(path)) return {};
  return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
}

/** Validates a source of settings; unknown keys are ignored, bad ones are all reported at once. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const raw = source[key];
    if (raw !== undefined && raw !== '') input[key] = coerce(key, raw);
  }
  const withDefaults = Value.Default(ConfigSchema, input) as Record<string, unknown>;
  const problems = [...Value.Errors(ConfigSchema, withDefaults)].map(
    (e) => `${e.instancePath.replace(/^\//, '') || '(root)'}: ${e.message}`,
  );
  if (problems.length) throw new ConfigError(problems);
  const raw = withDefaults as RawConfig;

  let iceServers: Config['iceServers'];
  try {
    const parsed: unknown = JSON.parse(raw.ICE_SERVERS);
    if (!Array.isArray(parsed)) throw new Error('not an array');
    iceServers = parsed as Config['iceServers'];
  } catch {
    throw new ConfigError(['ICE_SERVERS: must be a JSON array of RTCIceServer objects']);
  }
  if (raw.OUTBOUND_DIAL && !isNumberAddressTemplate(raw.OUTBOUND_DIAL)) {
    throw new ConfigError(['OUTBOUND_DIAL: not a dial address the PBX accepts once {number} is put in']);
  }
  if (raw.PBX_ENABLED && raw.NODE_ENV === 'production' && raw.ARI_PASSWORD.length < 12) {
    throw new ConfigError([
      'ARI_PASSWORD: set a password of at least 12 characters when PBX_ENABLED in production',
    ]);
  }
  const roles =
    raw.ROLES === 'all' ? (['api', 'worker', 'telephony'] as const) : (raw.ROLES.split(',') as Role[]);
  const { ROLES: _r, ICE_SERVERS: _i, ...rest } = raw;
  return Object.freeze({
    ...rest,
    roles: Object.freeze([...new Set(roles)]),
    iceServers: Object.freeze(iceServers),
    cookieSecure: raw.COOKIE_SECURE ?? raw.NODE_ENV === 'production',
    RECORDINGS_DIR: raw.RECORDINGS_DIR || `${raw.PBX_ROOT}/var/spool/asterisk/recording`,
    repoRoot,
  });
}

/** Config for this process: the real environment first, then `.env`. */
export function configFromEnvironment(): Config {
  return loadConfig({ ...readEnvFile(), ...process.env });
}

/** Whether a setting was given (environment or .env) rather than defaulted; the start command installs services only for defaulted ones. */
export function isExplicitlyConfigured(key: keyof RawConfig): boolean {
  return Boolean(process.env[key] || readEnvFile()[key]);
}
