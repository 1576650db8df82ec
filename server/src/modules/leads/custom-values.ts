import type { DbOrTx } from '../../db/client.ts';
import { validateCustomFields } from '../custom-fields/validate.ts';

/** Lead custom values against the admin's definitions; pass the inserting transaction on create (auto-numbers). */
export function cleanLeadCustom(db: DbOrTx, input: Record<string, unknown>, opts: { partial: boolean; existing?: Record<string, unknown>; region: string }): Promise<Record<string, unknown>> {
  return validateCustomFields(db, 'lead', input, opts);
}
