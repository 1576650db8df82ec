import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { count, fixture, signIn, waitForBatch, type Client } from './support.ts';

let ts: TestServer;
let rep: Client;
let peer: Client;
let agent: Client;
const ids: Record<string, string> = {};

const zhMapping = { '0': 'name', '1': 'company', '2': 'phone', '3': 'email', '4': 'title', '5': 'source', '6': 'notes' };

// The fixtures share company names on purpose; these tests dedupe by phone and email only.
async function importFile(c: Client, name: string, mapping: Record<string, string>, policy = 'skip') {
  const up = await c.upload(name, fixture(name));
  expect(up.statusCode).toBe(201);
  const commit = await c.call('POST', `/api/leads/imports/${up.json().batchId}/commit`, { mapping, policy, dedupeKeys: ['phone', 'email'] });
  expect(commit.statusCode).toBe(202);
  return { preview: up.json(), batch: await waitForBatch(c, up.json().batchId) };
}

beforeAll(async () => {
  ts = await startTestServer({ listen: true });
  ids.rep = await ts.createUser({ username: 'rep', password: 'pw-rep-1', roles: ['sales'] });
  ids.peer = await ts.createUser({ username: 'peer', password: 'pw-peer-1', roles: ['sales'] });
  await ts.createUser({ username: 'agent', password: 'pw-agent-1', roles: ['agent'] });
  [rep, peer, agent] = await Promise.all([signIn(ts, 'rep', 'pw-rep-1'), signIn(ts, 'peer', 'pw-peer-1'), signIn(ts, 'agent', 'pw-agent-1')]);
});
afterAll(() => ts.close());

