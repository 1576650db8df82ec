import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');

describe('migrations', () => {
  it('match the drizzle schema: generating again from the schema yields no new migration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-drift-'));
    try {
      cpSync(resolve(repo, 'migrations'), join(dir, 'migrations'), { recursive: true });
      const before = readdirSync(join(dir, 'migrations')).length;
      const config = join(dir, 'drizzle.config.ts');
      writeFileSync(
        config,
        `export default { dialect: 'postgresql', schema: ${JSON.stringify(resolve(repo, 'server/src/db/schema/index.ts'))}, out: ${JSON.stringify(join(dir, 'migrations'))} };\n`,
      );
      const r = spawnSync(resolve(repo, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], { cwd: repo, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(join(dir, 'migrations')).length, `schema changed without a migration:\n${r.stdout}`).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
