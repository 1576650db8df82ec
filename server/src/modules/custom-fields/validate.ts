import type { DbOrTx } from '../../db/client.ts';
import type { CustomEntityType } from '../../db/schema/custom-fields.ts';
import { AppError, type ErrorDetail } from '../../errors/catalog.ts';
import { listDefinitions, nextAutoNumber, type FieldDefinition } from './repository.ts';
import { checkValue, formatAutoNumber, isEmptyValue } from './value-checks.ts';

export interface ValidateOptions {
  /** true for updates: only the keys given are checked; a null/empty value clears the field. */
  partial: boolean;
  /** The record's current custom values (updates): used for the cascading parent/child check. */
  existing?: Record<string, unknown>;
  /** Default region for phone-type fields (config.PHONE_DEFAULT_REGION); CN when omitted. */
  region?: string;
}

/**
 * Checks a record's custom values against the admin's definitions and returns the cleaned values to
 * store in its `custom` column (merge them over `existing` on update). Throws RS_VALIDATION with one
 * detail per bad field at path `custom.<key>`. On create (partial: false) auto-number fields are assigned
 * here: pass the transaction that inserts the record so a failed insert gives the number back.
 */
export async function validateCustomFields(
  db: DbOrTx,
  entityType: CustomEntityType,
  input: Record<string, unknown> | undefined,
  opts: ValidateOptions,
): Promise<Record<string, unknown>> {
  const defs = await listDefinitions(db, entityType, true);
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const given = input ?? {};
  const details: ErrorDetail[] = [];
  const out = cleanGiven(given, byKey, opts, details);
  if (!opts.partial) requireMissing(defs, given, details);
  checkCascades(defs, given, out, opts.existing ?? {}, details);
  if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
  if (!opts.partial) {
    for (const d of defs.filter((x) => x.type === 'autonumber')) out[d.key] = formatAutoNumber(await nextAutoNumber(db, d.id), d.settings);
  }
  return out;
}

function cleanGiven(given: Record<string, unknown>, byKey: Map<string, FieldDefinition>, opts: ValidateOptions, details: ErrorDetail[]) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    const def = byKey.get(key);
    const path = `custom.${key}`;
    if (!def) {
      details.push({ path, message: 'is not a defined field' });
    } else if (def.type === 'autonumber') {
      // Assigned by the server; a form that echoes the current number back is not an error.
      continue;
    } else if (isEmptyValue(value)) {
      if (def.required) details.push({ path, message: 'is required' });
      else if (opts.partial) out[key] = null;
    } else {
      const r = checkValue(def, value, opts.region ?? 'CN');
      if (r.ok) out[key] = r.value;
      else details.push({ path, message: r.message });
    }
  }
  return out;
}

function requireMissing(defs: FieldDefinition[], given: Record<string, unknown>, details: ErrorDetail[]): void {
  for (const d of defs) {
    if (d.required && d.type !== 'autonumber' && !(d.key in given)) details.push({ path: `custom.${d.key}`, message: 'is required' });
  }
}

/** A child dropdown's option must belong to the parent field's current value. */
function checkCascades(
  defs: FieldDefinition[],
  given: Record<string, unknown>,
  out: Record<string, unknown>,
  existing: Record<string, unknown>,
  details: ErrorDetail[],
): void {
  for (const d of defs) {
    if (!d.parentKey || d.type !== 'dropdown') continue;
    if (!(d.key in given) && !(d.parentKey in given)) continue;
    if (details.some((x) => x.path === `custom.${d.key}`)) continue;
    const child = d.key in given ? out[d.key] : existing[d.key];
    if (isEmptyValue(child)) continue;
    const parent = d.parentKey in given ? out[d.parentKey] : existing[d.parentKey];
    const option = d.options.find((o) => o.value === child);
    if (option?.parent !== undefined && option.parent !== parent) {
      details.push({ path: `custom.${d.key}`, message: `does not belong to the chosen ${d.parentKey}` });
    }
  }
}
