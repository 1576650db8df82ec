// A telephony world whose outbound legs (click-to-dial, transfers and conferences to a number) reach a
// Local channel in ringside-test instead of a carrier (OUTBOUND_DIAL), plus a look at a bridge's
// members on the real Asterisk (read-only ARI, test side only).
import { startTestServer } from '../../support/test-server.ts';
import { connectAdapter, pbxReady, uniqueApp, until } from '../pbx/support.ts';
import type { TelephonyWorld } from './support.ts';

export async function outboundWorld(outboundDial = 'Local/tone@ringside-test'): Promise<TelephonyWorld> {
  await pbxReady();
  const app = uniqueApp('rs-tel');
  const server = await startTestServer({ listen: true, overrides: { ARI_APP: app, ROLES: 'all', PBX_ENABLED: 'true', OUTBOUND_DIAL: outboundDial } });
  await until(() => server.app.telephony?.pbx.connected, 15_000, 'the telephony role to connect to ARI');
  const callers = await connectAdapter(server.config, uniqueApp('rs-callers'));
  return {
    server, app, callers,
    async close() {
      await callers.adapter.close();
      await server.close();
    },
  };
}

/** Channel ids in a bridge, or undefined when there is no such bridge. */
export async function bridgeMembers(w: TelephonyWorld, bridgeId: string): Promise<string[] | undefined> {
  const c = w.server.config;
  const res = await fetch(`${c.ARI_URL}/ari/bridges/${encodeURIComponent(bridgeId)}`, {
    headers: { authorization: `Basic ${Buffer.from(`${c.ARI_USER}:${c.ARI_PASSWORD}`).toString('base64')}` },
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`ARI bridges/${bridgeId}: ${res.status}`);
  return ((await res.json()) as { channels: string[] }).channels;
}
