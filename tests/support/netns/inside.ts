// Stage two of the harness, already inside the namespace (run.ts starts it with `ip netns exec`): a private
// redis-server and the e2e Asterisk on the namespace's loopback, then the wrapped command with the
// namespace environment, then an orderly stop. run.ts kills whatever is left and deletes the namespace.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Server } from 'node:net';
import { configFromEnvironment } from '../../../server/src/config/index.ts';
import { startE2eAsterisk, stopE2eAsterisk } from './asterisk-e2e.ts';
import { startE2eCarrier, stopE2eCarrier } from './carrier-e2e.ts';
import { namespaceEnv, NETNS_ENV, pgForwardPort, pgSocketPath } from './env.ts';

/** 127.0.0.1:<port> in the namespace → the host PostgreSQL's unix socket (byte pipe, one per connection). */
async function forwardPostgres(databaseUrl: string): Promise<Server> {
  const socketPath = pgSocketPath(databaseUrl);
  const server = createServer((client) => {
    const upstream = connect(socketPath);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(pgForwardPort(databaseUrl), '127.0.0.1', resolve);
  });
  return server;
}

async function startRedis(): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const until = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const ping = spawn('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping'], { stdio: 'ignore' });
      ping.on('exit', (code) => resolve(code === 0));
    });
    if (ok) return redis;
    if (Date.now() > until || redis.exitCode !== null) throw new Error('private redis-server did not start in the namespace');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(command: string[]): Promise<number> {
  const namespace = process.env[NETNS_ENV];
  if (!namespace || command.length === 0) throw new Error('inside.ts is started by tests/support/netns/run.ts');
  const config = configFromEnvironment();
  const pg = await forwardPostgres(config.DATABASE_URL);
  const redis = await startRedis();
  try {
    const ast = await startE2eAsterisk({
      root: config.PBX_ROOT,
      ari: { user: config.ARI_USER, password: config.ARI_PASSWORD, app: config.ARI_APP },
    });
    const carrier = await startE2eCarrier(config.PBX_ROOT);
    console.log(`[netns ${namespace}] redis + Asterisk (e2e instance, ${ast.ms} ms) + fake carrier (${carrier.ms} ms) up; running: ${command.join(' ')}`);
    const env = { ...process.env, ...namespaceEnv({ namespace, databaseUrl: config.DATABASE_URL, pbxRoot: config.PBX_ROOT }) };
    const [cmd, ...args] = command as [string, ...string[]];
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
    return await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  } finally {
    await stopE2eCarrier(config.PBX_ROOT).catch((err: unknown) => console.error('stopping the e2e carrier:', err));
    await stopE2eAsterisk(config.PBX_ROOT).catch((err: unknown) => console.error('stopping the e2e Asterisk:', err));
    redis.kill('SIGTERM');
    pg.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    console.error(`✗ netns harness: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
