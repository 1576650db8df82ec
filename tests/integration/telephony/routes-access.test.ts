// Telephony routes without a PBX: role denials, own-only softphone config, scoped recordings, input
// validation with per-field details.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, recordings } from '../../../server/src/db/schema/calls.ts';
import { acdQueues } from '../../../server/src/db/schema/telephony.ts';
import { seedDemoData } from '../../../server/src/cli/demo-data.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { login, type Api } from './support.ts';

let server: TestServer;
let admin: Api;
let agent: Api;
let agentB: Api;
let agentId = '';
const dir = join(tmpdir(), `rs-rec-${randomUUID()}`);

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  server = await startTestServer({ listen: false, overrides: { ROLES: 'api,worker', PBX_ENABLED: 'false', RECORDINGS_DIR: dir } });
  await server.createUser({ username: 'adm', password: 'adm-pw-123456', roles: ['admin'] });
  agentId = await server.createUser({ username: 'ag1', password: 'ag1-pw-123456', roles: ['agent'] });
  await server.createUser({ username: 'ag2', password: 'ag2-pw-123456', roles: ['agent'] });
  admin = await login(server, 'adm', 'adm-pw-123456');
  agent = await login(server, 'ag1', 'ag1-pw-123456');
  agentB = await login(server, 'ag2', 'ag2-pw-123456');
});
afterAll(async () => server?.close());

describe('telephony routes', () => {
  it('agents cannot use the admin CRUD (403); admins can', async () => {
    for (const url of ['/api/queues', '/api/dids', '/api/ivr-menus', '/api/pause-codes']) {
      expect((await agent.get(url)).status).toBe(403);
      expect((await agent.post(url, {})).status).toBe(403);
      expect((await admin.get(url)).status).toBe(200);
    }
    expect((await agent.post('/api/dispositions', { code: 'x', label: 'x' })).status).toBe(403);
    expect((await agent.put(`/api/agents/${agentId}/profile`, { skills: { en: 3 } })).status).toBe(403);
  });

  it('rejects bad queue and DID bodies with per-field details and writes nothing', async () => {
    const q = await admin.post<{ code: string; details: { path: string }[] }>('/api/queues', { name: '', strategy: 'random', extra: 1 });
    expect(q.status).toBe(400);
    expect(q.body.code).toBe('RS_VALIDATION');
    expect(q.body.details.length).toBeGreaterThan(0);
    const d = await admin.post('/api/dids', { number: 'abc', targetKind: 'queue', targetId: 'x' });
    expect(d.status).toBe(400);
    expect(await server.app.db.select().from(acdQueues)).toHaveLength(0);
  });

  it('creates a queue with members and a DID to it; agents read dispositions and pause codes', async () => {
    const q = await admin.post<{ id: string; members: unknown[] }>('/api/queues', { name: '售后', strategy: 'skillsBased', requirements: [{ skill: 'zh', minLevel: 2 }], members: [{ userId: agentId, penalty: 1 }] });
    expect(q.status).toBe(201);
    expect(q.body.members).toEqual([{ userId: agentId, penalty: 1 }]);
    expect((await admin.post('/api/dids', { number: '4001', targetKind: 'queue', targetId: q.body.id })).status).toBe(201);
    expect((await admin.post('/api/dids', { number: '4001', targetKind: 'queue', targetId: q.body.id })).status).toBe(400);
    expect((await admin.post('/api/pause-codes', { code: 'lunch', label: '午餐', labelEn: 'Lunch' })).status).toBe(201);
    expect((await agent.get<{ items: { code: string }[] }>('/api/agent/pause-codes')).body.items.map((c) => c.code)).toEqual(['lunch']);
    expect((await agent.get('/api/dispositions')).status).toBe(200);
  });

  it('agent state commands answer 503 when this process does not run telephony', async () => {
    expect((await agent.post('/api/agent/sign-in')).status).toBe(503);
    expect((await agent.get('/api/agent/state')).status).toBe(503);
  });

  it('the softphone config is the caller’s own; admins and sales get 403', async () => {
    const a = await agent.get<{ uri: string; authorizationUsername: string; authorizationPassword: string; iceServers: unknown[] }>('/api/softphone/config');
    const b = await agentB.get<{ uri: string; authorizationPassword: string }>('/api/softphone/config');
    expect(a.status).toBe(200);
    expect(a.body.uri).toContain(`agent-${agentId}@`);
    expect(a.body.authorizationUsername).toBe(`agent-${agentId}`);
    expect(a.body.iceServers).toEqual([]);
    expect(b.body.uri).not.toContain(agentId);
    expect(b.body.authorizationPassword).not.toBe(a.body.authorizationPassword);
    expect((await agent.get(`/api/softphone/config/${agentId}`)).status).toBe(404);
    expect((await admin.get('/api/softphone/config')).status).toBe(403);
  });

  it('serves a recording with Range only to users who may see the call and its customer; others get 404', async () => {
    const c = await admin.post<{ id: string }>('/api/customers', { name: 'Hidden Co' });
    const callId = randomUUID();
    await server.app.db.insert(calls).values({ id: callId, direction: 'inbound', enteredAt: new Date(), outcome: 'completed', customerId: c.body.id, agentId, ownerId: agentId, agentPath: [agentId] });
    const [rec] = await server.app.db.insert(recordings).values({ callId, name: `call-${callId}` }).returning();
    writeFileSync(join(dir, `call-${callId}.wav`), Buffer.alloc(20_000, 1));
    const full = await server.app.inject({ method: 'GET', url: `/api/recordings/${rec!.id}`, headers: { cookie: admin.cookie } });
    expect(full.statusCode).toBe(200);
    expect(full.rawPayload.length).toBe(20_000);
    const part = await server.app.inject({ method: 'GET', url: `/api/recordings/${rec!.id}`, headers: { cookie: admin.cookie, range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/20000');
    expect(part.rawPayload.length).toBe(100);
    // The agent handled the call but may not see the admin's customer: no recording.
    expect((await agent.get(`/api/recordings/${rec!.id}`)).status).toBe(404);
    expect((await agentB.get(`/api/calls/${callId}`)).status).toBe(404);
    expect((await agent.get(`/api/calls/${callId}`)).status).toBe(200);
    expect((await agentB.post(`/api/calls/${callId}/wrap-up`, { disposition: 'x' })).status).toBe(404);
  });

  it('the demo seed adds pause codes, dispositions, a queue with the agents and DID 4000, idempotently', async () => {
    await seedDemoData(server.app.db);
    await seedDemoData(server.app.db);
    const dids = await admin.get<{ items: { number: string; targetId: string }[] }>('/api/dids');
    const queues = await admin.get<{ items: { id: string; members: unknown[] }[] }>('/api/queues');
    const q = queues.body.items.find((x) => x.id === dids.body.items.find((d) => d.number === '4000')?.targetId);
    expect(q?.members).toHaveLength(3);
    expect((await admin.get<{ items: unknown[] }>('/api/dispositions')).body.items.length).toBeGreaterThanOrEqual(5);
  });
});
