// Browser tests serve the built console (web-agent/dist) from the test server. `npm test` builds it in
// prepare; a single test file run after editing the console rebuilds it here when a source is newer.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const WEB = resolve(import.meta.dirname, '../../web-agent');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function ensureConsoleBuilt(): void {
  const built = join(WEB, 'dist/index.html');
  const newestSource = Math.max(...[join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts')].map(newestMtime));
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource) return;
  execFileSync('npm', ['run', 'build', '-w', 'web-agent'], { cwd: resolve(WEB, '..'), stdio: 'ignore' });
}
