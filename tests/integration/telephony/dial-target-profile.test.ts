// An agent profile's dial target is checked with the PBX adapter's isDialAddress before it is stored:
// a refused address answers 400 RS_VALIDATION on dialTarget and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { login, type Api } from './support.ts';

let server: TestServer;
let admin: Api;
let agentId = '';

beforeAll(async () => {
  server = await startTestServer({ listen: false, overrides: { ROLES: 'api,worker', PBX_ENABLED: 'false' } });
  await server.createUser({ username: 'adm-dt', password: 'adm-pw-123456', roles: ['admin'] });
  agentId = await server.createUser({ username: 'ag-dt', password: 'ag-pw-123456', roles: ['agent'] });
  admin = await login(server, 'adm-dt', 'adm-pw-123456');
});
afterAll(async () => server?.close());

type Profile = { dialTarget: string | null; code?: string; details?: { path: string }[] };

describe("an agent profile's dial target", () => {
  it('stores an address the PBX accepts, and null for the own softphone', async () => {
    const ok = await admin.put<Profile>(`/api/agents/${agentId}/profile`, {
      dialTarget: 'Local/tone@ringside-test',
    });
    expect(ok).toMatchObject({ status: 200, body: { dialTarget: 'Local/tone@ringside-test' } });
    const cleared = await admin.put<Profile>(`/api/agents/${agentId}/profile`, { dialTarget: null });
    expect(cleared).toMatchObject({ status: 200, body: { dialTarget: null } });
  });

  it.each([
    ['a newline', 'PJSIP/agent-1\nX'],
    ['a ";"', 'Local/s@ringside-test;2'],
    ['a config section', 'PJSIP/[agent]'],
    ['another technology', 'SIP/agent-1'],
  ])(
    'refuses %s with 400 RS_VALIDATION on dialTarget and keeps the stored value',
    async (_what, dialTarget) => {
      await admin.put(`/api/agents/${agentId}/profile`, { dialTarget: 'Local/answer@ringside-test' });
      const r = await admin.put<Profile>(`/api/agents/${agentId}/profile`, { dialTarget });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('RS_VALIDATION');
      expect(r.body.details?.map((d) => d.path)).toEqual(['dialTarget']);
      const list = await admin.get<{ items: { id: string; dialTarget: string | null }[] }>('/api/agents');
      expect(list.body.items.find((a) => a.id === agentId)?.dialTarget).toBe('Local/answer@ringside-test');
    },
  );

  it('refuses 500 characters (schema limit)', async () => {
    const r = await admin.put<Profile>(`/api/agents/${agentId}/profile`, {
      dialTarget: `PJSIP/${'a'.repeat(494)}`,
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('RS_VALIDATION');
  });
});
