// Which agents and queues a wallboard viewer sees: admins everything; a supervisor the agents of their
// own team, of the teams they manage (and sub-teams) and their reports down the manager chain, and the
// queues those agents serve. Resolved when the viewer subscribes or asks for the snapshot.
import type { WallboardAgentRow, WallboardQueueTile, WallboardSnapshot, WallboardUpdate } from '../../contracts/wallboard.ts';
import type { WallboardState } from '../../core/wallboard/wallboard-types.ts';
import type { DbOrTx } from '../../db/client.ts';
import { loadScope, type DataScope } from '../access/scope.ts';
import type { SessionUser } from '../auth/guard.ts';

export type ViewerScope = { all: true } | { all: false; teamIds: Set<string>; userIds: Set<string> };

export async function viewerScope(db: DbOrTx, user: SessionUser): Promise<ViewerScope> {
  return viewerScopeOf(await loadScope(db, user));
}

export function viewerScopeOf(s: DataScope): ViewerScope {
  if (s.kind === 'all') return { all: true };
  return { all: false, teamIds: new Set([...s.teamIds, ...(s.ownTeamId ? [s.ownTeamId] : [])]), userIds: new Set(s.userIds) };
}

export function seesAgent(scope: ViewerScope, agentId: string, teamId: string | null): boolean {
  return scope.all || scope.userIds.has(agentId) || (teamId !== null && scope.teamIds.has(teamId));
}

export function seesQueue(scope: ViewerScope, s: WallboardState, queueId: string): boolean {
  if (scope.all) return true;
  const q = s.queues.get(queueId);
  return !!q && q.members.some((m) => seesAgent(scope, m, s.agentInfo.get(m)?.teamId ?? null));
}

export function filterSnapshot(scope: ViewerScope, s: WallboardState, snap: WallboardSnapshot): WallboardSnapshot {
  if (scope.all) return snap;
  return { ...snap, queues: snap.queues.filter((q) => seesQueue(scope, s, q.queueId)), agents: snap.agents.filter((a) => seesAgent(scope, a.agentId, a.teamId)) };
}

export function filterUpdate(scope: ViewerScope, s: WallboardState, u: { queues: WallboardQueueTile[]; agents: WallboardAgentRow[] }): Pick<WallboardUpdate, 'queues' | 'agents'> {
  if (scope.all) return u;
  return { queues: u.queues.filter((q) => seesQueue(scope, s, q.queueId)), agents: u.agents.filter((a) => seesAgent(scope, a.agentId, a.teamId)) };
}
