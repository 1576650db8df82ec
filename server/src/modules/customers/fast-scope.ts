import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../access/scope.ts';
import type { OwnedTable } from '../access/visibility.ts';

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Same rule as access/visibility.ts visibleTo/editableBy (owner in the manager chain, team managed,
 * or shared with the user or their team), written so every branch is index-usable: the shared ids are
 * collected once (an InitPlan over record_shares_user_idx/team_idx) and matched with `id = any(...)`.
 * With a correlated EXISTS in the OR, PostgreSQL cannot combine indexes and scans the whole table,
 * which at a million customers costs seconds; this form is a BitmapOr of three index probes.
 */
export function scopedTo(scope: DataScope, t: OwnedTable, entityType: string, mode: 'read' | 'edit' = 'read'): SQL {
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
