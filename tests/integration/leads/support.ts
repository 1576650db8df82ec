import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { TestServer } from '../../support/test-server.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Client {
  cookie: string;
  call(method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  upload(filename: string, body: Buffer, contentType?: string): Promise<LightMyRequestResponse>;
}

export async function signIn(ts: TestServer, username: string, password: string): Promise<Client> {
  const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? String(raw[0]) : String(raw)).split(';')[0]!;
  return {
    cookie,
    call: (method, url, payload) =>
      ts.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) }),
    upload: (filename, body, contentType = 'text/csv') =>
      ts.app.inject({ method: 'POST', url: `/api/leads/imports?filename=${encodeURIComponent(filename)}`, headers: { cookie, 'content-type': contentType }, payload: body }),
  };
}

export const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/leads', name));

export async function count(ts: TestServer, table: string, where = 'true'): Promise<number> {
  const rows = await ts.app.pg.unsafe(`select count(*)::int as n from ${table} where ${where}`);
  return rows[0]!.n as number;
}

/** Polls the batch until the job is done (or failed); the worker runs in the test server process. */
export async function waitForBatch(c: Client, batchId: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await c.call('GET', `/api/leads/imports/${batchId}`);
    const b = res.json() as Record<string, unknown>;
    if (b.status === 'done' || b.status === 'failed') return b;
    if (Date.now() > until) throw new Error(`batch ${batchId} still ${String(b.status)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
