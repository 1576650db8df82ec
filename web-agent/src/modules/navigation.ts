import type { Role } from '../services/contracts.ts';

/** The console's feature modules, in side-navigation order. */
export const MODULES = ['workbench', 'customers', 'leads', 'pipeline', 'campaigns', 'wallboard', 'reports', 'recordings', 'admin'] as const;
export type ModuleId = (typeof MODULES)[number];

/**
 * Which modules each role sees in the console. This only shapes the navigation: the server enforces
 * permissions on every route, so hiding a module is convenience, never security.
 */
const MODULES_BY_ROLE: Record<Role, readonly ModuleId[]> = {
  agent: ['workbench', 'customers', 'leads'],
  sales: ['customers', 'leads', 'pipeline'],
  supervisor: ['workbench', 'customers', 'leads', 'pipeline', 'campaigns', 'wallboard', 'reports', 'recordings'],
  admin: MODULES,
};

/** The union over all of a user's roles, in navigation order. */
export function visibleModules(roles: readonly string[]): ModuleId[] {
  const allowed = new Set<ModuleId>();
  for (const role of roles) {
    for (const id of MODULES_BY_ROLE[role as Role] ?? []) allowed.add(id);
  }
  return MODULES.filter((id) => allowed.has(id));
}

export function canSeeModule(roles: readonly string[], id: ModuleId): boolean {
  return visibleModules(roles).includes(id);
}
