// Shared fixture for the CRM sales/service integration tests: two teams, a manager, reps, an agent, an admin.
import type { InjectOptions } from 'fastify';
import { contacts, customers } from '../../../server/src/db/schema/customers.ts';
import { setTeamManager, upsertTeam } from '../../../server/src/modules/users/repository.ts';
import type { TestServer } from '../../support/test-server.ts';

export interface World {
  ids: Record<'admin' | 'boss' | 'repA' | 'repB' | 'repC' | 'agent', string>;
  teams: { east: string; west: string };
  as: Record<'admin' | 'boss' | 'repA' | 'repB' | 'repC' | 'agent', Client>;
}

export interface Client {
  cookie: string;
  get(url: string): Promise<Res>;
  post(url: string, payload?: unknown): Promise<Res>;
  patch(url: string, payload?: unknown): Promise<Res>;
  put(url: string, payload?: unknown): Promise<Res>;
}
export interface Res {
  statusCode: number;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function login(ts: TestServer, username: string, password: string): Promise<Client> {
  const res = await ts.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? String(raw[0]) : String(raw)).split(';')[0]!;
  const call = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    ts.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) }) as Promise<Res>;
  return {
    cookie,
    get: (u) => call('GET', u),
    post: (u, p) => call('POST', u, p ?? {}),
    patch: (u, p) => call('PATCH', u, p),
    put: (u, p) => call('PUT', u, p),
  };
}

export async function buildWorld(ts: TestServer): Promise<World> {
  const east = await upsertTeam(ts.app.db, { name: 'East' });
  const west = await upsertTeam(ts.app.db, { name: 'West' });
  const admin = await ts.createUser({ username: 'root', password: 'pw-root-1', roles: ['admin'], displayName: 'Root' });
  const boss = await ts.createUser({ username: 'boss', password: 'pw-boss-1', roles: ['supervisor'], teamId: east, displayName: 'Boss' });
  const repA = await ts.createUser({ username: 'repa', password: 'pw-repa-1', roles: ['sales'], teamId: east, managerId: boss, displayName: 'Rep A' });
  const repB = await ts.createUser({ username: 'repb', password: 'pw-repb-1', roles: ['sales'], teamId: east, managerId: boss, displayName: 'Rep B' });
  const repC = await ts.createUser({ username: 'repc', password: 'pw-repc-1', roles: ['sales'], teamId: west, displayName: 'Rep C' });
  const agent = await ts.createUser({ username: 'agent', password: 'pw-agent-1', roles: ['agent'], teamId: east, managerId: boss, displayName: 'Agent' });
  await setTeamManager(ts.app.db, east, boss);
  const as = {
    admin: await login(ts, 'root', 'pw-root-1'),
    boss: await login(ts, 'boss', 'pw-boss-1'),
    repA: await login(ts, 'repa', 'pw-repa-1'),
    repB: await login(ts, 'repb', 'pw-repb-1'),
    repC: await login(ts, 'repc', 'pw-repc-1'),
    agent: await login(ts, 'agent', 'pw-agent-1'),
  };
  return { ids: { admin, boss, repA, repB, repC, agent }, teams: { east, west }, as };
}

export async function insertCustomer(ts: TestServer, name: string, ownerId: string, teamId: string | null): Promise<string> {
  const [c] = await ts.app.db.insert(customers).values({ name, ownerId, teamId, createdBy: ownerId }).returning();
  return c!.id;
}

export async function insertContact(ts: TestServer, customerId: string, name: string, ownerId: string, teamId: string | null, birthday?: string): Promise<string> {
  const [c] = await ts.app.db.insert(contacts).values({ customerId, name, ownerId, teamId, birthday: birthday ?? null }).returning();
  return c!.id;
}

export async function count(ts: TestServer, table: string): Promise<number> {
  const rows = await ts.app.pg.unsafe(`select count(*)::int as n from ${table}`);
  return rows[0]!.n as number;
}
