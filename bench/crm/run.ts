// npm run bench:crm — the customer 360 and the search box at production scale.
// Targets: GET /api/customers/:id/360 p95 ≤ 50 ms and GET /api/search p95 ≤ 100 ms at 1M customers,
// 2M contacts, 10M activities. BENCH_CRM_SCALE=0.1 runs a tenth of that (quick check). Each request goes
// through the whole HTTP stack with app.inject as a sales rep (session, data scope, SQL, serialisation).
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../server/src/modules/auth/password.ts';
import { build } from '../../server/src/app.ts';
import { configFromEnvironment, loadConfig, readEnvFile } from '../../server/src/config/index.ts';
import { recreateDatabase, withDatabase } from '../../server/src/db/admin.ts';
import { createDb } from '../../server/src/db/client.ts';
import { runMigrations } from '../../server/src/db/migrate.ts';
import { percentile, printTable, writeResults } from '../lib/report.ts';
import { seed } from './seed.ts';
import { randomUUID } from 'node:crypto';
import { importLeadsFile } from '../../server/src/modules/leads/import/importer.ts';
import { lookupByNumber } from '../../server/src/modules/search/phone-lookup.ts';

const SCALE = Number(process.env.BENCH_CRM_SCALE ?? '1');
const SAMPLES = 300;
// A p99 over 300 samples is the third-worst request; the phone lookup's target is a p99, so it gets more.
const LOOKUP_SAMPLES = 2000;
const DB_NAME = 'ringside_bench_crm';

async function prepare(url: string): Promise<void> {
  const h = createDb(url, { max: 2 });
  await runMigrations(h.db);
  const t0 = Date.now();
  await seed(h.sql, { customers: Math.round(1_000_000 * SCALE), contactsPerCustomer: 2, activities: Math.round(10_000_000 * SCALE), users: 200 }, (m) =>
    console.log(`seeded ${m} (${((Date.now() - t0) / 1000).toFixed(0)} s)`),
  );
  // The measured user: a sales rep with a normal book of customers (about 1/200 of all).
  await h.sql`insert into user_roles (user_id, role) select id, 'sales' from users where username in ('u1')`;
  await h.sql`update users set password_hash = ${await hashPassword('bench-pass-1')} where username = 'u1'`;
  await h.close();
}

async function main(): Promise<void> {
  const base = configFromEnvironment().DATABASE_URL;
  const url = withDatabase(base, DB_NAME);
  if (process.env.BENCH_CRM_REUSE !== '1') {
    await recreateDatabase(base, DB_NAME);
    await prepare(url);
  }
  const config = loadConfig({ ...readEnvFile(), ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'test', PBX_ENABLED: 'false' });
  const app = await build({ config, logger: false, redisNamespace: 'rs-bench-crm' });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'u1', password: 'bench-pass-1' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const own = await app.pg`select c.id from customers c join users u on u.id = c.owner_id where u.username = 'u1' order by random() limit ${SAMPLES}`;
  const time = async (urls: string[]) => {
    for (const u of urls.slice(0, 20)) await app.inject({ method: 'GET', url: u, headers: { cookie } });
    const out: number[] = [];
    for (const u of urls) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: u, headers: { cookie } });
      out.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`${u}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    const s = out.sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), samples: s.length };
  };
  const terms = ['华为', '深圳', '科技', '王伟', '李', '腾达', 'c123@example.com', '+86 10 6500 0123', '13000000777', '物流有限公司'];
  const rows = [
    { what: 'GET /api/customers/:id/360', ...(await time(own.map((r) => `/api/customers/${r.id}/360`))), target: 'p95 ≤ 50' },
    { what: 'GET /api/search', ...(await time(Array.from({ length: SAMPLES }, (_, i) => `/api/search?q=${encodeURIComponent(terms[i % terms.length]!)}`))), target: 'p95 ≤ 100' },
    { what: 'GET /api/phones/lookup', ...(await time(Array.from({ length: LOOKUP_SAMPLES }, (_, i) => `/api/phones/lookup?number=${1065000001 + i * 37}`))), target: 'p99 ≤ 5' },
  ];
  // The lookup the telephony role runs for a screen pop: in process, on the real database, no HTTP.
  const inProcess: number[] = [];
  for (let i = -50; i < LOOKUP_SAMPLES; i++) {
    const t0 = performance.now();
    const found = await lookupByNumber(app.db, `+86${1065000001 + Math.abs(i) * 41}`);
    if (i >= 0) inProcess.push(performance.now() - t0);
    if (found.length === 0) throw new Error('the seeded numbers were not found');
  }
  inProcess.sort((a, b) => a - b);
  rows.push({ what: 'lookupByNumber (screen pop, in process)', p50: percentile(inProcess, 50), p95: percentile(inProcess, 95), p99: percentile(inProcess, 99), samples: inProcess.length, target: 'p99 ≤ 5' });
  printTable(rows);
  const importSeconds = await timeImport(app.db as Parameters<typeof importLeadsFile>[0]['db'], config.PHONE_DEFAULT_REGION);
  const [view, search, phone, service] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
  const figures = {
    scale: SCALE,
    customers: Math.round(1_000_000 * SCALE),
    phoneLookupP50Ms: phone.p50,
    phoneLookupP99Ms: phone.p99,
    phoneLookupServiceP50Ms: service.p50,
    phoneLookupServiceP99Ms: service.p99,
    view360P50Ms: view.p50,
    view360P95Ms: view.p95,
    searchP50Ms: search.p50,
    searchP95Ms: search.p95,
    import100kSeconds: importSeconds,
    targets: { phoneLookupP99Ms: 5, view360P95Ms: 50, searchP95Ms: 100, import100kSeconds: 60 },
    note: 'phoneLookup*, view360*, search*: the whole HTTP stack via app.inject (session, scope, SQL, JSON); phoneLookupService*: the in-process lookup the screen pop runs',
    rows,
  };
  const summary =
    `scale ${SCALE}: phone lookup p99 ${phone.p99.toFixed(1)} ms over HTTP (target 5; in process ${service.p99.toFixed(1)} ms), 360 p95 ${view.p95.toFixed(1)} ms (target 50), ` +
    `search p95 ${search.p95.toFixed(1)} ms (target 100), 100k-row lead import ${importSeconds.toFixed(1)} s (target 60)`;
  writeResults('crm', figures, summary);
  await app.close();
}

/** A generated 100,000-row CSV through the real importer (parse, normalise, dedupe, chunked inserts). */
async function timeImport(db: Parameters<typeof importLeadsFile>[0]['db'], region: string): Promise<number> {
  const lines = ['姓名,公司,手机,邮箱,职位'];
  for (let i = 0; i < 100_000; i++) {
    lines.push(`客户${i},导入测试公司${i % 5000},139${String(10_000_000 + i).slice(-8)},imp${i}@example.com,经理`);
  }
  const [owner] = await db.execute<{ id: string }>(sql`select id from users where username = 'u1'`);
  const t0 = performance.now();
  const counters = await importLeadsFile(
    { db, region },
    {
      batchId: randomUUID(),
      buffer: Buffer.from(lines.join('\n')),
      filename: 'bench-100k.csv',
      mapping: { '0': 'name', '1': 'company', '2': 'phone', '3': 'email', '4': 'title' },
      policy: 'create',
      dedupeKeys: ['phone', 'email'],
      ownerId: owner!.id,
      teamId: null,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(`imported ${counters.importedRows} of ${counters.totalRows} rows in ${seconds.toFixed(1)} s (${counters.errorRows} errors)`);
  return seconds;
}

await main();
