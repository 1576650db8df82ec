// Demo outbound campaign (npm start): predictive, trunk 'carrier' (the fake PSTN carrier), the demo
// agents' team, ~60 numbers whose last five digits tell the carrier what to do, and two numbers on the
// campaign's DNC list. Seeded paused: nothing dials until a supervisor presses start. Idempotent: once the
// campaign exists (maybe edited by a person) it is left alone.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignDispositions, campaignRecords, campaigns, campaignTeams, dncNumbers } from '../../db/schema/campaigns.ts';
import { DEFAULT_CALLING_WINDOWS } from './record-state.ts';
import { DEFAULT_DISPOSITIONS } from './service.ts';

export const DEMO_CAMPAIGN_NAME = 'Demo outbound / 外呼演示';

/**
 * The fake carrier reads the last five digits: 2xxNN answer and talk NN s, 30xxx ring until the timeout,
 * 31xNN ring NN s then 480, 4xxxx busy, 5xxxx congestion, 6xxxx unallocated, 9xxxx answering machine.
 * Numbers are Guangzhou fixed lines +86 20 888N NNNN (the last five digits are N NNNN).
 */
export function demoNumbers(): { lastFive: string; kind: string }[] {
  const out: { lastFive: string; kind: string }[] = [];
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  for (let i = 0; i < 30; i++) out.push({ lastFive: `2${pad(i, 2)}${pad(20 + ((i * 7) % 40), 2)}`, kind: 'answer' });
  for (let i = 0; i < 6; i++) out.push({ lastFive: `30${pad(i, 3)}`, kind: 'ring-timeout' });
  for (let i = 0; i < 4; i++) out.push({ lastFive: `31${i}${pad(8 + i * 3, 2)}`, kind: 'ring-then-480' });
  for (let i = 0; i < 6; i++) out.push({ lastFive: `4${pad(i, 4)}`, kind: 'busy' });
  for (let i = 0; i < 3; i++) out.push({ lastFive: `5${pad(i, 4)}`, kind: 'congestion' });
  for (let i = 0; i < 3; i++) out.push({ lastFive: `6${pad(i, 4)}`, kind: 'unallocated' });
  for (let i = 0; i < 6; i++) out.push({ lastFive: `9${pad(i, 4)}`, kind: 'machine' });
  // Two answering numbers the customer asked never to be called on again.
  for (let i = 0; i < 2; i++) out.push({ lastFive: `29${pad(i, 1)}${pad(30, 2)}`, kind: 'dnc' });
  return out;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超'];

export async function seedCampaignDemo(db: Db, opts: { teamId: string; ownerId: string | null }): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.name, DEMO_CAMPAIGN_NAME));
  if (existing) return { created: false };
  await db.transaction(async (tx) => {
    const [c] = await tx
      .insert(campaigns)
      .values({
        name: DEMO_CAMPAIGN_NAME,
        status: 'paused',
        mode: 'predictive',
        callerId: '02088880000',
        trunk: 'carrier',
        script: '您好，我是 Ringside 的客服代表，打扰您一分钟，想向您介绍我们新推出的服务……\nHello, this is Ringside calling about our new service…',
        maxLinesPerAgent: 3,
        ringTimeoutSec: 20,
        amdEnabled: true,
        amdAction: 'hangup',
        recordCalls: true,
        callingWindows: DEFAULT_CALLING_WINDOWS,
        ownerId: opts.ownerId,
        teamId: opts.teamId,
      })
      .returning({ id: campaigns.id });
    const campaignId = c!.id;
    await tx.insert(campaignTeams).values({ campaignId, teamId: opts.teamId });
    await tx.insert(campaignDispositions).values(DEFAULT_DISPOSITIONS.map((d, i) => ({ ...d, retryDelaySec: d.retryDelaySec ?? null, campaignId, position: i })));
    const numbers = demoNumbers();
    await tx.insert(campaignRecords).values(
      numbers.map((n, i) => ({
        campaignId,
        phoneRaw: `020-888${n.lastFive.slice(0, 1)} ${n.lastFive.slice(1)}`,
        phoneE164: `+8620888${n.lastFive}`,
        timezone: 'Asia/Shanghai',
        name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
        status: n.kind === 'dnc' ? ('dnc' as const) : ('pending' as const),
        importKey: `demo:${n.lastFive}`,
      })),
    );
    await tx.insert(dncNumbers).values(numbers.filter((n) => n.kind === 'dnc').map((n) => ({ campaignId, phoneE164: `+8620888${n.lastFive}`, reason: '客户要求勿扰 (demo)' })));
  });
  return { created: true };
}
