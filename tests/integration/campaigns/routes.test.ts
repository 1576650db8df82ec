// Campaign routes through app.inject on the real DB: scope (admin all, supervisor own teams, agents only
// `mine` and records they handled), TypeBox validation with nothing written on a bad body, audited
// start/pause/stop, dispositions, DNC lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishAttempt } from '../../../server/src/modules/campaigns/dialer-store.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { count, signIn, type Client } from '../leads/support.ts';

let ts: TestServer;
let admin: Client;
let sup: Client;
let otherSup: Client;
let agent: Client;
let peerAgent: Client;
const ids: Record<string, string> = {};

async function insertRecord(campaignId: string, phone: string): Promise<string> {
  const [r] = await ts.app.pg`insert into campaign_records (campaign_id, phone_raw, phone_e164, timezone) values (${campaignId}, ${phone}, ${phone}, 'Asia/Shanghai') returning id`;
  return r!.id as string;
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  const [red] = await ts.app.pg`insert into teams (name) values ('red') returning id`;
  const [blue] = await ts.app.pg`insert into teams (name) values ('blue') returning id`;
  ids.red = red!.id;
  ids.blue = blue!.id;
  ids.admin = await ts.createUser({ username: 'root', password: 'pw-root-1', roles: ['admin'] });
  ids.sup = await ts.createUser({ username: 'sup', password: 'pw-sup-1', roles: ['supervisor'], teamId: ids.red });
  ids.otherSup = await ts.createUser({ username: 'sup2', password: 'pw-sup-2', roles: ['supervisor'], teamId: ids.blue });
  ids.agent = await ts.createUser({ username: 'agent', password: 'pw-agent-1', roles: ['agent'], teamId: ids.red });
  ids.peer = await ts.createUser({ username: 'peer', password: 'pw-peer-1', roles: ['agent'], teamId: ids.red });
  [admin, sup, otherSup, agent, peerAgent] = await Promise.all([
    signIn(ts, 'root', 'pw-root-1'),
    signIn(ts, 'sup', 'pw-sup-1'),
    signIn(ts, 'sup2', 'pw-sup-2'),
    signIn(ts, 'agent', 'pw-agent-1'),
    signIn(ts, 'peer', 'pw-peer-1'),
  ]);
});
afterAll(() => ts.close());

describe('create and edit', () => {
  it('rejects a bad body with details and writes nothing', async () => {
    const before = await count(ts, 'campaigns');
    for (const body of [
      { name: '' },
      { name: 'x', mode: 'robocall' },
      { name: 'x', ringTimeoutSec: 10 },
      { name: 'x', callingWindows: { '7': [{ from: '09:00', to: '21:00' }] } },
      { name: 'x', callingWindows: { '1': [{ from: '9am', to: '21:00' }] } },
      { name: 'x', unknown: 1 },
    ]) {
      const res = await sup.call('POST', '/api/campaigns', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().details.length).toBeGreaterThan(0);
    }
    expect(await count(ts, 'campaigns')).toBe(before);
  });

  it('a supervisor creates a campaign for their team, with default windows and dispositions', async () => {
    const res = await sup.call('POST', '/api/campaigns', { name: '春季回访', mode: 'predictive', callerId: '02088880000', teamIds: [ids.red!] });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'draft', trunk: 'carrier', teamId: ids.red, ownerId: ids.sup, teamIds: [ids.red], abandonTarget: 0.03, ringTimeoutSec: 25 });
    expect(c.callingWindows['1']).toEqual([{ from: '09:00', to: '21:00' }]);
    ids.campaign = c.id;
    const detail = (await sup.call('GET', `/api/campaigns/${c.id}`)).json();
    expect(detail.dispositions.map((d: { code: string }) => d.code)).toEqual(['sale', 'not_interested', 'callback', 'retry_later', 'dnc']);
  });

  it('a supervisor cannot give a campaign to another team, nor see one outside their teams', async () => {
    expect((await sup.call('POST', '/api/campaigns', { name: 'x', teamId: ids.blue })).statusCode).toBe(403);
    expect((await otherSup.call('GET', `/api/campaigns/${ids.campaign}`)).statusCode).toBe(404);
    expect((await otherSup.call('POST', `/api/campaigns/${ids.campaign}/start`)).statusCode).toBe(404);
    expect((await otherSup.call('GET', '/api/campaigns')).json().items).toEqual([]);
    expect((await admin.call('GET', '/api/campaigns')).json().total).toBe(1);
    expect((await agent.call('GET', '/api/campaigns')).statusCode).toBe(403);
  });

  it('edits fields and assignments; a bad edit writes nothing', async () => {
    const res = await sup.call('PUT', `/api/campaigns/${ids.campaign}`, { script: '您好，我是…', agentIds: [ids.peer], maxLinesPerAgent: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ script: '您好，我是…', agentIds: [ids.peer], maxLinesPerAgent: 2, teamIds: [ids.red] });
    expect((await sup.call('PUT', `/api/campaigns/${ids.campaign}`, { maxLinesPerAgent: 0, script: 'changed' })).statusCode).toBe(400);
    expect((await sup.call('PUT', `/api/campaigns/${ids.campaign}`, {})).statusCode).toBe(400);
    expect((await sup.call('GET', `/api/campaigns/${ids.campaign}`)).json().script).toBe('您好，我是…');
  });
});

