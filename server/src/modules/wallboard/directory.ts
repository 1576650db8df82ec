// Who and what the wallboard shows: queues (name, service-level threshold, members) and agents (name,
// team). Agents are users with the agent role, queue members, and users with an agent profile.
import { sql } from 'drizzle-orm';
import type { WallboardAgentInfo, WallboardQueueInfo } from '../../core/wallboard/wallboard-types.ts';
import type { Db } from '../../db/client.ts';

export async function loadDirectory(db: Db): Promise<{ queues: WallboardQueueInfo[]; agents: WallboardAgentInfo[] }> {
  const [queueRows, agentRows] = await Promise.all([
    db.execute<{ id: string; name: string; service_level_sec: number; members: string[] }>(sql`
      select q.id, q.name, q.service_level_sec,
        coalesce((select array_agg(m.user_id::text) from acd_queue_members m where m.queue_id = q.id), '{}') as members
      from acd_queues q order by q.name`),
    db.execute<{ id: string; display_name: string; team_id: string | null }>(sql`
      select u.id, u.display_name, u.team_id from users u
      where u.active and (
        exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'agent')
        or exists (select 1 from acd_queue_members m where m.user_id = u.id)
        or exists (select 1 from agent_profiles p where p.user_id = u.id))
      order by u.display_name`),
  ]);
  return {
    queues: queueRows.map((q) => ({ id: q.id, name: q.name, serviceLevelSec: q.service_level_sec, members: q.members })),
    agents: agentRows.map((a) => ({ id: a.id, name: a.display_name, teamId: a.team_id })),
  };
}
