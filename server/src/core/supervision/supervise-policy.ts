// Who may act on whose call: admins on any; supervisors on calls of agents in teams they manage (and
// those teams' sub-teams) or of their subordinates in the manager chain; never on their own call.

/** The part of a user's data scope (modules/access/scope.ts) that matters here. */
export type ScopeView = { kind: 'all' } | { kind: 'limited'; userIds: readonly string[]; teamIds: readonly string[] };

export interface SupervisorActor {
  id: string;
  roles: readonly string[];
}

export type SuperviseDecision = { ok: true } | { ok: false; reason: 'role' | 'scope' | 'self' };

export function maySupervise(actor: SupervisorActor, scope: ScopeView, agent: { id: string; teamId: string | null }): SuperviseDecision {
  if (agent.id === actor.id) return { ok: false, reason: 'self' };
  if (actor.roles.includes('admin')) return { ok: true };
  if (!actor.roles.includes('supervisor')) return { ok: false, reason: 'role' };
  if (scope.kind === 'all') return { ok: true };
  if (agent.teamId && scope.teamIds.includes(agent.teamId)) return { ok: true };
  if (scope.userIds.includes(agent.id)) return { ok: true };
  return { ok: false, reason: 'scope' };
}
