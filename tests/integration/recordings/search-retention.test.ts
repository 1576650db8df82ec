// Recording search under the call + customer scope, download/play audit, the retention setting and the
// retention job (handler invoked directly: idempotent, deletes file + row, audited) and its schedule in
// the real BullMQ queue (the server's workers register it on Redis).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, campaignAttempts, campaignRecords, campaigns, customers, recordings } from '../../../server/src/db/schema/index.ts';
import { recordingRetentionJob } from '../../../server/src/modules/recordings/retention.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { auditCount } from '../customers/session.ts';
import { castOf, type Cast } from '../customers/fixtures.ts';

let ts: TestServer;
let cast: Cast;
const dir = mkdtempSync(join(tmpdir(), 'rs-recordings-'));
const rec: Record<'mine' | 'hiddenCustomer' | 'othersNoCustomer' | 'campaign' | 'old', string> = {} as never;
let campaignId = '';
let queueId = '';

/** 8 kHz 16-bit mono wav of `ms` of a constant value. */
function wav(ms: number, value = 1000): Buffer {
  const data = Buffer.alloc(ms * 16);
  for (let i = 0; i < ms * 8; i++) data.writeInt16LE(i % 2 ? value : -value, i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFFxxxxWAVEfmt ', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(8000, 24);
  h.writeUInt32LE(16000, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

async function recorded(key: keyof typeof rec, call: Partial<typeof calls.$inferInsert>, startedAt: Date, durationSec: number) {
  const id = crypto.randomUUID();
  await ts.app.db.insert(calls).values({ id, direction: 'inbound', callerNumber: '13800000000', enteredAt: startedAt, outcome: 'completed', ...call });
  const name = `it-${key}-${id.slice(0, 8)}`;
  const [r] = await ts.app.db.insert(recordings).values({ callId: id, name, startedAt, endedAt: new Date(startedAt.getTime() + durationSec * 1000), durationSec }).returning();
  writeFileSync(join(dir, `${name}.wav`), wav(300));
  rec[key] = r!.id;
  return id;
}

beforeAll(async () => {
  ts = await startTestServer({ listen: false, overrides: { RECORDINGS_DIR: dir } });
  cast = await castOf(ts);
  const { agent, other, admin } = cast.ids;
  const [mine] = await ts.app.db.insert(customers).values({ name: '杭州青禾茶业', ownerId: agent, teamId: cast.teams.east }).returning();
  const [theirs] = await ts.app.db.insert(customers).values({ name: 'West Only Ltd', ownerId: other, teamId: cast.teams.west }).returning();
  const q = await cast.as.admin.call('POST', '/api/queues', { name: 'Sales line', strategy: 'longestIdle', ringTimeoutSec: 8, wrapUpSec: 0, recordCalls: true, members: [] });
  expect(q.statusCode).toBe(201);
  queueId = q.json<{ id: string }>().id;
  const [c] = await ts.app.db.insert(campaigns).values({ name: '续费回访', ownerId: admin }).returning();
  campaignId = c!.id;
  const now = Date.now();
  await recorded('mine', { agentId: agent, ownerId: agent, teamId: cast.teams.east, customerId: mine!.id, queueId, disposition: 'sale', agentPath: [agent] }, new Date(now - 3600_000), 95);
  await recorded('hiddenCustomer', { agentId: agent, ownerId: agent, teamId: cast.teams.east, customerId: theirs!.id, disposition: 'sale', agentPath: [agent] }, new Date(now - 7200_000), 30);
  await recorded('othersNoCustomer', { agentId: other, ownerId: other, teamId: cast.teams.west, callerNumber: '02155550000', agentPath: [other] }, new Date(now - 10_800_000), 12);
  const campaignCall = await recorded('campaign', { direction: 'outbound', agentId: admin, ownerId: admin, calledNumber: '13911112222' }, new Date(now - 14_400_000), 240);
  const [cr] = await ts.app.db.insert(campaignRecords).values({ campaignId, phoneRaw: '13911112222', phoneE164: '+8613911112222', timezone: 'Asia/Shanghai' }).returning();
  await ts.app.db.insert(campaignAttempts).values({ campaignId, recordId: cr!.id, callId: campaignCall, startedAt: new Date(now - 14_400_000), outcome: 'answered' as never });
  await recorded('old', { agentId: admin, ownerId: admin }, new Date(now - 40 * 86_400_000), 60);
}, 60_000);
afterAll(async () => {
  await ts?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Page = { items: { id: string; campaignName: string | null; customerName: string | null; queueName: string | null }[]; total: number };
const ids = (p: Page) => p.items.map((i) => i.id).sort();
const search = async (who: keyof Cast['as'], qs = '') => {
  const r = await cast.as[who].call('GET', `/api/recordings${qs}`);
  expect(r.statusCode).toBe(200);
  return r.json<Page>();
};

describe('recording search', () => {
  it('shows each user only recordings whose call and customer they may see', async () => {
    expect(ids(await search('agent'))).toEqual([rec.mine]);
    // Supervisors see every call, but not a customer outside their teams.
    expect(ids(await search('boss'))).toEqual([rec.mine, rec.othersNoCustomer, rec.campaign, rec.old].sort());
    const all = await search('admin');
    expect(all.total).toBe(5);
    expect(all.items.find((i) => i.id === rec.campaign)).toMatchObject({ campaignName: '续费回访' });
    expect(all.items.find((i) => i.id === rec.mine)).toMatchObject({ customerName: '杭州青禾茶业', queueName: 'Sales line' });
  });

  it('filters by date, agent, queue, campaign, customer, disposition and duration', async () => {
    const day = new Date(Date.now() - 86_400_000).toISOString();
    expect(ids(await search('admin', `?from=${encodeURIComponent(day)}`))).not.toContain(rec.old);
    expect(ids(await search('admin', `?to=${encodeURIComponent(day)}`))).toEqual([rec.old]);
    expect(ids(await search('admin', `?agentId=${cast.ids.agent}`))).toEqual([rec.mine, rec.hiddenCustomer].sort());
    expect(ids(await search('admin', `?queueId=${queueId}`))).toEqual([rec.mine]);
    expect(ids(await search('admin', `?campaignId=${campaignId}`))).toEqual([rec.campaign]);
    expect(ids(await search('admin', `?customer=${encodeURIComponent('青禾')}`))).toEqual([rec.mine]);
    expect(ids(await search('admin', '?customer=0215555'))).toEqual([rec.othersNoCustomer]);
    expect(ids(await search('admin', '?customer=%25'))).toEqual([]);
    expect(ids(await search('admin', '?disposition=sale'))).toEqual([rec.mine, rec.hiddenCustomer].sort());
    expect(ids(await search('admin', '?minDurationSec=60&maxDurationSec=100'))).toEqual([rec.mine, rec.old].sort());
    expect((await cast.as.admin.call('GET', '/api/recordings?minDurationSec=-1')).statusCode).toBe(400);
    expect((await cast.as.admin.call('GET', '/api/recordings?color=red')).statusCode).toBe(400);
  });
});

describe('playback, download and waveform', () => {
  it('audits a download and a playback start, not every seek; 404 outside the scope', async () => {
    const dl = await cast.as.boss.call('GET', `/api/recordings/${rec.mine}?download=true`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="it-mine-/);
    expect(await auditCount(ts, 'recording.download', rec.mine)).toBe(1);
    const seek = await ts.app.inject({ method: 'GET', url: `/api/recordings/${rec.mine}`, headers: { range: 'bytes=4000-4999', cookie: '' } });
    expect(seek.statusCode).toBe(401);
    const r1 = await cast.as.agent.call('GET', `/api/recordings/${rec.mine}`);
    expect(r1.statusCode).toBe(200);
    expect(await auditCount(ts, 'recording.play', rec.mine)).toBe(1);
    expect((await cast.as.agent.call('GET', `/api/recordings/${rec.hiddenCustomer}`)).statusCode).toBe(404);
    expect((await cast.as.agent.call('GET', `/api/recordings/${rec.othersNoCustomer}/waveform`)).statusCode).toBe(404);
    const wave = await cast.as.agent.call('GET', `/api/recordings/${rec.mine}/waveform?buckets=50`);
    expect(wave.statusCode).toBe(200);
    expect(wave.json()).toMatchObject({ durationMs: 300, pauses: [] });
    expect(wave.json<{ peaks: number[] }>().peaks).toHaveLength(50);
  });
});

describe('retention', () => {
  it('is an admin setting, audited', async () => {
    expect((await cast.as.boss.call('PUT', '/api/recordings/retention', { retentionDays: 30 })).statusCode).toBe(403);
    expect((await cast.as.admin.call('PUT', '/api/recordings/retention', { retentionDays: -1 })).statusCode).toBe(400);
    expect((await cast.as.admin.call('GET', '/api/recordings/retention')).json()).toMatchObject({ retentionDays: null });
    // 0 = forever.
    expect((await cast.as.admin.call('PUT', '/api/recordings/retention', { retentionDays: 0 })).json()).toMatchObject({ retentionDays: null });
    const set = await cast.as.admin.call('PUT', '/api/recordings/retention', { retentionDays: 30 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ retentionDays: 30 });
    expect(await auditCount(ts, 'recording.retention-set')).toBe(2);
  });

  it('deletes recordings older than N days, file and row, once (idempotent) with an audit entry', async () => {
    const ctx = { db: ts.app.db, log: ts.app.log, now: () => new Date() };
    const oldFile = (await ts.app.pg`select name from recordings where id = ${rec.old}`)[0]!.name as string;
    expect(existsSync(join(dir, `${oldFile}.wav`))).toBe(true);
    expect(await recordingRetentionJob.handle({ recordingsDir: dir }, ctx)).toEqual({ deleted: 1, retentionDays: 30 });
    expect(existsSync(join(dir, `${oldFile}.wav`))).toBe(false);
    expect(await ts.app.pg`select 1 from recordings where id = ${rec.old}`).toHaveLength(0);
    expect(await auditCount(ts, 'recording.retention-delete', rec.old)).toBe(1);
    expect(await recordingRetentionJob.handle({ recordingsDir: dir }, ctx)).toEqual({ deleted: 0, retentionDays: 30 });
    expect(await auditCount(ts, 'recording.retention-delete')).toBe(1);
    // A row whose file is already gone (crash between the two) is still removed.
    const mineFile = (await ts.app.pg`select name from recordings where id = ${rec.mine}`)[0]!.name as string;
    rmSync(join(dir, `${mineFile}.wav`));
    writeFileSync(join(dir, 'unused.wav'), wav(10));
    const later = { ...ctx, now: () => new Date(Date.now() + 31 * 86_400_000) };
    const r = await recordingRetentionJob.handle({ recordingsDir: dir }, later);
    expect(r).toEqual({ deleted: 4, retentionDays: 30 });
    expect(existsSync(join(dir, 'unused.wav'))).toBe(true);
    expect(await ts.app.pg`select 1 from recordings`).toHaveLength(0);
  });

  it('is scheduled in the maintenance queue by the workers', async () => {
    const queue = ts.app.jobs.queues.get('maintenance')!;
    const schedulers = await queue.getJobSchedulers();
    const s = schedulers.find((x) => x.key === 'maintenance.recording-retention');
    expect(s).toBeTruthy();
    expect(Number(s!.every)).toBe(6 * 3600_000);
  });
});
