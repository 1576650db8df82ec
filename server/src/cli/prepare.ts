// Brings up everything Ringside needs on this machine, idempotently: secrets, PostgreSQL, Redis, schema,
// the Asterisk root and process; with --for-tests also Chromium and a built console.
// `npm start` and `npm test` both begin here, so a fresh clone works with either.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { configFromEnvironment, repoRoot, type Config } from '../config/index.ts';
import { ensureGeneratedSecrets } from './env-file.ts';
import { migrateDatabase } from './migrate.ts';
import { ensurePbxRunning } from './pbx.ts';
import { ensurePostgres } from './services/postgres.ts';
import { ensureRedis } from './services/redis.ts';
import { aptInstall, must, step } from './shell.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = resolve(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Rebuilds the console only when a source file is newer than the last build. */
export function ensureConsoleBuilt(config: Config): void {
  const index = resolve(repoRoot, config.WEB_DIST, 'index.html');
  const src = resolve(repoRoot, 'web-agent');
  const sources = Math.max(newestMtime(resolve(src, 'src')), statSync(resolve(src, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  step('building the console (web-agent)');
  must('npm', ['run', 'build', '-w', 'web-agent'], 'console build', { cwd: repoRoot, stdio: 'inherit' });
}

export async function prepare(opts: { forTests: boolean }): Promise<Config> {
  const added = ensureGeneratedSecrets();
  if (added.length) step(`generated ${added.join(', ')} into .env`);
  await ensurePostgres();
  await ensureRedis();
  const config = configFromEnvironment();
  step('applying database migrations');
  await migrateDatabase(config.DATABASE_URL);
  if (config.PBX_ENABLED) {
    step('starting Asterisk (first run provisions its Debian sid root, about a minute)');
    await ensurePbxRunning(config);
  }
  if (opts.forTests && !existsSync('/usr/bin/chromium')) aptInstall(['chromium'], 'browser tests drive Debian chromium');
  ensureConsoleBuilt(config);
  return config;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepare({ forTests: process.argv.includes('--for-tests') })
    .then(() => step('ready'))
    .catch((err: unknown) => {
      console.error(`\n✗ ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    });
}
