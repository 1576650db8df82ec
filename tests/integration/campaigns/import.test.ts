// List import on the real stack: GBK and UTF-8-with-BOM CSV, XLSX, column mapping, per-row errors (bad
// phone, duplicate), DNC rows kept as 'dnc', time zones from the number, idempotent re-import; and records
// from a CRM query within the caller's data scope.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { count, signIn, type Client } from '../leads/support.ts';

let ts: TestServer;
let admin: Client;
let sup: Client;
const ids: Record<string, string> = {};

function upload(c: Client, campaignId: string, filename: string, body: Buffer, type = 'text/csv') {
  return ts.app.inject({ method: 'POST', url: `/api/campaigns/${campaignId}/imports?filename=${encodeURIComponent(filename)}`, headers: { cookie: c.cookie, 'content-type': type }, payload: body });
}

async function waitDone(c: Client, campaignId: string, batchId: string): Promise<Record<string, unknown>> {
  const until = Date.now() + 20_000;
  for (;;) {
    const b = (await c.call('GET', `/api/campaigns/${campaignId}/imports/${batchId}`)).json();
    if (b.status === 'done' || b.status === 'failed') return b;
    if (Date.now() > until) throw new Error(`import still ${b.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function importFile(c: Client, campaignId: string, filename: string, body: Buffer, mapping?: Record<string, string>, type?: string) {
  const pre = await upload(c, campaignId, filename, body, type);
  expect(pre.statusCode, pre.body).toBe(201);
  const preview = pre.json();
  const commit = await c.call('POST', `/api/campaigns/${campaignId}/imports/${preview.batchId}/commit`, { mapping: mapping ?? preview.suggestedMapping });
  expect(commit.statusCode, commit.body).toBe(202);
  return { preview, batch: await waitDone(c, campaignId, preview.batchId) };
}

const GBK_CSV = ['姓名,电话,优先级', '张三,020-8881 2001,5', '李四,(020) 88812002,', '王五,12,', '赵六,020 8881 2001,', '钱七,+1 212 555 0123,', '孙八,020-88812099,'].join('\r\n');

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  const [red] = await ts.app.pg`insert into teams (name) values ('red') returning id`;
  ids.red = red!.id;
  ids.admin = await ts.createUser({ username: 'root', password: 'pw-root-1', roles: ['admin'] });
  ids.sup = await ts.createUser({ username: 'sup', password: 'pw-sup-1', roles: ['supervisor'], teamId: ids.red });
  ids.repA = await ts.createUser({ username: 'repa', password: 'pw-repa-1', roles: ['sales'] });
  [admin, sup] = await Promise.all([signIn(ts, 'root', 'pw-root-1'), signIn(ts, 'sup', 'pw-sup-1')]);
  ids.campaign = (await sup.call('POST', '/api/campaigns', { name: '导入测试' })).json().id;
  await ts.app.pg`insert into dnc_numbers (campaign_id, phone_e164, reason) values (null, '+862088812099', 'test')`;
});
afterAll(() => ts.close());

describe('file import', () => {
  it('reads a GBK CSV: suggested mapping, per-row errors, DNC kept as dnc, zones from the number', async () => {
    const { preview, batch } = await importFile(sup, ids.campaign!, '名单.csv', iconv.encode(GBK_CSV, 'gbk'));
    expect(preview).toMatchObject({ encoding: 'gb18030', headers: ['姓名', '电话', '优先级'], totalRows: 6, suggestedMapping: { '0': 'name', '1': 'phone', '2': 'priority' }, previousBatchId: null });
    expect(preview.sampleRows[0]).toEqual(['张三', '020-8881 2001', '5']);
    expect(batch).toMatchObject({ status: 'done', totalRows: 6, processedRows: 6, importedRows: 4, dncRows: 1, duplicateRows: 1, errorRows: 2, skippedRows: 0 });
    expect((batch.errors as { row: number; field: string; reason: string }[]).map((e) => [e.row, e.field])).toEqual([
      [4, 'phone'],
      [5, 'phone'],
    ]);
    const rows = await ts.app.pg`select name, phone_e164, timezone, priority, status, import_key from campaign_records where campaign_id = ${ids.campaign!} order by phone_e164`;
    expect(rows.map((r) => [r.name, r.phone_e164, r.timezone, r.priority, r.status])).toEqual([
      ['钱七', '+12125550123', 'America/New_York', 0, 'pending'],
      ['张三', '+862088812001', 'Asia/Shanghai', 5, 'pending'],
      ['李四', '+862088812002', 'Asia/Shanghai', 0, 'pending'],
      ['孙八', '+862088812099', 'Asia/Shanghai', 0, 'dnc'],
    ]);
    const issues = (await sup.call('GET', `/api/campaigns/${ids.campaign}/imports/${preview.batchId}/issues`)).json().items;
    expect(issues[1]).toMatchObject({ rowNumber: 5, field: 'phone', reason: 'duplicate of row 2' });
  });

  it('re-importing the same file adds nothing', async () => {
    const before = await count(ts, 'campaign_records');
    const { preview, batch } = await importFile(sup, ids.campaign!, '名单.csv', iconv.encode(GBK_CSV, 'gbk'));
    expect(preview.previousBatchId).not.toBeNull();
    expect(batch).toMatchObject({ status: 'done', importedRows: 0, skippedRows: 4 });
    expect(await count(ts, 'campaign_records')).toBe(before);
  });

  it('reads UTF-8 with a BOM and a timezone column; a number already in the campaign is a row error', async () => {
    const csv = '\ufeffPhone,Name,Timezone\n+44 20 7946 0001,Alice,Europe/London\n+44 20 7946 0002,Bob,Mars/Base\n020 8881 2001,Dup,\n';
    const { preview, batch } = await importFile(sup, ids.campaign!, 'list.csv', Buffer.from(csv, 'utf8'));
    expect(preview.encoding).toBe('utf-8-bom');
    expect(preview.headers[0]).toBe('Phone');
    expect(batch).toMatchObject({ importedRows: 1, errorRows: 2, duplicateRows: 1 });
    expect((batch.errors as { field: string; reason: string }[]).map((e) => e.field)).toEqual(['timezone', 'phone']);
    const [alice] = await ts.app.pg`select timezone from campaign_records where phone_e164 = '+442079460001'`;
    expect(alice!.timezone).toBe('Europe/London');
  });

  it('reads an XLSX workbook with an explicit mapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('list');
    ws.addRow(['客户', '号码']);
    ws.addRow(['周九', 2088812003]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const { batch } = await importFile(sup, ids.campaign!, 'list.xlsx', buf, { '0': 'name', '1': 'phone' }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(batch).toMatchObject({ status: 'done', importedRows: 1, errorRows: 0 });
  });

  it('refuses a mapping without phone and bodies that are not files', async () => {
    const pre = (await upload(sup, ids.campaign!, 'x.csv', Buffer.from('a,b\n1,2\n'))).json();
    const res = await sup.call('POST', `/api/campaigns/${ids.campaign}/imports/${pre.batchId}/commit`, { mapping: { '0': 'name' } });
    expect(res.statusCode).toBe(400);
    expect((await sup.call('POST', `/api/campaigns/${ids.campaign}/imports/${pre.batchId}/commit`, { mapping: { '0': 'email' } })).statusCode).toBe(400);
    expect((await upload(sup, ids.campaign!, 'x.csv', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await sup.call('POST', `/api/campaigns/${ids.campaign}/imports?filename=x.csv`, { a: 1 })).statusCode).toBe(415);
  });
});

describe('records from a CRM query', () => {
  it('adds the leads the caller may see, linked, once', async () => {
    const [mine] = await ts.app.pg`insert into leads (name, source, owner_id) values ('我的线索', 'web', ${ids.sup!}) returning id`;
    const [theirs] = await ts.app.pg`insert into leads (name, source, owner_id) values ('别人的线索', 'web', ${ids.repA!}) returning id`;
    const [nophone] = await ts.app.pg`insert into leads (name, source, owner_id) values ('没电话', 'web', ${ids.sup!}) returning id`;
    await ts.app.pg`insert into phone_numbers (e164, raw, party_type, party_id, is_primary) values ('+862088813001', '020 8881 3001', 'lead', ${mine!.id}, true), ('+862088813002', '020 8881 3002', 'lead', ${theirs!.id}, true)`;
    expect(nophone).toBeDefined();
    const res = await sup.call('POST', `/api/campaigns/${ids.campaign}/records/from-query`, { source: 'leads', filters: { source: 'web' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ matched: 2, added: 1, duplicates: 0, dnc: 0, withoutPhone: 1 });
    const [rec] = await ts.app.pg`select lead_id, name, timezone from campaign_records where phone_e164 = '+862088813001'`;
    expect(rec).toMatchObject({ lead_id: mine!.id, name: '我的线索', timezone: 'Asia/Shanghai' });
    // Again: nothing new. An admin sees the other lead too.
    expect((await sup.call('POST', `/api/campaigns/${ids.campaign}/records/from-query`, { source: 'leads', filters: { source: 'web' } })).json()).toMatchObject({ added: 0, duplicates: 1 });
    expect((await admin.call('POST', `/api/campaigns/${ids.campaign}/records/from-query`, { source: 'leads', filters: { source: 'web' } })).json()).toMatchObject({ matched: 3, added: 1 });
    expect((await sup.call('POST', `/api/campaigns/${ids.campaign}/records/from-query`, { source: 'people' })).statusCode).toBe(400);
  });

  it('adds customers on their own number or their primary contact’s', async () => {
    const [acme] = await ts.app.pg`insert into customers (name, industry, owner_id) values ('Acme', 'retail', ${ids.sup!}) returning id`;
    const [beta] = await ts.app.pg`insert into customers (name, industry, owner_id) values ('Beta', 'retail', ${ids.sup!}) returning id`;
    const [bob] = await ts.app.pg`insert into contacts (customer_id, name, is_primary, owner_id) values (${beta!.id}, 'Bob', true, ${ids.sup!}) returning id`;
    await ts.app.pg`insert into phone_numbers (e164, raw, party_type, party_id, customer_id, is_primary) values
      ('+862088814001', '020 8881 4001', 'customer', ${acme!.id}, ${acme!.id}, true),
      ('+862088814002', '020 8881 4002', 'contact', ${bob!.id}, ${beta!.id}, true)`;
    const res = await sup.call('POST', `/api/campaigns/${ids.campaign}/records/from-query`, { source: 'customers', filters: { industry: 'retail' } });
    expect(res.json()).toMatchObject({ matched: 2, added: 2 });
    const rows = await ts.app.pg`select customer_id, contact_id, phone_e164 from campaign_records where customer_id is not null order by phone_e164`;
    expect(rows).toEqual([
      { customer_id: acme!.id, contact_id: null, phone_e164: '+862088814001' },
      { customer_id: beta!.id, contact_id: bob!.id, phone_e164: '+862088814002' },
    ]);
  });
});
