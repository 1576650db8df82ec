import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import postgres from 'postgres';
import { configFromEnvironment, isExplicitlyConfigured, type Config } from '../../config/index.ts';
import { ensureDatabase } from '../../db/admin.ts';
import { setEnvValue } from '../env-file.ts';
import { aptInstall, hasCommand, must, portOpen, run, step, waitFor } from '../shell.ts';

async function canConnect(url: string): Promise<true | string> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function startLocalCluster(): void {
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (!versions.length) throw new Error('PostgreSQL is installed but has no cluster under /etc/postgresql');
  for (const v of versions) {
    run('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start']);
  }
}

/**
 * Makes DATABASE_URL reachable. With DATABASE_URL configured, only checks it. Otherwise uses (installing
 * and starting if needed) the local PostgreSQL on 127.0.0.1:5432; where that server asks for a password,
 * creates a `ringside` role with a generated one through the local socket and records it in .env.
 */
export async function ensurePostgres(): Promise<Config> {
  let config = configFromEnvironment();
  if (isExplicitlyConfigured('DATABASE_URL')) {
    const ok = await canConnect(new URL('/postgres', config.DATABASE_URL).toString());
    if (ok !== true) throw new Error(`DATABASE_URL is set but PostgreSQL does not answer: ${ok}`);
  } else {
    if (!(await portOpen('127.0.0.1', 5432))) {
      if (!hasCommand('pg_ctlcluster')) aptInstall(['postgresql'], 'no PostgreSQL on 127.0.0.1:5432');
      step('starting PostgreSQL');
      startLocalCluster();
      await waitFor('PostgreSQL on 127.0.0.1:5432', () => portOpen('127.0.0.1', 5432), 30_000);
    }
    const probe = await canConnect(new URL('/postgres', config.DATABASE_URL).toString());
    if (probe !== true) {
      // A stock Debian install wants a password over TCP: make our own role through the peer-authenticated socket.
      step('creating the PostgreSQL role "ringside"');
      const password = randomBytes(18).toString('base64url');
      const sqlText = `DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ringside') THEN CREATE ROLE ringside LOGIN CREATEDB; END IF;
        ALTER ROLE ringside WITH LOGIN CREATEDB PASSWORD '${password}';
      END $$;`;
      must('runuser', ['-u', 'postgres', '--', 'psql', '-v', 'ON_ERROR_STOP=1', '-c', sqlText], 'creating the ringside role', { cwd: '/' });
      setEnvValue('DATABASE_URL', `postgres://ringside:${password}@127.0.0.1:5432/ringside`);
      config = configFromEnvironment();
    }
  }
  if (await ensureDatabase(config.DATABASE_URL)) step('created database ' + new URL(config.DATABASE_URL).pathname.slice(1));
  return config;
}
