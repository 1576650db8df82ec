/** Cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** UTF-8 with BOM so Excel on a Chinese Windows opens it with the right encoding. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((r) => r.map((v) => quote(neutralise(v === null ? '' : String(v)))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
