// Every module uses the telephony facade, never telephony's internals: outside modules/telephony, source
// files import only its public files, and nothing but the telephony plugin touches the runtime
// (`app.telephony`); the others use `app.telephonyFacade`. Type imports count: a type from the runtime's
// maps is how a module comes to read them. Tests may reach further (they inspect what they test).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname);
const telephony = join(src, 'modules/telephony');

/** What other modules may import from modules/telephony. */
const PUBLIC: { test(file: string): boolean; why: string }[] = [
  { test: (f) => f === 'facade.ts' || /^facade-[a-z-]+\.ts$/.test(f), why: 'the facade, grouped by client' },
  { test: (f) => f === 'leg-tag.ts', why: 'the leg tag codec (pure; the dialer tags its own legs)' },
  { test: (f) => f === 'sip-password.ts', why: 'a pure leaf (agents and softphone create profiles)' },
];

/** Files outside the module that assemble the role itself, and what of it they may import. */
const ASSEMBLY: Record<string, string[]> = {
  // The telephony role's plugin: builds the runtime and the facade, replays offers to a reconnecting console.
  'plugins/pbx.ts': ['role.ts', 'runtime.ts', 'offer-replay.ts'],
  // The demo data script seeds telephony's demo queue and DID.
  'cli/demo-data.ts': ['demo-seed.ts'],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)].map((m) => m[1]!).filter((s) => s.startsWith('.'));
}

const outside = sources(src).filter((f) => !f.startsWith(telephony + '/'));

describe('the telephony boundary', () => {
  it('modules import only the facade and the public leaves of modules/telephony', () => {
    const breaches: string[] = [];
    let facadeImports = 0;
    for (const file of outside) {
      const from = relative(src, file);
      for (const spec of importsOf(file)) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(telephony + '/')) continue;
        const name = relative(telephony, target);
        if (PUBLIC.some((p) => p.test(name))) {
          if (name.startsWith('facade')) facadeImports++;
          continue;
        }
        if (ASSEMBLY[from]?.includes(name)) continue;
        breaches.push(`${from} imports telephony/${name}`);
      }
    }
    expect(breaches).toEqual([]);
    // The scan itself works: the dialer, supervision, calls… do import the facade.
    expect(facadeImports).toBeGreaterThan(5);
  });

  it('nothing but the telephony plugin uses the runtime itself (app.telephony)', () => {
    const users = outside
      .filter((f) => relative(src, f) !== 'plugins/pbx.ts')
      .filter((f) => /\bapp\.telephony\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(users).toEqual([]);
  });

  it('recognises a breach', () => {
    const file = join(src, 'modules/calls/routes.ts');
    const target = resolve(dirname(file), '../telephony/runtime.ts');
    expect(target.startsWith(telephony + '/')).toBe(true);
    expect(PUBLIC.some((p) => p.test(basename(target)))).toBe(false);
    expect(
      [..."import type { X } from '../telephony/types.ts';".matchAll(SPECIFIER)].map((m) => m[1]),
    ).toEqual(['../telephony/types.ts']);
    expect(
      [...'import {\n  a,\n  b,\n} from "../telephony/x.ts";'.matchAll(SPECIFIER)].map((m) => m[1]),
    ).toEqual(['../telephony/x.ts']);
  });
});
