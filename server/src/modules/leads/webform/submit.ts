import type { Db } from '../../../db/client.ts';
import { leads } from '../../../db/schema/leads.ts';
import { users } from '../../../db/schema/users.ts';
import { eq } from 'drizzle-orm';
import { AppError, type ErrorDetail } from '../../../errors/catalog.ts';
import { writeAudit } from '../../audit/service.ts';
import { normalizePhone } from '../../phones/normalize.ts';
import { replaceLeadPhones } from '../repository.ts';
import type { CleanPhone } from '../phones.ts';
import { HONEYPOT_FIELD } from './snippet.ts';
import type { WebformRow } from './repository.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX: Record<string, number> = { name: 200, company: 200, title: 200, email: 254, address: 500, notes: 5000 };

export interface CleanSubmission {
  fields: Record<string, string>;
  custom: Record<string, string>;
  phones: CleanPhone[];
}

export const isHoneypotFilled = (body: Record<string, unknown>) => typeof body[HONEYPOT_FIELD] === 'string' && (body[HONEYPOT_FIELD] as string).trim() !== '';

function checkField(key: string, value: string, region: string): string | undefined {
  if (value.length > (MAX[key] ?? 1000)) return `longer than ${MAX[key] ?? 1000} characters`;
  if (key === 'email' && !EMAIL.test(value)) return 'not an email address';
  if (key === 'phone' && !normalizePhone(value, region)) return 'not a valid phone number';
  return undefined;
}

/** Only the form's own fields are accepted; errors name only those fields, nothing about the system. */
export function validateSubmission(form: WebformRow, body: Record<string, unknown>, region: string): CleanSubmission {
  const details: ErrorDetail[] = [];
  const allowed = new Set([...form.fields.map((f) => f.key), HONEYPOT_FIELD]);
  for (const k of Object.keys(body)) if (!allowed.has(k)) details.push({ path: k, message: 'unknown field' });
  const out: CleanSubmission = { fields: {}, custom: {}, phones: [] };
  for (const f of form.fields) {
    const raw = body[f.key];
    const value = typeof raw === 'string' ? raw.trim() : raw === undefined ? '' : null;
    if (value === null) details.push({ path: f.key, message: 'must be text' });
    else if (!value) {
      if (f.required) details.push({ path: f.key, message: 'required' });
    } else {
      const problem = checkField(f.key, value, region);
      if (problem) details.push({ path: f.key, message: problem });
      else if (f.key === 'phone') out.phones.push({ ...normalizePhone(value, region)!, raw: value });
      else if (f.key.startsWith('custom.')) out.custom[f.key.slice(7)] = value;
      else out.fields[f.key] = value;
    }
  }
  if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
  return out;
}

/** A website lead (M5) owned by the form's target owner/team; a form without a name field uses the company or email. */
export async function createWebsiteLead(db: Db, form: WebformRow, s: CleanSubmission, ip: string): Promise<string> {
  let teamId = form.targetTeamId;
  if (!teamId && form.targetOwnerId) teamId = (await db.select({ t: users.teamId }).from(users).where(eq(users.id, form.targetOwnerId)))[0]?.t ?? null;
  const name = s.fields.name ?? s.fields.company ?? s.fields.email ?? s.phones[0]?.raw ?? '(website visitor)';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leads)
      .values({
        name, company: s.fields.company ?? null, title: s.fields.title ?? null, email: s.fields.email ?? null, address: s.fields.address ?? null,
        notes: s.fields.notes ?? null, custom: s.custom, source: 'website', webformId: form.id, ownerId: form.targetOwnerId, teamId,
      })
      .returning({ id: leads.id });
    await replaceLeadPhones(tx, row!.id, s.phones);
    await writeAudit(tx, { actorUserId: null, action: 'lead.create', entityType: 'lead', entityId: row!.id, details: { source: 'website', webformId: form.id }, ip });
    return row!.id;
  });
}
