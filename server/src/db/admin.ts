import postgres from 'postgres';

/** The same server, connected to the maintenance database, for CREATE/DROP DATABASE. */
export function adminUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  u.pathname = '/postgres';
  return u.toString();
}

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}

export function withDatabase(databaseUrl: string, name: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const sql = postgres(adminUrl(databaseUrl), { max: 1, onnotice: () => {} });
  try {
    const name = databaseName(databaseUrl);
    const found = await sql`select 1 from pg_database where datname = ${name}`;
    if (found.length) return false;
    await sql.unsafe(`create database ${quoteIdent(name)}`);
    return true;
  } finally {
    await sql.end();
  }
}

export async function recreateDatabase(databaseUrl: string, name: string, template?: string): Promise<void> {
  const sql = postgres(adminUrl(databaseUrl), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
    await sql.unsafe(`create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ''}`);
  } finally {
    await sql.end();
  }
}

export async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl(databaseUrl), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
  } finally {
    await sql.end();
  }
}
