import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../server/src/config/index.ts';
import {
  connectAdapter,
  killOwnAriConnections,
  pbxReady,
  uniqueApp,
  uniqueDid,
  type Recorder,
} from './support.ts';

let config: Config;
let rec: Recorder;
const app = uniqueApp();

beforeAll(async () => {
  config = await pbxReady();
  rec = await connectAdapter(config, app);
}, 180_000);
afterAll(() => rec?.adapter.close());

describe('losing the ARI websocket', () => {
  it('emits disconnected then reconnected, and the app receives calls again', async () => {
    expect(killOwnAriConnections(config.ARI_URL)).toBeGreaterThan(0);
    await rec.next((e) => e.type === 'disconnected');
    const reconnected = await rec.next((e) => e.type === 'reconnected');
    expect(reconnected).toMatchObject({ attempts: 1 });
    expect(rec.adapter.connected).toBe(true);
    const kinds = rec.events
      .map((e) => e.type)
      .filter((t) => ['connected', 'disconnected', 'reconnected'].includes(t));
    expect(kinds).toEqual(['connected', 'disconnected', 'reconnected']);

    // The re-registered app gets a new call: Stasis() would have fallen back if it were not registered.
    const did = uniqueDid();
    await rec.adapter.originate({
      target: { kind: 'address', address: `Local/did-${did}@ringside-test` },
      appArgs: ['caller'],
      variables: { RINGSIDE_APP: app },
    });
    const entered = await rec.next((e) => e.type === 'callEntered' && e.args[1] === did);
    expect(entered).toMatchObject({ args: ['inbound', did] });
    if (entered.type === 'callEntered') await rec.adapter.hangup(entered.channelId);
  });
});
