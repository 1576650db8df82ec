import type { CustomFieldOption, CustomFieldSettings, CustomFieldType } from '../../db/schema/custom-fields.ts';
import { normalizePhone } from '../phones/normalize.ts';

/** The parts of a definition a single value is checked against. */
export interface FieldRule {
  type: CustomFieldType;
  options: CustomFieldOption[];
  settings: CustomFieldSettings;
}

export type CheckResult = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): CheckResult => ({ ok: true, value });
const fail = (message: string): CheckResult => ({ ok: false, message });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** An absent value for "required": null, empty text, empty list. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function checkText(v: unknown, s: CustomFieldSettings): CheckResult {
  if (typeof v !== 'string') return fail('must be text');
  // Stored as typed (HTML included): the console renders it as text, never as markup.
  if (v.length > (s.maxLength ?? 2000)) return fail(`must be at most ${s.maxLength ?? 2000} characters`);
  return ok(v);
}

function checkNumber(v: unknown, s: CustomFieldSettings): CheckResult {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fail('must be a number');
  if (s.min !== undefined && n < s.min) return fail(`must be at least ${s.min}`);
  if (s.max !== undefined && n > s.max) return fail(`must be at most ${s.max}`);
  return ok(n);
}

function checkDate(v: unknown): CheckResult {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return fail('must be a date YYYY-MM-DD');
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return fail('must be a real calendar date');
  return ok(v);
}

function checkDropdown(v: unknown, options: CustomFieldOption[]): CheckResult {
  if (typeof v !== 'string') return fail('must be one of the options');
  return options.some((o) => o.value === v) ? ok(v) : fail('must be one of the options');
}

function checkMultiselect(v: unknown, options: CustomFieldOption[]): CheckResult {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return fail('must be a list of options');
  const bad = v.find((x) => !options.some((o) => o.value === x));
  if (bad !== undefined) return fail(`"${bad}" is not one of the options`);
  return ok([...new Set(v)]);
}

function checkImage(v: unknown): CheckResult {
  if (typeof v !== 'string') return fail('must be an image URL or upload id');
  if (UUID.test(v)) return ok(v.toLowerCase());
  return checkUrl(v).ok ? ok(v) : fail('must be an image URL or upload id');
}

function checkUrl(v: unknown): CheckResult {
  if (typeof v !== 'string' || v.length > 2000) return fail('must be an http(s) URL');
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? ok(v) : fail('must be an http(s) URL');
  } catch {
    return fail('must be an http(s) URL');
  }
}

function checkEmail(v: unknown): CheckResult {
  if (typeof v !== 'string' || v.length > 254 || !EMAIL.test(v.trim())) return fail('must be an e-mail address');
  return ok(v.trim().toLowerCase());
}

function checkPhone(v: unknown, region: string): CheckResult {
  const n = typeof v === 'string' ? normalizePhone(v, region) : undefined;
  return n ? ok(n.e164) : fail('must be a valid phone number');
}

/** One non-empty value against its field's type; returns the cleaned value to store. */
export function checkValue(rule: FieldRule, v: unknown, region: string): CheckResult {
  switch (rule.type) {
    case 'text':
      return checkText(v, rule.settings);
    case 'number':
      return checkNumber(v, rule.settings);
    case 'date':
      return checkDate(v);
    case 'dropdown':
      return checkDropdown(v, rule.options);
    case 'multiselect':
      return checkMultiselect(v, rule.options);
    case 'image':
      return checkImage(v);
    case 'phone':
      return checkPhone(v, region);
    case 'email':
      return checkEmail(v);
    case 'url':
      return checkUrl(v);
    case 'autonumber':
      return fail('is assigned automatically');
  }
}

/** "CUS-" + 6 digits by default. */
export function formatAutoNumber(n: number, s: CustomFieldSettings): string {
  return `${s.prefix ?? ''}${String(n).padStart(s.padding ?? 6, '0')}`;
}
