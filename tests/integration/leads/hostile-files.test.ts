// Hostile uploads to the lead import (as a sales user) and the campaign list import: each is refused
// with a clear 4xx and a domain code, the parse happens in a worker thread that is gone afterwards,
// /api/health answers while the upload is being read, and the server imports normally afterwards.
import { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeWorkers } from '../../../server/src/workers/pool.ts';
import { IMPORT_LIMITS } from '../../../server/src/workers/limits.ts';
import {
  bigCsv,
  csvColumns,
  csvRows,
  xlsxClaimingXfd,
  xlsxZipBomb,
  type HostileFile,
} from '../../support/hostile-files.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { count, fixture, signIn, type Client } from './support.ts';

let ts: TestServer;
let rep: Client;
let sup: Client;
let campaignId: string;

const health = () => ts.app.inject({ method: 'GET', url: '/api/health' });

/** Sends the file and, while it is being read, asks for /api/health: both must answer. */
async function uploadWhileCheckingHealth(
  url: string,
  c: Client,
  f: HostileFile,
): Promise<LightMyRequestResponse> {
  const upload = ts.app.inject({
    method: 'POST',
    url: `${url}?filename=${encodeURIComponent(f.filename)}`,
    headers: { cookie: c.cookie, 'content-type': f.contentType },
    payload: f.body,
  });
  const during = await health();
  expect(during.json()).toMatchObject({ status: 'ok', db: 'ok', redis: 'ok' });
  return upload;
}

function expectRefused(res: LightMyRequestResponse, status: number, code: string, detail: RegExp): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toMatchObject({
    code,
    details: [{ path: 'file', message: expect.stringMatching(detail) }],
  });
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false });
  const [team] = await ts.app.pg`insert into teams (name) values ('blue') returning id`;
  await ts.createUser({ username: 'rep', password: 'pw-rep-1', roles: ['sales'] });
  await ts.createUser({
    username: 'sup',
    password: 'pw-sup-1',
    roles: ['supervisor'],
    teamId: team!.id as string,
  });
  [rep, sup] = await Promise.all([signIn(ts, 'rep', 'pw-rep-1'), signIn(ts, 'sup', 'pw-sup-1')]);
  campaignId = (await sup.call('POST', '/api/campaigns', { name: 'hostile' })).json().id;
});
afterAll(() => ts.close());

describe('hostile lead import files', () => {
  const url = '/api/leads/imports';

  it('refuses an .xlsx whose dimension claims 16,384 columns × 1,048,576 rows (413 RS_IMPORT_TOO_LARGE)', async () => {
    const f = xlsxClaimingXfd();
    expect(f.body.length).toBeLessThan(64 * 1024);
    expectRefused(await uploadWhileCheckingHealth(url, rep, f), 413, 'RS_IMPORT_TOO_LARGE', /16384 columns/);
    expect(activeWorkers()).toBe(0);
    expect(await count(ts, 'lead_import_batches')).toBe(0);
  });

  it('refuses the same sheet when its dimension lies (A1:B3): the value in XFD1 is counted while streaming', async () => {
    expectRefused(
      await uploadWhileCheckingHealth(url, rep, xlsxClaimingXfd({ ref: 'A1:B3' })),
      413,
      'RS_IMPORT_TOO_LARGE',
      /column 16384/,
    );
  });

  it('refuses a zip bomb (one entry inflating to 1 GiB) from its declared sizes, before inflating it', async () => {
    expectRefused(
      await uploadWhileCheckingHealth(url, rep, xlsxZipBomb()),
      413,
      'RS_IMPORT_TOO_LARGE',
      /uncompressed|compressed more than/,
    );
  });

  it('refuses a zip bomb whose directory lies about the size: inflation stops at the declared size (400 RS_IMPORT_BAD_FILE)', async () => {
    expectRefused(
      await uploadWhileCheckingHealth(url, rep, xlsxZipBomb({ lie: true })),
      400,
      'RS_IMPORT_BAD_FILE',
      /not a readable \.xlsx/,
    );
  });

  it('refuses a 50 MB CSV at the upload cap, declared length or streamed', async () => {
    const f = bigCsv();
    expectRefused(
      await uploadWhileCheckingHealth(url, rep, f),
      413,
      'RS_IMPORT_TOO_LARGE',
      /larger than 20 MB/,
    );
    // Without a content-length the body is cut off as it passes the cap.
    const streamed = await ts.app.inject({
      method: 'POST',
      url: `${url}?filename=big.csv`,
      headers: { cookie: rep.cookie, 'content-type': 'text/csv' },
      payload: Readable.from([f.body.subarray(0, 30 * 1024 * 1024)]),
    });
    expectRefused(streamed, 413, 'RS_IMPORT_TOO_LARGE', /larger than 20 MB/);
  });

  it('refuses a CSV one row or one column past the limits', async () => {
    expectRefused(
      await uploadWhileCheckingHealth(url, rep, csvRows(IMPORT_LIMITS.maxRows + 1)),
      413,
      'RS_IMPORT_TOO_LARGE',
      /more than 100000 rows/,
    );
    expectRefused(
      await uploadWhileCheckingHealth(url, rep, csvColumns(IMPORT_LIMITS.maxColumns + 1)),
      413,
      'RS_IMPORT_TOO_LARGE',
      /more than 200 columns/,
    );
  });

  it('accepts a CSV exactly at the row limit, and a normal file imports afterwards', async () => {
    const atLimit = await uploadWhileCheckingHealth(url, rep, csvRows(IMPORT_LIMITS.maxRows));
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    expect(atLimit.json()).toMatchObject({ totalRows: IMPORT_LIMITS.maxRows, headers: ['name', 'phone'] });
    const up = await rep.upload('leads-utf8.csv', fixture('leads-utf8.csv'));
    expect(up.statusCode).toBe(201);
    expect((await health()).json()).toMatchObject({ status: 'ok' });
    expect(activeWorkers()).toBe(0);
  });
});

describe('hostile campaign list files', () => {
  const url = () => `/api/campaigns/${campaignId}/imports`;

  it('refuses the XFD sheet, the zip bomb and the 50 MB CSV with their codes; health stays ok', async () => {
    expectRefused(
      await uploadWhileCheckingHealth(url(), sup, xlsxClaimingXfd()),
      413,
      'RS_IMPORT_TOO_LARGE',
      /16384 columns/,
    );
    expectRefused(
      await uploadWhileCheckingHealth(url(), sup, xlsxZipBomb()),
      413,
      'RS_IMPORT_TOO_LARGE',
      /compress/,
    );
    expectRefused(
      await uploadWhileCheckingHealth(url(), sup, bigCsv()),
      413,
      'RS_IMPORT_TOO_LARGE',
      /larger than 20 MB/,
    );
    expect(await count(ts, 'campaign_imports')).toBe(0);
    expect(activeWorkers()).toBe(0);
  });

  it('still previews a normal list afterwards', async () => {
    const res = await ts.app.inject({
      method: 'POST',
      url: `${url()}?filename=list.csv`,
      headers: { cookie: sup.cookie, 'content-type': 'text/csv' },
      payload: Buffer.from('姓名,电话\n张三,020-8881 2001\n'),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ totalRows: 1, suggestedMapping: { '0': 'name', '1': 'phone' } });
  });
});
