// The server's modules import one another in one direction only: a cycle (even of type imports) makes
// load order matter and lets internals leak between modules (telephony's 21-file cycle was how the
// dialer and supervision came to write its maps). dpdm walks the real import graph from main.ts.
import { resolve } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('the server import graph', () => {
  it('has no import cycle, type imports included', async () => {
    const tree = await parseDependencyTree(['server/src/main.ts'], {
      context: root,
      transform: false,
      skipDynamicImports: false,
      tsconfig: resolve(root, 'server/tsconfig.json'),
    });
    const cycles = parseCircular(tree).map((c) => c.join(' -> '));
    expect(cycles).toEqual([]);
  }, 60_000);
});
