import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DataScope } from './scope.ts';

/** drizzle spreads a JS array into separate parameters; pass one Postgres array literal instead (ids are uuids). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

export interface OwnedTable {
  id: AnyColumn;
  ownerId: AnyColumn;
  teamId: AnyColumn;
}

/**
 * The rule: owner in the user's manager chain, or team managed by the user, or shared with the user or
 * their team (read-only shares do not grant edits). Written so every branch is index-usable: the shared
 * ids are collected once (an InitPlan over record_shares' user/team indexes) and matched with
 * `id = any(...)`. A correlated EXISTS inside the OR would stop PostgreSQL combining indexes and scan the
 * whole table, which at a million customers costs seconds; this form is a BitmapOr of index probes.
 */
function scoped(scope: DataScope, t: OwnedTable, entityType: string, mode: 'read' | 'edit'): SQL {
  if (scope.kind === 'all') return sql`true`;
  const team = scope.ownTeamId ? sql` or s.team_id = ${scope.ownTeamId}::uuid` : sql``;
  const edit = mode === 'edit' ? sql` and s.can_edit` : sql``;
  const shared = sql`(select coalesce(array_agg(s.entity_id), '{}') from record_shares s
    where s.entity_type = ${entityType} and (s.user_id = ${scope.userId}::uuid${team})${edit})`;
  const parts: SQL[] = [sql`${t.ownerId} = any(${uuidArray(scope.userIds)}::uuid[])`];
  if (scope.teamIds.length) parts.push(sql`${t.teamId} = any(${uuidArray(scope.teamIds)}::uuid[])`);
  parts.push(sql`${t.id} = any(${shared}::uuid[])`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * WHERE fragment limiting a query to the records the scope may read. Every repository query on an owned
 * table goes through this (or editableBy for changes): the rule lives in the data layer, not only the UI.
 */
export function visibleTo(scope: DataScope, t: OwnedTable, entityType: string): SQL {
  return scoped(scope, t, entityType, 'read');
}

/** Same as visibleTo but for changes: read-only shares do not grant edits. */
export function editableBy(scope: DataScope, t: OwnedTable, entityType: string): SQL {
  return scoped(scope, t, entityType, 'edit');
}
