// Contact-centre fixtures for the inbound e2e test and the screen-pop bench: a queue (recorded, short
// wrap-up), its members, a DID routed to it, a pause code and a disposition, and the seeded customer(s)
// created through the real REST API. Queue/DID rows go straight into the tables (admin screens are not
// what these tests are about) and the telephony role is told to reload them.
import type { FastifyInstance } from 'fastify';
import { acdQueueMembers, acdQueues, dids, dispositions, pauseCodes } from '../../../server/src/db/schema/telephony.ts';
import { users } from '../../../server/src/db/schema/users.ts';
import { inArray } from 'drizzle-orm';
import type { TestServer } from '../test-server.ts';

export interface InboundSetup {
  did: string;
  queueId: string;
  queueName: string;
  disposition: string;
  customerId: string;
  /** username → user id */
  agentIds: Record<string, string>;
}

export interface InboundOptions {
  admin: { username: string; password: string };
  agents: string[];
  queueMembers: string[];
  customer: { name: string; storedPhone: string };
  /** The customer's owner (who may see it); default the first queue member. */
  customerOwner?: string;
  extraCustomers?: { name: string; phone: string }[];
  recording?: boolean;
  wrapUpSec?: number;
  ringTimeoutSec?: number;
}

export interface RestClient {
  get(url: string): Promise<unknown>;
  post(url: string, body: unknown): Promise<unknown>;
}

/** REST as a signed-in user through app.inject (cookie from POST /api/auth/login). */
export async function restAs(app: FastifyInstance, user: { username: string; password: string }): Promise<RestClient> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
  if (login.statusCode !== 200) throw new Error(`login ${user.username}: ${login.statusCode} ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.body ? (JSON.parse(res.body) as unknown) : undefined;
  };
  return { get: (url) => call('GET', url), post: (url, body) => call('POST', url, body) };
}

export function adminApi(server: TestServer, admin: { username: string; password: string }): Promise<RestClient> {
  return restAs(server.app, admin);
}

const uniqueDid = () => `4008${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

export async function configureInbound(server: TestServer, o: InboundOptions): Promise<InboundSetup> {
  const db = server.app.db;
  const rows = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, o.agents));
  const agentIds = Object.fromEntries(rows.map((r) => [r.username, r.id]));
  const queueName = '售后服务';
  const [queue] = await db
    .insert(acdQueues)
    .values({ name: queueName, strategy: 'longestIdle', wrapUpSec: o.wrapUpSec ?? 60, ringTimeoutSec: o.ringTimeoutSec ?? 30, recordCalls: o.recording ?? true })
    .returning({ id: acdQueues.id });
  await db.insert(acdQueueMembers).values(o.queueMembers.map((u) => ({ queueId: queue!.id, userId: agentIds[u]!, penalty: 0 })));
  const did = uniqueDid();
  await db.insert(dids).values({ number: did, name: 'e2e hotline', targetKind: 'queue', targetId: queue!.id });
  await db.insert(pauseCodes).values({ code: 'lunch', label: '午餐', labelEn: 'Lunch' }).onConflictDoNothing();
  await db.insert(dispositions).values({ code: 'resolved', label: '已解决', labelEn: 'Resolved' }).onConflictDoNothing();
  await (server.app as unknown as { telephony?: { reload(): Promise<void> } | null }).telephony?.reload();

  const api = await adminApi(server, o.admin);
  const ownerId = agentIds[o.customerOwner ?? o.queueMembers[0]!];
  const created = (await api.post('/api/customers', { name: o.customer.name, phones: [{ number: o.customer.storedPhone }], ownerId })) as { id: string };
  for (const extra of o.extraCustomers ?? []) await api.post('/api/customers', { name: extra.name, phones: [{ number: extra.phone }], ownerId });
  return { did, queueId: queue!.id, queueName, disposition: 'resolved', customerId: created.id, agentIds };
}
