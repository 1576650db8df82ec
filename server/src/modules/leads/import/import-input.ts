// What one lead import is asked to do: shared by the importer and its writer (a file of its own so the
// writer need not import the importer).
import type { DedupeKey, DuplicatePolicy, ImportMapping } from '../../../db/schema/lead-imports.ts';
import type { ImportCounters } from './repository.ts';

export interface ImportInput {
  batchId: string;
  buffer: Buffer;
  filename: string;
  mapping: ImportMapping;
  policy: DuplicatePolicy;
  dedupeKeys?: DedupeKey[];
  ownerId: string | null;
  teamId: string | null;
  /** The user running the import (audit, created_by); defaults to ownerId. */
  actorUserId?: string | null;
  onProgress?: (c: ImportCounters) => void | Promise<void>;
}