describe('start, pause, stop', () => {
  it('follows the allowed transitions and audits each', async () => {
    expect((await sup.call('POST', `/api/campaigns/${ids.campaign}/pause`)).statusCode).toBe(409);
    expect((await sup.call('POST', `/api/campaigns/${ids.campaign}/start`)).json().status).toBe('running');
    expect((await sup.call('POST', `/api/campaigns/${ids.campaign}/pause`)).json().status).toBe('paused');
    expect((await sup.call('POST', `/api/campaigns/${ids.campaign}/start`)).json().status).toBe('running');
    const audit = await ts.app.pg`select action, actor_user_id, details from audit_log where entity_type = 'campaign' and entity_id = ${ids.campaign!} and action in ('campaign.start', 'campaign.pause', 'campaign.stop') order by id`;
    expect(audit.map((a) => a.action)).toEqual(['campaign.start', 'campaign.pause', 'campaign.start']);
    expect(audit[0]).toMatchObject({ actor_user_id: ids.sup, details: { from: 'draft', to: 'running' } });
  });
});

describe('the agent side', () => {
  it('lists the agent’s running campaigns with script and dispositions', async () => {
    const mine = (await agent.call('GET', '/api/campaigns/mine')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: ids.campaign, mode: 'predictive', script: '您好，我是…' });
    expect(mine[0].dispositions[0]).toMatchObject({ code: 'sale', labelZh: '成交', meaning: 'final' });
    expect((await otherSup.call('GET', '/api/campaigns/mine')).json().items).toEqual([]);
  });

  it('sets a disposition only on a record the agent handled', async () => {
    const rec = await insertRecord(ids.campaign!, '+8620888120001');
    await finishAttempt(ts.app.db, { recordId: rec, campaignId: ids.campaign!, callId: null, outcome: 'answered', cause: 16, startedAt: new Date(Date.now() - 60_000), endedAt: new Date(), agentId: ids.agent! });
    expect((await peerAgent.call('POST', `/api/campaign-records/${rec}/disposition`, { code: 'sale' })).statusCode).toBe(404);
    expect((await agent.call('POST', `/api/campaign-records/${rec}/disposition`, { code: 'nope' })).statusCode).toBe(400);
    expect((await agent.call('POST', `/api/campaign-records/${rec}/disposition`, { code: 'callback' })).statusCode).toBe(400);
    expect((await agent.call('POST', `/api/campaign-records/${rec}/disposition`, { code: 'sale', extra: 1 })).statusCode).toBe(400);
    const at = new Date(Date.now() + 3600_000).toISOString();
    const res = await agent.call('POST', `/api/campaign-records/${rec}/disposition`, { code: 'callback', callbackAt: at, callbackTo: 'me', note: '明天再聊' });
    expect(res.statusCode).toBe(204);
    const [row] = await ts.app.pg`select status, callback_agent_id, last_disposition from campaign_records where id = ${rec}`;
    expect(row).toMatchObject({ status: 'callback', callback_agent_id: ids.agent, last_disposition: 'callback' });
  });

  it('lists records with filters and reports progress', async () => {
    await insertRecord(ids.campaign!, '+8620888120002');
    const all = (await sup.call('GET', `/api/campaigns/${ids.campaign}/records`)).json();
    expect(all.total).toBe(2);
    const cb = (await sup.call('GET', `/api/campaigns/${ids.campaign}/records?status=callback`)).json();
    expect(cb.items.map((r: { phoneE164: string }) => r.phoneE164)).toEqual(['+8620888120001']);
    expect((await sup.call('GET', `/api/campaigns/${ids.campaign}/records?q=120002`)).json().total).toBe(1);
    expect((await sup.call('GET', `/api/campaigns/${ids.campaign}/records?status=bogus`)).statusCode).toBe(400);
    const p = (await sup.call('GET', `/api/campaigns/${ids.campaign}/progress`)).json();
    expect(p).toMatchObject({ total: 2, dialed: 1, connected: 1, remaining: 2, byStatus: { callback: 1, pending: 1 } });
  });
});

