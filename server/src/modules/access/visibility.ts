import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DataScope } from './scope.ts';

/** drizzle spreads a JS array into separate parameters; pass one Postgres array literal instead (ids are uuids). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

export interface OwnedTable {
  id: AnyColumn;
  ownerId: AnyColumn;
  teamId: AnyColumn;
}

function shareMatch(scope: Extract<DataScope, { kind: 'limited' }>, entityType: string, id: AnyColumn, editOnly: boolean): SQL {
  const team = scope.ownTeamId ? sql` or s.team_id = ${scope.ownTeamId}::uuid` : sql``;
  const edit = editOnly ? sql` and s.can_edit` : sql``;
  return sql`exists (select 1 from record_shares s where s.entity_type = ${entityType} and s.entity_id = ${id}
    and (s.user_id = ${scope.userId}::uuid${team})${edit})`;
}

/**
 * WHERE fragment limiting a query to the records the scope may read. Every repository query on an owned
 * table goes through this (or canWrite for updates): the rule lives in the data layer, not only the UI.
 */
export function visibleTo(scope: DataScope, t: OwnedTable, entityType: string): SQL {
  if (scope.kind === 'all') return sql`true`;
  const parts: SQL[] = [sql`${t.ownerId} = any(${uuidArray(scope.userIds)}::uuid[])`];
  if (scope.teamIds.length) parts.push(sql`${t.teamId} = any(${uuidArray(scope.teamIds)}::uuid[])`);
  parts.push(shareMatch(scope, entityType, t.id, false));
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Same as visibleTo but for changes: read-only shares do not grant edits. */
export function editableBy(scope: DataScope, t: OwnedTable, entityType: string): SQL {
  if (scope.kind === 'all') return sql`true`;
  const parts: SQL[] = [sql`${t.ownerId} = any(${uuidArray(scope.userIds)}::uuid[])`];
  if (scope.teamIds.length) parts.push(sql`${t.teamId} = any(${uuidArray(scope.teamIds)}::uuid[])`);
  parts.push(shareMatch(scope, entityType, t.id, true));
  return sql`(${sql.join(parts, sql` or `)})`;
}
