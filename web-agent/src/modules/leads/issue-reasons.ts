/**
 * Row-issue reasons come from the server as short English sentences (they also go into the downloadable
 * CSV); the known ones are shown translated, anything else as sent.
 */
const PATTERNS: [RegExp, string][] = [
  [/^required$/, 'required'],
  [/^not a valid phone number: (.*)$/, 'badPhone'],
  [/^not an email address$/, 'badEmail'],
  [/^longer than (\d+) characters$/, 'tooLong'],
  [/^duplicate of row (\d+) in this file$/, 'duplicateRow'],
  [/^matches an existing (lead|customer|contact)$/, 'matchesExisting'],
  [/^already imported from this file$/, 'alreadyImported'],
];

export function reasonKey(reason: string): { key: string; arg: string } | undefined {
  for (const [re, key] of PATTERNS) {
    const m = re.exec(reason);
    if (m) return { key: `leadsPage.reasons.${key}`, arg: m[1] ?? '' };
  }
  return undefined;
}
