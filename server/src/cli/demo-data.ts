import type { Db } from '../db/client.ts';
import type { RoleName } from '../db/schema/users.ts';
import { ensureUser } from '../modules/users/service.ts';
import { setTeamManager, upsertTeam } from '../modules/users/repository.ts';
import { seedTelephonyDemo } from '../modules/telephony/demo-seed.ts';
import { seedCampaignDemo } from '../modules/campaigns/demo-seed.ts';

/** Shared by every demo login; printed by `npm start`. Demo data only: change or remove these users in production. */
export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: RoleName[];
  team: 'inbound' | 'sales' | null;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员 Admin', roles: ['admin'], team: null },
  { username: 'supervisor', displayName: '张伟 (班长)', roles: ['supervisor'], team: 'inbound' },
  { username: 'agent1', displayName: '李娜', roles: ['agent'], team: 'inbound' },
  { username: 'agent2', displayName: '王芳', roles: ['agent'], team: 'inbound' },
  { username: 'agent3', displayName: '刘洋', roles: ['agent'], team: 'inbound' },
  { username: 'sales1', displayName: '陈静', roles: ['sales'], team: 'sales' },
  { username: 'sales2', displayName: '杨磊', roles: ['sales'], team: 'sales' },
];

/** Idempotent: a second run finds everything in place and changes nothing a person may have edited. */
export async function seedDemoData(db: Db): Promise<{ created: string[] }> {
  const inbound = await upsertTeam(db, { name: '一线坐席 Inbound' });
  const sales = await upsertTeam(db, { name: '销售一组 Sales' });
  const teamIds = { inbound, sales };
  const created: string[] = [];
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const managerId = u.roles.includes('agent') || u.roles.includes('sales') ? ids.supervisor ?? null : null;
    const r = await ensureUser(db, {
      username: u.username,
      password: DEMO_PASSWORD,
      displayName: u.displayName,
      roles: u.roles,
      teamId: u.team ? teamIds[u.team] : null,
      managerId,
    });
    ids[u.username] = r.id;
    if (r.created) created.push(u.username);
  }
  await setTeamManager(db, inbound, ids.supervisor!);
  await setTeamManager(db, sales, ids.supervisor!);
  await seedTelephonyDemo(db, DEMO_USERS.filter((u) => u.roles.includes('agent')).map((u) => ids[u.username]!));
  await seedCampaignDemo(db, { teamId: inbound, ownerId: ids.supervisor ?? null });
  return { created };
}
