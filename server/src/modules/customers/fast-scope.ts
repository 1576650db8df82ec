import type { SQL } from 'drizzle-orm';
import type { DataScope } from '../access/scope.ts';
import { editableBy, visibleTo, type OwnedTable } from '../access/visibility.ts';

/** The shared access rule (access/visibility.ts), by mode; kept for the customers modules' call sites. */
export function scopedTo(scope: DataScope, t: OwnedTable, entityType: string, mode: 'read' | 'edit' = 'read'): SQL {
  return mode === 'edit' ? editableBy(scope, t, entityType) : visibleTo(scope, t, entityType);
}