describe('dispositions', () => {
  it('replaces the list; duplicates and bad items are 400 and change nothing', async () => {
    const items = [
      { code: 'won', labelZh: '成交', labelEn: 'Won', meaning: 'final' },
      { code: 'later', labelZh: '稍后', labelEn: 'Later', meaning: 'retry', retryDelaySec: 1800 },
    ];
    expect((await sup.call('PUT', `/api/campaigns/${ids.campaign}/dispositions`, { items: [...items, items[0]] })).statusCode).toBe(400);
    expect((await sup.call('PUT', `/api/campaigns/${ids.campaign}/dispositions`, { items: [{ ...items[0], meaning: 'maybe' }] })).statusCode).toBe(400);
    expect((await sup.call('GET', `/api/campaigns/${ids.campaign}/dispositions`)).json().items).toHaveLength(5);
    const res = await sup.call('PUT', `/api/campaigns/${ids.campaign}/dispositions`, { items });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { code: 'won', labelZh: '成交', labelEn: 'Won', meaning: 'final', retryDelaySec: null },
      { code: 'later', labelZh: '稍后', labelEn: 'Later', meaning: 'retry', retryDelaySec: 1800 },
    ]);
    expect((await otherSup.call('PUT', `/api/campaigns/${ids.campaign}/dispositions`, { items })).statusCode).toBe(404);
  });
});

describe('DNC lists', () => {
  it('admins keep the global list; supervisors read it', async () => {
    expect((await sup.call('POST', '/api/dnc', { phone: '020 8881 9999' })).statusCode).toBe(403);
    expect((await admin.call('POST', '/api/dnc', { phone: 'not a phone' })).statusCode).toBe(400);
    const res = await admin.call('POST', '/api/dnc', { phone: '020 8881 9999', reason: '投诉' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ campaignId: null, phoneE164: '+862088819999', reason: '投诉' });
    expect((await admin.call('POST', '/api/dnc', { phone: '+86 20 8881 9999' })).statusCode).toBe(201);
    expect((await sup.call('GET', '/api/dnc')).json().total).toBe(1);
    expect((await admin.call('DELETE', `/api/dnc/${encodeURIComponent('+862088819999')}`)).statusCode).toBe(204);
    expect((await admin.call('DELETE', `/api/dnc/${encodeURIComponent('+862088819999')}`)).statusCode).toBe(404);
  });

  it('a campaign list marks its waiting records dnc at once', async () => {
    const res = await sup.call('POST', `/api/campaigns/${ids.campaign}/dnc`, { phone: '02088812000 2' });
    expect(res.statusCode).toBe(201);
    const [row] = await ts.app.pg`select status from campaign_records where phone_e164 = '+8620888120002'`;
    expect(row!.status).toBe('dnc');
    expect((await sup.call('GET', `/api/campaigns/${ids.campaign}/dnc`)).json().items.map((d: { phoneE164: string }) => d.phoneE164)).toEqual(['+8620888120002']);
    expect((await otherSup.call('GET', `/api/campaigns/${ids.campaign}/dnc`)).statusCode).toBe(404);
    expect((await sup.call('DELETE', `/api/campaigns/${ids.campaign}/dnc/${encodeURIComponent('+8620888120002')}`)).statusCode).toBe(204);
  });
});
