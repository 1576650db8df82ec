import { AppError } from '../../errors/catalog.ts';
import { normalizePhone } from '../phones/normalize.ts';

export interface CleanPhone {
  e164: string;
  raw: string;
  kind: 'mobile' | 'work' | 'home' | 'fax' | 'other';
}

/** Normalises every number or reports each bad one as `phones/<i>`; duplicates collapse to one. */
export function cleanPhones(raw: readonly string[], region: string): CleanPhone[] {
  const out: CleanPhone[] = [];
  const details: { path: string; message: string }[] = [];
  raw.forEach((input, i) => {
    const n = normalizePhone(input, region);
    if (!n) details.push({ path: `phones/${i}`, message: 'not a valid phone number' });
    else if (!out.some((p) => p.e164 === n.e164)) out.push({ e164: n.e164, raw: input.trim(), kind: n.kind });
  });
  if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
  return out;
}
