// The environment of everything that runs inside the test namespace: the same config keys as the host,
// rewritten to what is reachable there. PostgreSQL is the host's, through its unix socket (a socket file
// crosses network namespaces; TCP to 127.0.0.1 would hit the namespace's empty loopback). Redis and
// Asterisk are private instances on the namespace's loopback.
import { e2eRecordingsDir } from './asterisk-e2e.ts';

export const NETNS_ENV = 'RINGSIDE_NETNS';
export const PG_SOCKET_DIR = '/var/run/postgresql';

/** postgres://user@host:port/db → postgres://user@localhost/db?host=/var/run/postgresql */
export function socketDatabaseUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  u.hostname = 'localhost';
  u.port = '';
  u.searchParams.set('host', PG_SOCKET_DIR);
  return u.toString();
}

export function namespaceEnv(opts: { namespace: string; databaseUrl: string; pbxRoot: string }): Record<string, string> {
  return {
    [NETNS_ENV]: opts.namespace,
    DATABASE_URL: socketDatabaseUrl(opts.databaseUrl),
    REDIS_URL: 'redis://127.0.0.1:6379',
    PBX_ENABLED: 'true',
    ARI_URL: 'http://127.0.0.1:8088',
    SIP_WS_URL: 'ws://127.0.0.1:8088/ws',
    ICE_SERVERS: '[]',
    RECORDINGS_DIR: e2eRecordingsDir(opts.pbxRoot),
  };
}

export function insideNamespace(): boolean {
  return Boolean(process.env[NETNS_ENV]);
}
