import { AsteriskAdapter, type AsteriskAdapterOptions } from './adapter.ts';

export type { AsteriskAdapterOptions } from './adapter.ts';
export type { AsteriskAdapter } from './adapter.ts';

/** The Asterisk (ARI) implementation of PbxPort. Call connect() before use. */
export function createAsteriskAdapter(opts: AsteriskAdapterOptions): AsteriskAdapter {
  return new AsteriskAdapter(opts);
}
