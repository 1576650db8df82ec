import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot, readEnvFile } from '../config/index.ts';

export const envFilePath = resolve(repoRoot, '.env');

/** Secrets Ringside generates on first start; kept in the uncommitted .env, never in the repository. */
export function ensureGeneratedSecrets(): string[] {
  const current = readEnvFile(envFilePath);
  const added: string[] = [];
  if (!current.ARI_PASSWORD && !process.env.ARI_PASSWORD) {
    setEnvValue('ARI_PASSWORD', randomBytes(18).toString('base64url'));
    added.push('ARI_PASSWORD');
  }
  return added;
}

export function setEnvValue(key: string, value: string): void {
  if (!existsSync(envFilePath)) {
    writeFileSync(envFilePath, '# Written by `npm start`; local settings and generated secrets. Never commit.\n', { mode: 0o600 });
  }
  const lines = readFileSync(envFilePath, 'utf8').split('\n');
  const idx = lines.findIndex((l) => l.startsWith(`${key}=`));
  if (idx >= 0) {
    lines[idx] = `${key}=${value}`;
    writeFileSync(envFilePath, lines.join('\n'));
  } else {
    appendFileSync(envFilePath, `${key}=${value}\n`);
  }
}
