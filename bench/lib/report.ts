// Every benchmark ends here: a printed table, bench/results/<name>.json with the latest figures,
// and one dated row per run appended to bench/RESULTS.md with the machine it ran on.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';

export const benchRoot = resolve(import.meta.dirname, '..');

export function machineDescription(): string {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function printTable(rows: Record<string, unknown>[]): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  console.log(line(cols));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
}

/**
 * Writes the figures. `summary` is the short human line for RESULTS.md (figures vs targets);
 * `outFile` overrides bench/results/<name>.json.
 */
export function writeResults(name: string, figures: Record<string, unknown>, summary: string, outFile?: string): void {
  const out = outFile ? resolve(outFile) : resolve(benchRoot, 'results', `${name}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const payload = { ...figures, _meta: { ranAt: new Date().toISOString(), machine: machineDescription() } };
  writeFileSync(out, JSON.stringify(payload, null, 2) + '\n');
  const md = resolve(benchRoot, 'RESULTS.md');
  if (!existsSync(md) || !readFileSync(md, 'utf8').includes('| date |')) {
    writeFileSync(md, '# Benchmark results\n\nOne row per run, newest last. Latest figures per benchmark: `bench/results/<name>.json`.\n\n| date | benchmark | machine | figures |\n|---|---|---|---|\n');
  }
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  appendFileSync(md, `| ${date} | ${name} | ${machineDescription()} | ${summary.replace(/\|/g, '/')} |\n`);
  console.log(`\nwrote ${out} and a row in bench/RESULTS.md`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}
