// The environment of everything that runs inside the test namespace: the same config keys as the host,
// rewritten to what is reachable there. PostgreSQL is the host's, reached through its unix socket (a socket
// file crosses network namespaces; TCP to 127.0.0.1 would hit the namespace's empty loopback): inside.ts
// forwards the namespace's 127.0.0.1:<port> to the socket, so DATABASE_URL stays as it is. (postgres.js 3
// ignores a `?host=/var/run/postgresql` query parameter when the URL names a host.) Redis and Asterisk
// are private instances on the namespace's loopback.
import { e2eRecordingsDir } from './asterisk-e2e.ts';

export const NETNS_ENV = 'RINGSIDE_NETNS';
export const PG_SOCKET_DIR = '/var/run/postgresql';

/** The unix socket of the PostgreSQL that DATABASE_URL names (same port number). */
export function pgSocketPath(databaseUrl: string): string {
  return `${PG_SOCKET_DIR}/.s.PGSQL.${new URL(databaseUrl).port || '5432'}`;
}

/** Where the forwarder listens inside the namespace: the URL's own port on the namespace's loopback. */
export function pgForwardPort(databaseUrl: string): number {
  return Number(new URL(databaseUrl).port || '5432');
}

export function namespaceEnv(opts: { namespace: string; databaseUrl: string; pbxRoot: string }): Record<string, string> {
  return {
    [NETNS_ENV]: opts.namespace,
    DATABASE_URL: opts.databaseUrl.replace(/@(localhost|[\d.]+)(?=[:/])/, '@127.0.0.1'),
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
