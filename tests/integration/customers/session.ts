import type { LightMyRequestResponse } from 'fastify';
import type { TestServer } from '../../support/test-server.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A signed-in user driving the API through app.inject. */
export interface Client {
  call(method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function signIn(ts: TestServer, username: string, password: string): Promise<Client> {
  const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? String(raw[0]) : String(raw)).split(';')[0]!;
  return {
    call: (method, url, payload) =>
      ts.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) }),
  };
}

export async function auditCount(ts: TestServer, action: string, entityId?: string): Promise<number> {
  const rows = entityId
    ? await ts.app.pg`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${entityId}`
    : await ts.app.pg`select count(*)::int as n from audit_log where action = ${action}`;
  return rows[0]!.n as number;
}
