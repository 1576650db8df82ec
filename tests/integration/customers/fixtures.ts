import { setTeamManager, upsertTeam } from '../../../server/src/modules/users/repository.ts';
import type { TestServer } from '../../support/test-server.ts';
import { signIn, type Client } from './session.ts';

export interface Cast {
  ids: Record<'admin' | 'boss' | 'rep' | 'peer' | 'agent' | 'other', string>;
  teams: Record<'east' | 'west', string>;
  as: Record<'admin' | 'boss' | 'rep' | 'peer' | 'agent' | 'other', Client>;
}

/**
 * East team: boss (supervisor, manages the team) over rep and peer (sales) and agent; West: other (sales).
 */
export async function castOf(ts: TestServer): Promise<Cast> {
  const east = await upsertTeam(ts.app.db, { name: 'East' });
  const west = await upsertTeam(ts.app.db, { name: 'West' });
  const admin = await ts.createUser({ username: 'root', password: 'pw-root-1', roles: ['admin'] });
  const boss = await ts.createUser({ username: 'boss', password: 'pw-boss-1', roles: ['supervisor'], teamId: east });
  const rep = await ts.createUser({ username: 'rep', password: 'pw-rep-1', roles: ['sales'], teamId: east, managerId: boss, displayName: '李销售' });
  const peer = await ts.createUser({ username: 'peer', password: 'pw-peer-1', roles: ['sales'], teamId: east, managerId: boss });
  const agent = await ts.createUser({ username: 'agent', password: 'pw-agent-1', roles: ['agent'], teamId: east });
  const other = await ts.createUser({ username: 'other', password: 'pw-other-1', roles: ['sales'], teamId: west });
  await setTeamManager(ts.app.db, east, boss);
  const names = { admin: 'root', boss: 'boss', rep: 'rep', peer: 'peer', agent: 'agent', other: 'other' } as const;
  const as = {} as Cast['as'];
  for (const [k, u] of Object.entries(names)) as[k as keyof typeof names] = await signIn(ts, u, `pw-${u}-1`);
  return { ids: { admin, boss, rep, peer, agent, other }, teams: { east, west }, as };
}
