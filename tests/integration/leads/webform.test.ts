import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { count, signIn, type Client } from './support.ts';

let ts: TestServer;
let admin: Client;
let rep: Client;
let formId: string;
const ids: Record<string, string> = {};
const SITE = 'https://www.example-company.cn';

const submit = (payload: unknown, headers: Record<string, string> = {}, id = formId, ip = '203.0.113.9') =>
  ts.app.inject({ method: 'POST', url: `/api/public/webforms/${id}/submit`, headers: { origin: SITE, ...headers }, payload: payload as string, remoteAddress: ip });

beforeAll(async () => {
  ts = await startTestServer({ listen: false, overrides: { WEBFORM_ORIGINS: `${SITE}, https://other.example`, WEBFORM_RATE_LIMIT_PER_MINUTE: '5' } });
  ids.admin = await ts.createUser({ username: 'root', password: 'pw-root-1', roles: ['admin'] });
  ids.rep = await ts.createUser({ username: 'rep', password: 'pw-rep-1', roles: ['sales'] });
  [admin, rep] = await Promise.all([signIn(ts, 'root', 'pw-root-1'), signIn(ts, 'rep', 'pw-rep-1')]);
});
afterAll(() => ts.close());

describe('web form definitions and snippet', () => {
  it('an admin defines a form; a sales rep may not (403); bad definitions are 400', async () => {
    const body = {
      name: '官网咨询', thankYouMessage: '感谢您的留言，我们会尽快联系您。', targetOwnerId: ids.rep,
      fields: [{ key: 'name', label: '姓名', required: true }, { key: 'phone', label: '手机', required: true }, { key: 'email', label: '邮箱', required: false }, { key: 'notes', label: '留言 <需求>', required: false }],
    };
    expect((await rep.call('POST', '/api/leads/webforms', body)).statusCode).toBe(403);
    const bad = await admin.call('POST', '/api/leads/webforms', { ...body, fields: [{ key: 'password', label: 'x', required: true }] });
    expect(bad.statusCode).toBe(400);
    const res = await admin.call('POST', '/api/leads/webforms', body);
    expect(res.statusCode).toBe(201);
    formId = res.json().id;
    expect((await admin.call('GET', '/api/leads/webforms')).json().items).toHaveLength(1);
  });

  it('generates a snippet that posts exactly the form fields plus the honeypot to the public endpoint', async () => {
    const res = await admin.call('GET', `/api/leads/webforms/${formId}/snippet?locale=en`);
    expect(res.statusCode).toBe(200);
    const { html, endpoint } = res.json();
    expect(endpoint).toMatch(new RegExp(`/api/public/webforms/${formId}/submit$`));
    expect(html).toContain(`action="${endpoint}"`);
    const names = [...html.matchAll(/name="([^"]+)"/g)].map((m: RegExpMatchArray) => m[1]);
    expect(names).toEqual(['name', 'phone', 'email', 'notes', 'website']);
    expect(html).toContain('留言 &lt;需求&gt;');
    // Post what the snippet's script would send: every named input as a string.
    const payload = Object.fromEntries(names.map((n) => [n, n === 'website' ? '' : n === 'phone' ? '13800138000' : n === 'email' ? 'v@visitor.cn' : `v-${n}`]));
    const sent = await submit(payload);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ ok: true, message: '感谢您的留言，我们会尽快联系您。' });
    expect(sent.headers['access-control-allow-origin']).toBe(SITE);
    const [lead] = await ts.app.pg`select name, source, owner_id, webform_id, notes from leads where email = 'v@visitor.cn'`;
    expect(lead).toMatchObject({ name: 'v-name', source: 'website', owner_id: ids.rep, webform_id: formId, notes: 'v-notes' });
    expect(await count(ts, 'phone_numbers', `e164 = '+8613800138000' and party_type = 'lead'`)).toBe(1);
    const listed = await rep.call('GET', '/api/leads?source=website');
    expect(listed.json().total).toBe(1);
  });
});

describe('public web form endpoint', () => {
  it('answers the CORS preflight for an allowed origin', async () => {
    const res = await ts.app.inject({ method: 'OPTIONS', url: `/api/public/webforms/${formId}/submit`, headers: { origin: SITE, 'access-control-request-method': 'POST' } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('rejects a post from an origin not on the allow-list, storing nothing', async () => {
    const before = await count(ts, 'leads');
    const res = await submit({ name: 'Evil', phone: '13800138001' }, { origin: 'https://evil.example' }, formId, '203.0.113.20');
    expect(res.statusCode).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(await count(ts, 'leads')).toBe(before);
  });

  it('silently accepts but drops a submission with the honeypot filled', async () => {
    const before = await count(ts, 'leads');
    const res = await submit({ name: 'Bot', phone: '13800138002', website: 'http://spam.example' }, {}, formId, '203.0.113.21');
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(true);
    expect(await count(ts, 'leads')).toBe(before);
  });

  it('reports invalid fields per field and stores nothing; unknown fields are refused', async () => {
    const res = await submit({ name: '', phone: '12', email: 'x', admin: 'true' }, {}, formId, '203.0.113.22');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['admin', 'email', 'name', 'phone']);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('answers 404 for an unknown or inactive form without saying which', async () => {
    const res = await submit({ name: 'A', phone: '13800138003' }, {}, '00000000-0000-4000-8000-000000000000', '203.0.113.23');
    expect(res.statusCode).toBe(404);
    expect(Object.keys(res.json()).sort()).toEqual(['code', 'message']);
  });

  it('accepts a plain urlencoded form post (no JavaScript) and answers with a thank-you page', async () => {
    const res = await submit('name=%E8%AE%BF%E5%AE%A2&phone=13800138004', { 'content-type': 'application/x-www-form-urlencoded' }, formId, '203.0.113.24');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('感谢您的留言');
    expect(await count(ts, 'leads', `name = '访客' and source = 'website'`)).toBe(1);
  });

  it('an admin edits a form (unknown id 404, sales 403); a deactivated form answers 404 publicly', async () => {
    const body = { name: '停用表单', thankYouMessage: '谢谢', fields: [{ key: 'name', label: '姓名', required: true }], active: false };
    expect((await rep.call('PUT', `/api/leads/webforms/${formId}`, body)).statusCode).toBe(403);
    expect((await admin.call('PUT', '/api/leads/webforms/00000000-0000-4000-8000-000000000000', body)).statusCode).toBe(404);
    const created = await admin.call('POST', '/api/leads/webforms', { ...body, active: true });
    const id = created.json().id;
    expect((await submit({ name: 'Before' }, {}, id, '203.0.113.30')).statusCode).toBe(200);
    const res = await admin.call('PUT', `/api/leads/webforms/${id}`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, name: '停用表单' });
    expect((await submit({ name: 'After' }, {}, id, '203.0.113.31')).statusCode).toBe(404);
    expect((await rep.call('GET', `/api/leads/webforms/${id}/snippet`)).statusCode).toBe(403);
  });

  it('rate-limits per client address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await submit({ name: `R${i}`, phone: `1380013810${i}` }, {}, formId, '203.0.113.50')).statusCode);
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(codes.slice(5)).toEqual([429, 429]);
    expect((await submit({ name: 'Other IP', phone: '13800138200' }, {}, formId, '203.0.113.51')).statusCode).toBe(200);
  });
});