describe('lead import', () => {
  it('previews a GBK file: decoded headers, samples and a suggested mapping from Chinese headers', async () => {
    const res = await rep.upload('leads-gbk.csv', fixture('leads-gbk.csv'));
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ encoding: 'gb18030', headers: ['姓名', '公司', '手机', '邮箱', '职位', '来源', '备注'], totalRows: 3, previousBatchId: null });
    expect(p.sampleRows[0]).toEqual(['张伟', '北京星辰科技有限公司', '138 0013 8021', 'zhangwei@gbk.example.cn', '销售总监', '展会', '需要报价, 尽快']);
    expect(p.suggestedMapping).toEqual(zhMapping);
  });

  it('imports a GBK file with progress events over socket.io to the uploader', async () => {
    const socket: Socket = connect(ts.url, { path: '/socket.io', extraHeaders: { cookie: rep.cookie }, transports: ['websocket'] });
    const events: { status: string; processedRows: number }[] = [];
    socket.on('lead-import:progress', (e) => events.push(e));
    await new Promise((r) => socket.on('session:ready', r));
    const { batch } = await importFile(rep, 'leads-gbk.csv', zhMapping);
    await new Promise((r) => setTimeout(r, 200));
    socket.close();
    expect(batch).toMatchObject({ status: 'done', totalRows: 3, processedRows: 3, importedRows: 3, errorRows: 0 });
    expect(events.at(-1)).toMatchObject({ status: 'done', processedRows: 3 });
    const [lead] = await ts.app.pg`select name, company, source, owner_id from leads where email = 'zhangwei@gbk.example.cn'`;
    expect(lead).toMatchObject({ name: '张伟', company: '北京星辰科技有限公司', source: '展会', owner_id: ids.rep });
    expect(await count(ts, 'phone_numbers', `e164 = '+8613800138021' and party_type = 'lead'`)).toBe(1);
  });

  it('imports a UTF-8 file with a BOM (the header is not polluted by the BOM)', async () => {
    const { preview, batch } = await importFile(rep, 'leads-utf8-bom.csv', zhMapping);
    expect(preview.encoding).toBe('utf-8-bom');
    expect(preview.headers[0]).toBe('姓名');
    expect(batch).toMatchObject({ importedRows: 3, errorRows: 0 });
  });

  it('imports an .xlsx workbook with English headers', async () => {
    const up = await rep.upload('leads.xlsx', fixture('leads.xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(up.json()).toMatchObject({ encoding: 'xlsx', suggestedMapping: { '0': 'name', '1': 'company', '2': 'phone', '3': 'email', '4': 'title' } });
    await rep.call('POST', `/api/leads/imports/${up.json().batchId}/commit`, { mapping: up.json().suggestedMapping, policy: 'create' });
    expect(await waitForBatch(rep, up.json().batchId)).toMatchObject({ importedRows: 2 });
    expect(await count(ts, 'phone_numbers', `e164 in ('+8613800138201', '+861065529988')`)).toBe(2);
  });

  it('records bad rows with row number, field and reason; imports the rest whole; errors download as CSV', async () => {
    const mapping = { '0': 'name', '1': 'company', '2': 'phone', '3': 'email' };
    const { batch } = await importFile(rep, 'leads-bad-rows.csv', mapping);
    expect(batch).toMatchObject({ totalRows: 7, importedRows: 3, errorRows: 3, skippedRows: 1 });
    const issues = (await rep.call('GET', `/api/leads/imports/${batch.id}/issues`)).json().items;
    expect(issues).toEqual([
      { rowNumber: 3, kind: 'error', field: 'name', reason: 'required' },
      { rowNumber: 4, kind: 'error', field: 'phone', reason: expect.stringContaining('not a valid phone') },
      { rowNumber: 5, kind: 'error', field: 'email', reason: 'not an email address' },
      { rowNumber: 7, kind: 'skipped', field: 'phone', reason: 'duplicate of row 2 in this file' },
    ]);
    // Nothing half-written: no lead for an error row, and no orphan phone for it either.
    expect(await count(ts, 'leads', `name in ('Bob BadPhone', 'Carol BadEmail') or company = 'NoName Ltd'`)).toBe(0);
    expect(await count(ts, 'phone_numbers', `e164 in ('+8613800138102', '+8613800138104')`)).toBe(0);
    const csv = await rep.call('GET', `/api/leads/imports/${batch.id}/issues.csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[1]).toBe('3,error,name,required');
  });

  it('re-importing the same file adds nothing, even with the "create anyway" policy', async () => {
    const before = await count(ts, 'leads');
    const up = await rep.upload('leads-gbk.csv', fixture('leads-gbk.csv'));
    expect(up.json().previousBatchId).toEqual(expect.any(String));
    await rep.call('POST', `/api/leads/imports/${up.json().batchId}/commit`, { mapping: zhMapping, policy: 'create' });
    const batch = await waitForBatch(rep, up.json().batchId);
    expect(batch).toMatchObject({ importedRows: 0, skippedRows: 3 });
    expect(await count(ts, 'leads')).toBe(before);
  });

  it('committing twice queues one job (job id = batch id)', async () => {
    const up = await rep.upload('leads-utf8.csv', fixture('leads-utf8.csv'));
    const body = { mapping: zhMapping, policy: 'skip', dedupeKeys: ['phone', 'email'] };
    const [a, b] = await Promise.all([rep.call('POST', `/api/leads/imports/${up.json().batchId}/commit`, body), rep.call('POST', `/api/leads/imports/${up.json().batchId}/commit`, body)]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(await waitForBatch(rep, up.json().batchId)).toMatchObject({ importedRows: 3 });
    expect(await count(ts, 'leads', `email = 'lina@example.cn'`)).toBe(1);
  });

  it('dedupes by exact company name when asked to', async () => {
    const up = await rep.upload('company.csv', Buffer.from('name,company\nSomeone Else,北京星辰科技有限公司\n'));
    await rep.call('POST', `/api/leads/imports/${up.json().batchId}/commit`, { mapping: { '0': 'name', '1': 'company' }, policy: 'skip', dedupeKeys: ['company'] });
    expect(await waitForBatch(rep, up.json().batchId)).toMatchObject({ importedRows: 0, skippedRows: 1 });
  });

  it('dedupes against an existing customer by phone written in another format (skip policy)', async () => {
    const [c] = await ts.app.pg`insert into customers (name, owner_id) values ('老客户', ${ids.peer!}) returning id`;
    await ts.app.pg`insert into phone_numbers (e164, raw, party_type, party_id, customer_id) values ('+8613900139999', '+86 139 0013 9999', 'customer', ${c!.id}, ${c!.id})`;
    const csv = Buffer.from('name,phone\nNew Person,0086-139-0013-9999\nOther Person,13900139998\n');
    const up = await rep.upload('dupe.csv', csv);
    await rep.call('POST', `/api/leads/imports/${up.json().batchId}/commit`, { mapping: { '0': 'name', '1': 'phone' }, policy: 'skip' });
    expect(await waitForBatch(rep, up.json().batchId)).toMatchObject({ importedRows: 1, skippedRows: 1 });
    const issues = (await rep.call('GET', `/api/leads/imports/${up.json().batchId}/issues`)).json().items;
    expect(issues).toEqual([{ rowNumber: 2, kind: 'skipped', field: 'phone', reason: 'matches an existing customer' }]);
  });

  it('the update policy fills in an existing lead instead of adding one', async () => {
    const csv = Buffer.from('姓名,邮箱,职位\n李娜,LINA@example.cn,采购总监\n');
    const up = await rep.upload('update.csv', csv);
    await rep.call('POST', `/api/leads/imports/${up.json().batchId}/commit`, { mapping: { '0': 'name', '1': 'email', '2': 'title' }, policy: 'update', dedupeKeys: ['email'] });
    expect(await waitForBatch(rep, up.json().batchId)).toMatchObject({ importedRows: 0, updatedRows: 1 });
    expect(await count(ts, 'leads', `lower(email) = 'lina@example.cn'`)).toBe(1);
    expect(await count(ts, 'leads', `lower(email) = 'lina@example.cn' and title = '采购总监'`)).toBe(1);
  });

  it('denies agents (403), hides other users’ batches (404), validates the commit body (400)', async () => {
    expect((await agent.upload('x.csv', fixture('leads-utf8.csv'))).statusCode).toBe(403);
    const up = await rep.upload('leads-utf8.csv', fixture('leads-utf8.csv'));
    const id = up.json().batchId;
    expect((await peer.call('GET', `/api/leads/imports/${id}`)).statusCode).toBe(404);
    expect((await peer.call('GET', `/api/leads/imports/${id}/issues`)).statusCode).toBe(404);
    expect((await peer.call('GET', `/api/leads/imports/${id}/issues.csv`)).statusCode).toBe(404);
    expect((await agent.call('GET', `/api/leads/imports/${id}`)).statusCode).toBe(403);
    expect((await peer.call('POST', `/api/leads/imports/${id}/commit`, { mapping: zhMapping, policy: 'skip' })).statusCode).toBe(404);
    const noName = await rep.call('POST', `/api/leads/imports/${id}/commit`, { mapping: { '1': 'company' }, policy: 'skip' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().details).toEqual([{ path: 'mapping', message: 'a column must map to name' }]);
    const badPolicy = await rep.call('POST', `/api/leads/imports/${id}/commit`, { mapping: zhMapping, policy: 'merge' });
    expect(badPolicy.statusCode).toBe(400);
    expect((await rep.call('GET', `/api/leads/imports/${id}`)).json().status).toBe('previewed');
    const empty = await rep.upload('empty.csv', Buffer.from(''));
    expect(empty.statusCode).toBe(400);
  });
});
