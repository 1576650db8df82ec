// A deliberately tiny template language for the Asterisk configs in pbx/asterisk/: {{name}} only.
// Asterisk's own syntax uses ${…} and $[…], so {{…}} never collides with it.

/** Replaces every {{name}}; a placeholder without a value throws (a silent blank would break a config). */
export function renderTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`Template placeholder {{${name}}} has no value`);
    return String(v);
  });
}

/** Asterisk config values cannot hold newlines, and ";" starts a comment: refuse them in secrets/names. */
export function assertConfigSafe(name: string, value: string): void {
  if (/[\r\n;[\]]/.test(value) || value !== value.trim() || value === '') {
    throw new Error(`${name} must be non-empty, without spaces at the ends, newlines, ";" or brackets`);
  }
}
