// DNC lists and dial records must agree on how a number is written, or "+44 20 7946 0000" slips past
// a list holding "+442079460000". Numbers are compared as '+' and digits only.

export function normalizePhone(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  const national = trimmed.startsWith('00') ? digits.slice(2) : digits;
  return international ? `+${national}` : national;
}

/** Builds a DNC set from raw list entries, normalised the same way as the numbers checked against it. */
export function dncSet(entries: Iterable<string>): Set<string> {
  const s = new Set<string>();
  for (const e of entries) s.add(normalizePhone(e));
  return s;
}

export function isOnDnc(phone: string, list: ReadonlySet<string>): boolean {
  return list.has(normalizePhone(phone));
}
