// Shared setup of the telephony integration tests: a real server (its own Stasis app name, so test
// files and a dev server never steal each other's calls) on the real Asterisk, agents simulated by
// Local channels in the ringside-test context (Local/tone@ringside-test answers and plays a tone), and
// callers originated as Local channels into the inbound DID context with a chosen caller ID.
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { connectAdapter, pbxReady, uniqueApp, uniqueDid, until, type Recorder } from '../pbx/support.ts';

export { until, uniqueDid };

export interface Api {
  cookie: string;
  get<T = Record<string, unknown>>(url: string): Promise<{ status: number; body: T }>;
  post<T = Record<string, unknown>>(url: string, body?: unknown): Promise<{ status: number; body: T }>;
  put<T = Record<string, unknown>>(url: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export interface TelephonyWorld {
  server: TestServer;
  app: string;
  /** The adapter on which the caller side (;1 halves of the Local callers) lands. */
  callers: Recorder;
  close(): Promise<void>;
}

export async function telephonyWorld(): Promise<TelephonyWorld> {
  await pbxReady();
  const app = uniqueApp('rs-tel');
  const server = await startTestServer({ listen: true, overrides: { ARI_APP: app, ROLES: 'all', PBX_ENABLED: 'true' } });
  await until(() => server.app.telephony?.pbx.connected, 15_000, 'the telephony role to connect to ARI');
  const callers = await connectAdapter(server.config, uniqueApp('rs-callers'));
  return {
    server,
    app,
    callers,
    async close() {
      await callers.adapter.close();
      await server.close();
    },
  };
}

export async function login(server: TestServer, username: string, password: string): Promise<Api> {
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw : [raw ?? '']).map((c) => c.split(';')[0]).join('; ');
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await server.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: r.statusCode, body: (r.body ? JSON.parse(r.body) : undefined) as never };
  };
  return {
    cookie,
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body ?? {}),
    put: (url, body) => call('PUT', url, body ?? {}),
  };
}

/** A socket.io client for a user, recording every event with its arrival time. */
export async function listen(server: TestServer, api: Api): Promise<{ socket: Socket; events: { name: string; at: number; payload: Record<string, unknown> }[] }> {
  const events: { name: string; at: number; payload: Record<string, unknown> }[] = [];
  const socket = connect(server.url, { transports: ['websocket'], extraHeaders: { cookie: api.cookie }, reconnection: false });
  socket.onAny((name: string, payload: Record<string, unknown>) => events.push({ name, at: Date.now(), payload }));
  await until(() => events.some((e) => e.name === 'session:ready'), 5_000, 'socket session');
  return { socket, events };
}

/** Places a call into the DID with the given caller ID; resolves with the caller's (;1) channel id. */
export async function placeCall(w: TelephonyWorld, did: string, callerNumber: string): Promise<string> {
  const { channelId } = await w.callers.adapter.originate({
    target: { kind: 'address', address: `Local/did-${did}@ringside-test` },
    appArgs: ['caller'],
    callerId: { number: callerNumber },
    variables: { RINGSIDE_APP: w.app },
  });
  return channelId;
}

export interface Setup {
  admin: Api;
  agents: { id: string; api: Api }[];
  queueId: string;
  did: string;
}

/** An admin, N agents dialed as Local/<ext>@ringside-test, a queue with them as members, a DID to it. */
export async function setupQueue(w: TelephonyWorld, opts: { agents: number; strategy?: string; queue?: Record<string, unknown>; agentExten?: string; tag: string }): Promise<Setup> {
  const { server } = w;
  await server.createUser({ username: `admin-${opts.tag}`, password: 'admin-pw-12345', roles: ['admin'] });
  const admin = await login(server, `admin-${opts.tag}`, 'admin-pw-12345');
  const agents: Setup['agents'] = [];
  for (let i = 0; i < opts.agents; i++) {
    const id = await server.createUser({ username: `agent${i}-${opts.tag}`, password: 'agent-pw-12345', roles: ['agent'], displayName: `Agent ${i}` });
    const r = await admin.put(`/api/agents/${id}/profile`, { dialTarget: `Local/${opts.agentExten ?? 'tone'}@ringside-test`, skills: {} });
    if (r.status !== 200) throw new Error(`profile: ${r.status} ${JSON.stringify(r.body)}`);
    agents.push({ id, api: await login(server, `agent${i}-${opts.tag}`, 'agent-pw-12345') });
  }
  const q = await admin.post<{ id: string }>('/api/queues', {
    name: `Queue ${opts.tag}`, strategy: opts.strategy ?? 'longestIdle', ringTimeoutSec: 8, wrapUpSec: 0, recordCalls: true,
    members: agents.map((a) => ({ userId: a.id, penalty: 0 })), ...opts.queue,
  });
  if (q.status !== 201) throw new Error(`queue: ${q.status} ${JSON.stringify(q.body)}`);
  const did = uniqueDid();
  const d = await admin.post('/api/dids', { number: did, targetKind: 'queue', targetId: q.body.id });
  if (d.status !== 201) throw new Error(`did: ${d.status} ${JSON.stringify(d.body)}`);
  return { admin, agents, queueId: q.body.id, did };
}

/** Polls an async probe until it returns something other than undefined/false. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The call row once its outcome is final (not live). */
export function finalCall(api: Api, callId: string): Promise<Record<string, unknown>> {
  return eventually(async () => {
    const r = await api.get(`/api/calls/${callId}`);
    return r.status === 200 && r.body.outcome !== 'live' ? r.body : undefined;
  }, 15_000, `call ${callId} to end`);
}
