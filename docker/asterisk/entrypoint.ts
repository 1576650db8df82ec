// Container entry: render Ringside's Asterisk configuration into this image's own root (/), then run
// Asterisk in the foreground as PID 1's child so the container stops when Asterisk does.
import { spawn } from 'node:child_process';
import { renderConfig } from '../../pbx/scripts/index.ts';

const password = process.env.ARI_PASSWORD ?? '';
if (password.length < 12) {
  console.error('ARI_PASSWORD must be set (at least 12 characters)');
  process.exit(1);
}
await renderConfig({
  root: '/',
  ari: { user: process.env.ARI_USER ?? 'ringside', password, app: process.env.ARI_APP ?? 'ringside' },
  // In a container ARI must be reachable from the server container; protect it with the password and
  // network policy rather than a loopback bind.
  httpBindAddress: process.env.ARI_BIND ?? '0.0.0.0',
  httpPort: Number(process.env.ARI_PORT ?? 8088),
});
const asterisk = spawn('asterisk', ['-f', '-U', 'asterisk', '-G', 'asterisk'], { stdio: 'inherit' });
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => asterisk.kill(sig));
asterisk.on('exit', (code) => process.exit(code ?? 0));
