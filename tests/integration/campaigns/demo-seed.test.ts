// The demo campaign: what npm start seeds, and that seeding twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../../server/src/cli/demo-data.ts';
import { createDb, type DbHandle } from '../../../server/src/db/client.ts';
import { claimDialable, loadCampaignConfig } from '../../../server/src/modules/campaigns/dialer-store.ts';
import { DEMO_CAMPAIGN_NAME } from '../../../server/src/modules/campaigns/demo-seed.ts';
import { createTestDatabase } from '../../support/db.ts';

let database: { url: string; drop(): Promise<void> };
let h: DbHandle;

/** Every campaign table's rows, as text, in a stable order. */
async function snapshot(): Promise<string> {
  const out: string[] = [];
  for (const t of ['campaigns', 'campaign_teams', 'campaign_agents', 'campaign_dispositions', 'campaign_records', 'dnc_numbers']) {
    const rows = await h.sql.unsafe(`select to_jsonb(x)::text as j from ${t} x order by 1`);
    out.push(`${t}:${rows.map((r) => r.j as string).join('\n')}`);
  }
  return out.join('\n---\n');
}

beforeAll(async () => {
  database = await createTestDatabase();
  h = createDb(database.url, { max: 2 });
});
afterAll(async () => {
  await h.close();
  await database.drop();
});

describe('demo campaign seed', () => {
  it('seeds a paused predictive campaign on the carrier trunk for the demo agents, with ~60 encoded numbers', async () => {
    await seedDemoData(h.db);
    const [c] = await h.sql`select * from campaigns where name = ${DEMO_CAMPAIGN_NAME}`;
    expect(c).toMatchObject({ status: 'paused', mode: 'predictive', trunk: 'carrier' });
    const config = (await loadCampaignConfig(h.db, c!.id as string))!;
    const agents = await h.sql`select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'agent' order by u.id`;
    expect(config.agentIds).toEqual(expect.arrayContaining(agents.map((a) => a.id as string)));
    const records = await h.sql`select phone_e164, status from campaign_records where campaign_id = ${c!.id} order by phone_e164`;
    expect(records.length).toBe(60);
    expect(records.every((r) => /^\+8620888\d{5}$/.test(r.phone_e164 as string))).toBe(true);
    const lastFive = records.map((r) => (r.phone_e164 as string).slice(-5));
    for (const prefix of ['2', '30', '31', '4', '5', '6', '9']) expect(lastFive.some((d) => d.startsWith(prefix)), prefix).toBe(true);
    const dnc = await h.sql`select phone_e164 from dnc_numbers where campaign_id = ${c!.id}`;
    expect(dnc).toHaveLength(2);
    expect(records.filter((r) => r.status === 'dnc').map((r) => r.phone_e164).sort()).toEqual(dnc.map((d) => d.phone_e164).sort());
    const dispositions = await h.sql`select code, label_zh, meaning, retry_delay_sec from campaign_dispositions where campaign_id = ${c!.id} order by position`;
    expect(dispositions.map((d) => [d.label_zh, d.meaning])).toEqual([
      ['成交', 'final'],
      ['不感兴趣', 'final'],
      ['回拨', 'callback'],
      ['稍后再拨', 'retry'],
      ['勿扰', 'dnc'],
    ]);
    expect(dispositions[3]!.retry_delay_sec).toBe(3600);
    // Paused: the dialer gets nothing.
    expect(await claimDialable(h.db, c!.id as string, 10, new Date())).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot();
    await seedDemoData(h.db);
    expect(await snapshot()).toBe(before);
  });
});
