import type { RoleName } from '../../db/schema/users.ts';

/** Per-route access declaration. Every /api route must carry one; see plugins/auth.ts. */
export type Access = { public: true } | { roles: readonly RoleName[] };

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: RoleName[];
  teamId: string | null;
  managerId: string | null;
  locale: 'zh-CN' | 'en';
  /**
   * The ids a data scope needs (subordinates down the manager chain, teams managed and their sub-teams),
   * read in the same statement as the session so a scoped request costs one round trip fewer. Only the
   * request that loaded it may use it: a socket keeps its user for hours, so long-lived holders reload.
   */
  reach?: { userIds: string[]; teamIds: string[] };
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/** The role guard as a pure decision, so the full matrix is unit-testable without HTTP. */
export function decideAccess(access: Access, user: SessionUser | null): AccessDecision {
  if ('public' in access) return 'allow';
  if (!user) return 'unauthenticated';
  return access.roles.some((r) => user.roles.includes(r)) ? 'allow' : 'forbidden';
}

export const ALL_ROLES: readonly RoleName[] = ['admin', 'supervisor', 'agent', 'sales'];
export const access = {
  public: { public: true } as Access,
  anyUser: { roles: ALL_ROLES } as Access,
  roles: (...roles: RoleName[]): Access => ({ roles }),
};
